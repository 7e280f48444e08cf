/** What the background needs of the agent's machine: their clock and settings, and a desktop notification. */
import { browser } from 'wxt/browser';
import { setLocale } from '@/lib/i18n';
import type { AgentClock } from '@/lib/promises/log';
import { shiftAt } from '@/lib/promises/shifts';
import { getSettings } from '@/lib/settings';
import { resolveTimeZone } from '@/lib/time/civil';

const ICON = '/notification.png';

export async function agentClock(): Promise<AgentClock> {
  const s = await getSettings();
  setLocale(s.uiLanguage);
  const now = Date.now();
  const timeZone = resolveTimeZone(s.timeZone);
  const agent = s.agentName.trim() || undefined;
  return { now, timeZone, shiftEnd: s.shift.end, agent, shift: shiftAt(s.shifts, now, timeZone)?.name };
}

export async function notify(id: string, title: string, message: string, items?: { title: string; message: string }[]) {
  try {
    await browser.notifications.create(id, {
      type: items?.length ? 'list' : 'basic',
      iconUrl: browser.runtime.getURL(ICON),
      title,
      message,
      ...(items?.length ? { items } : {}),
      priority: 1,
    });
  } catch (e) {
    console.warn('[huashu] notification failed', e);
  }
}

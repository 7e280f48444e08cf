/** What the background needs of the agent's machine: their clock and settings, and a desktop notification. */
import { browser } from 'wxt/browser';
import { setLocale } from '@/lib/i18n';
import type { AgentClock } from '@/lib/promises/log';
import { getSettings } from '@/lib/settings';
import { resolveTimeZone } from '@/lib/time/civil';

const ICON = '/notification.png';

export async function agentClock(): Promise<AgentClock> {
  const s = await getSettings();
  setLocale(s.uiLanguage);
  return { now: Date.now(), timeZone: resolveTimeZone(s.timeZone), shiftEnd: s.shift.end };
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

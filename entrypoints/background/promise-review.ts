/**
 * The promise log's reminders (日清): the badge (open count, red when something is overdue) follows the table
 * live, the overdue check runs every few minutes and the evening review at the end of the shift (alarms:
 * they survive the service worker being stopped; created idempotently on every start).
 */
import Dexie, { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { db } from '@/lib/db/db';
import { getLocale, t } from '@/lib/i18n';
import { nextShiftEnd } from '@/lib/promises/due';
import { reviewList } from '@/lib/promises/review';
import { REVIEW_PATH, reviewRequest } from '@/lib/promises/review-flag';
import { markOverdueNotified } from '@/lib/promises/store';
import { resolveTimeZone } from '@/lib/time/civil';
import { formatDue } from '@/lib/time/format';
import { getSettings } from '@/lib/settings';
import { agentClock, notify } from './agent';
import { showBadgePart } from './badge';

export const ALARM_REVIEW = 'huashu:promises-review';
export const ALARM_TICK = 'huashu:promises-tick';
/** How often overdue promises are checked during the day (minutes). */
export const TICK_MINUTES = 5;
export const NOTIFY_REVIEW = 'huashu-review';
export const NOTIFY_OVERDUE = 'huashu-overdue';

/** Review at the next end of shift; overdue check every TICK_MINUTES. Safe to call again and again. */
export async function ensureAlarms(): Promise<void> {
  const s = await getSettings();
  const when = nextShiftEnd(Date.now(), resolveTimeZone(s.timeZone), s.shift.end);
  const review = await browser.alarms.get(ALARM_REVIEW);
  if (!review || Math.abs(review.scheduledTime - when) > 60_000) await browser.alarms.create(ALARM_REVIEW, { when });
  const tick = await browser.alarms.get(ALARM_TICK);
  if (!tick) await browser.alarms.create(ALARM_TICK, { delayInMinutes: 1, periodInMinutes: TICK_MINUTES });
}

async function countOpen(now: number) {
  const open = await db.promises.where('status').equals('open').count();
  const overdue = await db.promises
    .where('[status+due]')
    .between(['open', Dexie.minKey], ['open', now], true, false)
    .count();
  return { open, overdue };
}

async function setBadge({ open, overdue }: { open: number; overdue: number }) {
  // The badge is shared with pack subscriptions (badge.ts).
  const text = open ? String(open) : '';
  const part = { text, color: overdue ? '#cf222e' : '#e4572e', title: open ? t('badgeTitle', open, overdue) : '' };
  await showBadgePart('promises', part, t('extName'));
}

/** The badge follows the table live (writes from the side panel included: Dexie broadcasts them). */
export function watchBadge() {
  liveQuery(() => countOpen(Date.now())).subscribe({
    next: (counts) => void setBadge(counts).catch(() => {}),
    error: (e) => console.error('[huashu] badge', e),
  });
}

/** During the day: tell about promises that just became overdue (once each) and refresh the badge. */
export async function overdueCheck(): Promise<void> {
  const { timeZone } = await agentClock();
  const now = Date.now();
  const late = await db.promises
    .where('[status+due]')
    .between(['open', Dexie.minKey], ['open', now], true, false)
    .filter((p) => !p.overdueNotifiedAt)
    .toArray();
  await setBadge(await countOpen(now));
  if (!late.length) return;
  await notify(
    NOTIFY_OVERDUE,
    t('overdueNotifyTitle', late.length),
    t('reviewNotifyMessage'),
    late.slice(0, 5).map((p) => ({
      title: p.buyer ?? '—',
      message: `${formatDue(p.due, now, timeZone, getLocale())} ${p.text.slice(0, 60)}`,
    })),
  );
  await markOverdueNotified(
    db,
    late.map((p) => p.uid),
    now,
  );
}

/** End of shift: badge with the open count, a notification listing them, the side panel in review mode. */
export async function eveningReview(): Promise<void> {
  const { timeZone } = await agentClock();
  const now = Date.now();
  const open = reviewList(await db.promises.where('status').equals('open').toArray());
  await setBadge(await countOpen(now));
  await reviewRequest.setValue(now);
  if (open.length)
    await notify(
      NOTIFY_REVIEW,
      t('reviewNotifyTitle', open.length),
      t('reviewNotifyMessage'),
      open.slice(0, 5).map((p) => ({
        title: p.buyer ?? '—',
        message: `${formatDue(p.due, now, timeZone, getLocale())} ${p.text.slice(0, 60)}`,
      })),
    );
  await ensureAlarms();
}

/** Open the side panel (or, without a user gesture, the side panel page in a tab) in review mode. */
export async function openReview() {
  await reviewRequest.setValue(Date.now());
  try {
    const win = await browser.windows.getLastFocused();
    if (win.id === undefined) throw new Error('no window');
    await browser.sidePanel.open({ windowId: win.id });
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL(REVIEW_PATH) });
  }
}

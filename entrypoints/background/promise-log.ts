/**
 * Background wiring of the promise log (日清): the log-promise shortcut, the content script's
 * log/undo/edit messages, the badge (open count, red when something is overdue), the overdue check
 * every few minutes and the evening review at the end of the shift (alarms: they survive the service
 * worker being stopped; created idempotently on every start).
 */
import Dexie, { liveQuery } from 'dexie';
import { browser, type Browser } from 'wxt/browser';
import { chatFramesOf } from '@/lib/consoles/chat-frames';
import { db } from '@/lib/db/db';
import { newUid } from '@/lib/db/rows';
import { logFeedback } from '@/lib/feedback/log';
import { getLocale, setLocale, t } from '@/lib/i18n';
import { onMessage, sendMessage, type LogFeedbackResult, type LogPromiseResult } from '@/lib/messaging';
import type { CaptureKind } from '@/lib/promises/capture';
import { nextShiftEnd } from '@/lib/promises/due';
import { formatDue } from '@/lib/time/format';
import { pickCapture, type FrameAnswer } from '@/lib/promises/frame-capture';
import { logPromise, undoPromise, updatePromise, type AgentClock } from '@/lib/promises/log';
import { reviewList } from '@/lib/promises/review';
import { REVIEW_PATH, reviewRequest } from '@/lib/promises/review-flag';
import { markOverdueNotified } from '@/lib/promises/store';
import { resolveTimeZone } from '@/lib/time/civil';
import { getSettings, settingsItem } from '@/lib/settings';

export const ALARM_REVIEW = 'huashu:promises-review';
export const ALARM_TICK = 'huashu:promises-tick';
/** How often overdue promises are checked during the day (minutes). */
export const TICK_MINUTES = 5;
export const NOTIFY_REVIEW = 'huashu-review';
export const NOTIFY_OVERDUE = 'huashu-overdue';
export const NOTIFY_NOT_CONSOLE = 'huashu-not-console';
const ICON = '/notification.png';

export async function agentClock(): Promise<AgentClock> {
  const s = await getSettings();
  setLocale(s.uiLanguage);
  return { now: Date.now(), timeZone: resolveTimeZone(s.timeZone), shiftEnd: s.shift.end };
}

export function setupPromises() {
  // A page chooses its promise's uid and a secret ownerKey: a retry of the same uid (the service worker
  // stopped before it answered) returns the stored row; Undo and Edit need the key (another tab cannot).
  onMessage('logPromise', async ({ data, sender }) => {
    if (!wellFormedIds(data)) return { ok: false, error: 'refused' };
    return logPromise(db, { ...data, url: data.url || sender.tab?.url || '' }, await agentClock());
  });
  onMessage('undoPromise', ({ data }) => undoPromise(db, data.uid, data.ownerKey, Date.now()));
  onMessage('updatePromise', ({ data }) => updatePromise(db, data.uid, data.ownerKey, data.patch, Date.now()));

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'log-promise') void runShortcut('promise', tab);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_REVIEW) void eveningReview();
    else if (alarm.name === ALARM_TICK) void overdueCheck();
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id === NOTIFY_REVIEW || id === NOTIFY_OVERDUE) void openReview();
    void browser.notifications.clear(id);
  });
  browser.runtime.onInstalled.addListener(() => void ensureAlarms());
  browser.runtime.onStartup.addListener(() => void ensureAlarms());
  settingsItem.watch(() => void ensureAlarms());
  void ensureAlarms();
  watchBadge();
}

const ID = /^[\w-]{8,64}$/;

/** A page's uid and ownerKey, when given, are ids of 8–64 letters, digits, '-' or '_'. */
export function wellFormedIds(data: { uid?: unknown; ownerKey?: unknown }): boolean {
  return [data.uid, data.ownerKey].every((v) => v === undefined || (typeof v === 'string' && ID.test(v)));
}

/**
 * A shortcut in the active tab: the content script captures, the background stores, the page shows the
 * toast. The chat may live in an iframe: the top frame and each sub-frame that watches a chat are asked
 * by frameId, one answer is kept (lib/promises/frame-capture.ts) and the toast shows in that frame.
 * Without a content script (not an enabled console) a notification says so; nothing is logged.
 */
export async function runShortcut(kind: CaptureKind, tab?: Browser.tabs.Tab): Promise<void> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (tabId === undefined) return notify(NOTIFY_NOT_CONSOLE, t('errNotConsoleTitle'), t('errNotConsole'));
  const chosen = pickCapture(await askFrames(tabId, [...(await chatFramesOf(tabId)), 0], kind));
  if (!chosen) return notify(NOTIFY_NOT_CONSOLE, t('errNotConsoleTitle'), t('errNotConsole'));
  const { frameId, result: captured } = chosen;
  let result: LogPromiseResult | LogFeedbackResult;
  if (!captured.ok) result = { ok: false, error: captured.error };
  // The toast in that frame may undo or edit what the shortcut logged: it gets the key with the row.
  else if (kind === 'promise')
    result = await logPromise(db, { ...captured.capture, ownerKey: newUid() }, await agentClock());
  else result = await logFeedback(db, { ...captured.capture, ownerKey: newUid() }, Date.now());
  try {
    await sendMessage(
      'showLogResult',
      kind === 'promise' ? { kind, result: result as LogPromiseResult } : { kind, result: result as LogFeedbackResult },
      { tabId, frameId },
    );
  } catch {
    // The tab went away between capture and result: the promise is stored; say so outside the page.
    if (result.ok)
      notify(`huashu-logged-${Date.now()}`, t(kind === 'promise' ? 'toastPromiseLogged' : 'toastFeedbackLogged'), '');
  }
}

/** Ask each frame (in parallel) for its capture; frames without Huashu, or gone, give no answer. */
async function askFrames(tabId: number, frameIds: number[], kind: CaptureKind): Promise<FrameAnswer[]> {
  const answers = await Promise.all(
    frameIds.map((frameId) =>
      sendMessage('capturePage', { kind }, { tabId, frameId }).then(
        (result): FrameAnswer | null => (result ? { frameId, result } : null),
        () => null,
      ),
    ),
  );
  return answers.filter((a): a is FrameAnswer => a !== null);
}

async function notify(id: string, title: string, message: string, items?: { title: string; message: string }[]) {
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
  await browser.action.setBadgeText({ text: open ? String(open) : '' });
  await browser.action.setBadgeBackgroundColor({ color: overdue ? '#cf222e' : '#e4572e' });
  await browser.action.setTitle({ title: open ? t('badgeTitle', open, overdue) : t('extName') });
}

/** The badge follows the table live (writes from the side panel included: Dexie broadcasts them). */
function watchBadge() {
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
async function openReview() {
  await reviewRequest.setValue(Date.now());
  try {
    const win = await browser.windows.getLastFocused();
    if (win.id === undefined) throw new Error('no window');
    await browser.sidePanel.open({ windowId: win.id });
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL(REVIEW_PATH) });
  }
}

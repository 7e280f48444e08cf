/**
 * Background wiring of the promise log (日清): the log-promise shortcut and the content script's
 * log/undo/edit messages. The reminders (badge, overdue check, evening review) are in promise-review.ts.
 */
import { browser, type Browser } from 'wxt/browser';
import { chatFramesOf } from '@/lib/consoles/chat-frames';
import { db } from '@/lib/db/db';
import { newUid } from '@/lib/db/rows';
import { logFeedback } from '@/lib/feedback/log';
import { filingContext } from './feedback-context';
import { t } from '@/lib/i18n';
import { onMessage, sendMessage, type LogFeedbackResult, type LogPromiseResult } from '@/lib/messaging';
import type { CaptureKind } from '@/lib/promises/capture';
import { pickCapture, type FrameAnswer } from '@/lib/promises/frame-capture';
import { logPromise, undoPromise, updatePromise } from '@/lib/promises/log';
import { settingsItem } from '@/lib/settings';
import {
  ALARM_REVIEW,
  ALARM_TICK,
  NOTIFY_OVERDUE,
  NOTIFY_REVIEW,
  ensureAlarms,
  eveningReview,
  openReview,
  overdueCheck,
  watchBadge,
} from './promise-review';
import { agentClock, notify } from './agent';

export const NOTIFY_NOT_CONSOLE = 'huashu-not-console';

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
  else result = await logFeedback(db, { ...captured.capture, ownerKey: newUid() }, Date.now(), await filingContext());
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

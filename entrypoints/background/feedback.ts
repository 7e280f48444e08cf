/** Background wiring of buyer feedback: the log-feedback shortcut and the content script's messages. */
import { browser } from 'wxt/browser';
import { db } from '@/lib/db/db';
import { changeFeedback, logFeedback, undoFeedback } from '@/lib/feedback/log';
import { onMessage } from '@/lib/messaging';
import { runShortcut } from './promise-log';

export function setupFeedback() {
  onMessage('logFeedback', ({ data, sender }) =>
    logFeedback(db, { ...data, url: data.url || sender.tab?.url || '' }, Date.now()),
  );
  onMessage('undoFeedback', ({ data }) => undoFeedback(db, data.uid));
  onMessage('updateFeedback', ({ data }) => changeFeedback(db, data.uid, data.patch, Date.now()));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'log-feedback') void runShortcut('feedback', tab);
  });
}

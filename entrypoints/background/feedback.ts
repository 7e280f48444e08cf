/** Background wiring of buyer feedback: the log-feedback shortcut and the content script's messages. */
import { browser } from 'wxt/browser';
import { db } from '@/lib/db/db';
import { changeFeedback, logFeedback, undoFeedback } from '@/lib/feedback/log';
import { onMessage } from '@/lib/messaging';
import { filingContext } from './feedback-context';
import { runShortcut, wellFormedIds } from './promise-log';

export function setupFeedback() {
  // As for promises: the page's uid makes a retry harmless, its ownerKey guards Undo and the department.
  onMessage('logFeedback', ({ data, sender }) => {
    if (!wellFormedIds(data)) return { ok: false, error: 'refused' };
    return filingContext().then((context) =>
      logFeedback(db, { ...data, url: data.url || sender.tab?.url || '' }, Date.now(), context),
    );
  });
  onMessage('undoFeedback', ({ data }) => undoFeedback(db, data.uid, data.ownerKey));
  onMessage('updateFeedback', ({ data }) =>
    filingContext().then(({ due }) => changeFeedback(db, data.uid, data.ownerKey, data.patch, Date.now(), due)),
  );
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'log-feedback') void runShortcut('feedback', tab);
  });
}

/**
 * Counters on the page's `<html>` that say what the content script has done (automation contract): a test
 * or a user's own script waits for one of them to move before it claims that nothing happened.
 * - `data-huashu-checks`: how many times the page was read after a change (any DOM change in the frame);
 * - `data-huashu-answered`: how many buyer messages were passed to the engine;
 * - `data-huashu-turns`: how many times the open turn of a conversation just opened (or re-rendered) was read,
 *   once its history settled — it moves after the open turn's questions were passed to the engine, so a test
 *   waits for it before claiming that opening a conversation asked nothing;
 * - `data-huashu-suggested`: how many of those got the engine's reply on the card (or an error): a test waits
 *   for it before reading what the card shows for a message;
 * - `data-huashu-settled`: the open conversation once its history has settled (absent while it settles);
 * - `data-huashu-insert-waits`: how many insertions had to wait for the agent's input method to finish composing;
 * - `data-huashu-inserts`: how many insertions ended (the box took the text, or it was copied, or it failed).
 *   A test waits for one of these two to move before claiming that a click during a composition inserted nothing.
 */
export interface PageSignals {
  checked(): void;
  answered(): void;
  suggested(): void;
  turnRead(): void;
  settled(conversation: string): void;
  settling(): void;
  insertWaiting(): void;
  inserted(): void;
  clear(): void;
}

export function pageSignals(html: HTMLElement = document.documentElement): PageSignals {
  type Counter =
    'huashuChecks' | 'huashuAnswered' | 'huashuSuggested' | 'huashuTurns' | 'huashuInsertWaits' | 'huashuInserts';
  const bump = (key: Counter) => {
    html.dataset[key] = String(Number(html.dataset[key] ?? 0) + 1);
  };
  return {
    checked: () => bump('huashuChecks'),
    answered: () => bump('huashuAnswered'),
    suggested: () => bump('huashuSuggested'),
    turnRead: () => bump('huashuTurns'),
    settled: (conversation) => {
      html.dataset.huashuSettled = conversation;
    },
    settling: () => {
      delete html.dataset.huashuSettled;
    },
    insertWaiting: () => bump('huashuInsertWaits'),
    inserted: () => bump('huashuInserts'),
    clear: () => {
      for (const key of [
        'huashuChecks',
        'huashuAnswered',
        'huashuSuggested',
        'huashuTurns',
        'huashuSettled',
        'huashuInsertWaits',
        'huashuInserts',
      ] as const)
        delete html.dataset[key];
    },
  };
}

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
 * - `data-huashu-settled`: the open conversation once its history has settled (absent while it settles).
 */
export interface PageSignals {
  checked(): void;
  answered(): void;
  suggested(): void;
  turnRead(): void;
  settled(conversation: string): void;
  settling(): void;
  clear(): void;
}

export function pageSignals(html: HTMLElement = document.documentElement): PageSignals {
  const bump = (key: 'huashuChecks' | 'huashuAnswered' | 'huashuSuggested' | 'huashuTurns') => {
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
    clear: () => {
      for (const key of ['huashuChecks', 'huashuAnswered', 'huashuSuggested', 'huashuTurns', 'huashuSettled'] as const)
        delete html.dataset[key];
    },
  };
}

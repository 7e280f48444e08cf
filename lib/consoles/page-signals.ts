/**
 * Counters on the page's `<html>` that say what the content script has done (automation contract): a test
 * or a user's own script waits for one of them to move before it claims that nothing happened.
 * - `data-huashu-checks`: how many times the page was read after a change (any DOM change in the frame);
 * - `data-huashu-answered`: how many buyer messages were passed to the engine;
 * - `data-huashu-settled`: the open conversation once its history has settled (absent while it settles).
 */
export interface PageSignals {
  checked(): void;
  answered(): void;
  settled(conversation: string): void;
  settling(): void;
  clear(): void;
}

export function pageSignals(html: HTMLElement = document.documentElement): PageSignals {
  const bump = (key: 'huashuChecks' | 'huashuAnswered') => {
    html.dataset[key] = String(Number(html.dataset[key] ?? 0) + 1);
  };
  return {
    checked: () => bump('huashuChecks'),
    answered: () => bump('huashuAnswered'),
    settled: (conversation) => {
      html.dataset.huashuSettled = conversation;
    },
    settling: () => {
      delete html.dataset.huashuSettled;
    },
    clear: () => {
      for (const key of ['huashuChecks', 'huashuAnswered', 'huashuSettled'] as const) delete html.dataset[key];
    },
  };
}

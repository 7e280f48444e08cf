/**
 * What the card's buttons and keys do, on the card state (store.ts): insert an answer, a follow-up, a
 * compensation within the gift budget or a search result into the reply box, change tone, search the
 * library, log a promise or feedback. Everything the page or the extension provides comes in `deps`, so
 * the rules run in unit tests without a console.
 */
import type { CaretKeeper } from '@/lib/insert/caret';
import type { CompositionTracker } from '@/lib/insert/composition';
import type { ConsoleAdapter } from '@/lib/consoles/types';
import type { PageSignals } from '@/lib/consoles/page-signals';
import { guard, report } from '@/lib/guard';
import { fillPlaceholders, insertText, readText } from '@/lib/insert';
import type { UsageEvent } from '@/lib/library/usage';
import type { PageCapture, SuggestionView } from '@/lib/messaging';
import { pickOpener, withOpener } from '@/lib/match/openers';
import { compensationsWithin, followUpText, pickAnswer } from './logic';
import { cardStyle, currentCard, patchCard, type ContentStore } from './store';
import type { CardActions } from './types';

export interface CardActionDeps {
  store: ContentStore;
  adapter(): ConsoleAdapter;
  caret?: CaretKeeper;
  /** The agent's input method: insertion waits for a composition to end. */
  composition?: CompositionTracker;
  /** Page signals for automation (lib/consoles/page-signals.ts): an insertion waits for the IME, one ended. */
  signals?: Pick<PageSignals, 'insertWaiting' | 'inserted'>;
  /** Library search (the background's `search`). */
  search(query: string): Promise<SuggestionView[]>;
  /** Usage stats, best effort (the background's `recordUsage`). */
  recordUsage(event: UsageEvent): Promise<void>;
  budget: { left(): Promise<number>; spend(cost: number): Promise<void> };
  /** Delay a call (the content script context's setTimeout, dropped when the script is invalidated). */
  later(fn: () => void, ms: number): number;
  onLogPromise(capture: PageCapture): void;
  onLogFeedback(capture: PageCapture): void;
  teach(): void;
  reposition(): void;
  /** Keep the agent's collapse choice for this site (components/card/collapsed.ts), best effort. */
  rememberCollapsed(collapsed: boolean): Promise<void>;
}

/** Suggestions the card ranks first: an insert ranked below them counts as a miss. */
const TOP = 3;

/** Typing pauses this long before the library is searched. */
export const SEARCH_DELAY_MS = 150;

export function createCardActions(deps: CardActionDeps): CardActions {
  const { store } = deps;
  const current = deps.adapter;
  const conv = () => store.getState().conversation;
  const tone = () => {
    const s = store.getState();
    const c = currentCard(s);
    return c.toneOverride ?? c.reply?.register ?? s.defaultTone;
  };
  const style = () => cardStyle(currentCard(store.getState()));
  /** The calming opener for the newest question's answers (upset / anxious buyer), if any. */
  const opener = (s: SuggestionView, lang: string | undefined) => {
    const reply = currentCard(store.getState()).reply;
    return pickOpener(reply?.openers, s.script, tone(), lang);
  };
  const refreshBudget = async () => store.setState({ budgetLeft: await deps.budget.left() });

  function insert(text: string, usage: UsageEvent, atEnd = false): boolean {
    const box = current().replyBox();
    if (!box) {
      store.setState({ notice: 'noReplyBox' });
      return false;
    }
    const filled = fillPlaceholders(text, { buyer: current().conversationName(), order_id: current().orderId() });
    store.setState({ notice: null });
    // Async: waits for the agent's IME, then for the editor to take the text (lib/insert); never throws.
    const { caret, composition, signals } = deps;
    void insertText(box, filled, { caret, composition, atEnd, onWait: () => signals?.insertWaiting() }).then((r) => {
      if (!r.method && !r.skipped) store.setState({ notice: r.copied ? 'insertCopied' : 'insertFailed' });
      signals?.inserted();
    });
    deps.recordUsage(usage).catch(() => {
      // Usage stats are best effort.
    });
    return true;
  }

  const capture = (text: string): PageCapture => ({
    text,
    source: 'card',
    buyer: current().conversationName(),
    orderId: current().orderId(),
    consoleId: current().id,
    url: location.href,
  });

  /** The buyer's message had no good match: the agent inserted a script found by search or ranked low. */
  const missed = (s: SuggestionView, rank: number, message: string | undefined, newest: boolean) => {
    if (!message) return;
    if (newest) {
      // Once per question: the card may have recorded it already (no suggestion), or an earlier insert.
      if (currentCard(store.getState()).missed) return;
      patchCard(store, conv(), () => ({ missed: true }));
    }
    deps.recordUsage({ kind: 'miss', packId: s.packId, scriptId: s.scriptId, rank, message }).catch(() => {});
  };

  let searchTimer: number | undefined;
  let searchSeq = 0;

  return {
    insertAnswer: guard('insert', (s, rank, question) => {
      const message = question ?? currentCard(store.getState()).message;
      const answer = pickAnswer(s.script, tone(), question === undefined ? style() : undefined);
      const text = question === undefined ? withOpener(answer.text, opener(s, answer.lang)) : answer.text;
      const usage: UsageEvent = { kind: 'insert', packId: s.packId, scriptId: s.scriptId, rank, message, answer: text };
      if (!insert(text, usage)) return;
      if (rank >= TOP) missed(s, rank, message, question === undefined);
      // The newest question's extras (follow-ups, compensations) follow the suggestion inserted last.
      if (question === undefined) patchCard(store, conv(), () => ({ selected: rank }));
    }),
    insertFeatured: guard('insert featured', (f) => {
      const message = currentCard(store.getState()).message;
      insert(f.pitch, { kind: 'insert', packId: f.packId, featuredId: f.id, message, answer: f.pitch });
    }),
    insertFollowUp: guard('insert follow-up', (s, f) => {
      insert(followUpText(f), { kind: 'insert', packId: s.packId, scriptId: s.scriptId });
    }),
    insertCompensation: guard('insert compensation', async (s, c) => {
      // Re-check the budget: another tab may have spent it since the card rendered.
      if (c.kind === 'gift') {
        await refreshBudget();
        if (!compensationsWithin({ ...s.script, compensations: [c] }, store.getState().budgetLeft).shown.length) return;
      }
      if (insert(c.text, { kind: 'insert', packId: s.packId, scriptId: s.scriptId }) && c.kind === 'gift' && c.cost)
        await deps.budget.spend(c.cost);
      await refreshBudget();
    }),
    insertExtra: guard('insert extra', (s, line) => {
      const box = current().replyBox();
      const before = box ? readText(box) : '';
      // A space between Latin sentences; Chinese text runs on (the answer ends with 。or ～).
      const text = /[A-Za-z.!?]$/.test(before.trimEnd()) && /^[A-Za-z]/.test(line) ? ` ${line}` : line;
      insert(text, { kind: 'insert', packId: s.packId, scriptId: s.scriptId }, true);
    }),
    insertSearchResult: guard('insert search result', (s) => {
      const text = pickAnswer(s.script, tone()).text;
      // The buyer's message goes with it: the lead sees the miss, and learning can offer it as a question.
      const message = currentCard(store.getState()).message;
      if (insert(text, { kind: 'insert', packId: s.packId, scriptId: s.scriptId, rank: -1, message, answer: text }))
        missed(s, -1, message, true);
    }),
    setTone: (t) => patchCard(store, conv(), () => ({ toneOverride: t })),
    setStyle: (st) => patchCard(store, conv(), () => ({ styleOverride: st })),
    toggleCompensations: () => patchCard(store, conv(), (c) => ({ showCompensations: !c.showCompensations })),
    toggleCollapsed: () => {
      const collapsed = !store.getState().collapsed;
      store.setState({ collapsed, open: false });
      deps.rememberCollapsed(collapsed).catch((e) => report('remember collapsed', e));
      deps.reposition();
    },
    setOpen: (open) => {
      const s = store.getState();
      // Hovering does not unpin what a click or Alt+0 opened.
      if (s.layout !== 'strip' || s.collapsed || s.open === open) return;
      if (open === 'hover' && s.open === 'pinned') return;
      store.setState({ open });
      deps.reposition();
    },
    hide: () => patchCard(store, conv(), () => ({ hidden: true })),
    search: (query) => {
      const seq = ++searchSeq;
      const q = query.trim();
      store.setState((s) => ({
        search: { ...s.search, query, status: q ? 'loading' : 'idle', results: q ? s.search.results : [] },
      }));
      clearTimeout(searchTimer);
      if (!q) return;
      searchTimer = deps.later(
        guard('search', async () => {
          const results = await deps.search(query).catch((e) => (report('search', e), []));
          if (seq === searchSeq) store.setState({ search: { query, results, status: 'done' } });
          deps.recordUsage({ kind: 'search', message: query }).catch(() => {});
        }),
        SEARCH_DELAY_MS,
      );
    },
    logPromise: guard('log promise', () => {
      const box = current().replyBox();
      const text = (box && readText(box).trim()) || currentCard(store.getState()).lastAgentMessage || '';
      deps.onLogPromise(capture(text));
    }),
    logFeedback: guard('log feedback', () => {
      deps.onLogFeedback(capture(currentCard(store.getState()).message ?? ''));
    }),
    teach: guard('teach', () => deps.teach()),
  };
}

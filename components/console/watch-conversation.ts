/**
 * The watching part of the console feature, in the frame that holds the conversation: watch for new buyer
 * messages, ask the background for suggestions, show them on the card, insert what the agent picks.
 * The adapter can change under it (teach mode): it is read through `deps.adapter()`.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createCardActions } from '@/components/card/actions';
import { conversationSoFar } from './conversation-so-far';
import { soundsLikeExcuse } from '@/components/card/logic';
import type { ChatMessage, ConsoleAdapter } from '@/lib/consoles/types';
import { pageSignals } from '@/lib/consoles/page-signals';
import { watchConsole, type ConsoleWatcher } from '@/lib/consoles/watcher';
import { setLocale } from '@/lib/i18n';
import { keepCaret, readText, trackComposition } from '@/lib/insert';
import { sendMessage, type PageCapture } from '@/lib/messaging';
import { getSettings, settingsItem, type Settings } from '@/lib/settings';
import { budgetUseItem, remainingBudget, spendBudget } from '@/components/card/budget';
import { collapsedOn, rememberCollapsed } from '@/components/card/collapsed';
import { guard, report } from '@/lib/guard';
import { setupKeyboard } from '@/components/card/keyboard';
import { mountCard, type MountedCard } from '@/components/card/mount';
import {
  cardOf,
  createContentStore,
  currentCard,
  emptyCard,
  patchCard,
  settleQuestion,
  shortcutTargets,
  withQuestion,
  type ContentStore,
} from '@/components/card/store';

/** What the rest of Huashu plugs into the console feature (wired in index.tsx). */
export interface ConsoleHooks {
  /** The card's "log promise" button. */
  onLogPromise(capture: PageCapture): void;
  /** The card's "feedback" button. */
  onLogFeedback(capture: PageCapture): void;
  /** A new message the agent sent in the open conversation. */
  onAgentMessage(message: ChatMessage): void;
  /** The adapter reading the page: once at start, again when teach mode replaces it. */
  onAdapterChange(adapter: ConsoleAdapter): void;
}

export type Source = 'taught' | 'pack' | 'generic';

/** Message rows the strip keeps clear of (the newest ones, where the agent reads what the buyer just said). */
const NEWEST_ROWS = 2;

export interface WatchDeps {
  adapter(): ConsoleAdapter;
  source(): Source;
  hooks: ConsoleHooks;
  /** The card's "teach" button. */
  teach(): void;
  /** Teach mode is on: keys go to the page. */
  teaching(): boolean;
}

/** A frame that watches its conversation. */
export interface Watching {
  /** Watch again with a new adapter (teach mode). */
  reattach(): void;
  /** The card steps aside while teaching. */
  suspend(on: boolean): void;
  stop(): void;
}

export async function watchConversation(ctx: ContentScriptContext, deps: WatchDeps): Promise<Watching> {
  const current = deps.adapter;
  let settings: Settings = await getSettings();
  setLocale(settings.uiLanguage);
  const store: ContentStore = createContentStore({
    // The agent's own collapse choice on this site, else the Options default.
    collapsed: await collapsedOn(location.origin, settings.cardCollapsed),
    defaultTone: settings.defaultTone,
    budgetLeft: await remainingBudget(settings.giftBudgetPerDay, settings.timeZone),
  });
  const caret = keepCaret();
  const composition = trackComposition();
  let watcher: ConsoleWatcher | null = null;
  let card: MountedCard | null = null;
  const signals = pageSignals();
  /** Buyer rows already answered, per conversation: kept when teach mode re-attaches the watcher. */
  const reported = new Map<string, Set<string>>();

  const refreshPlaceholders = () =>
    store.setState({ placeholders: { buyer: current().conversationName(), order_id: current().orderId() } });

  const refreshBudget = async () =>
    store.setState({ budgetLeft: await remainingBudget(settings.giftBudgetPerDay, settings.timeZone) });

  async function answer(m: ChatMessage) {
    const conv = m.conversation;
    const seq = (cardOf(store.getState(), conv)?.seq ?? 0) + 1;
    // One state update (one render) for the new message and the names it may fill in. A question of the same
    // buyer turn that is still open stays on the card below it.
    store.setState((s) => ({
      placeholders: { buyer: current().conversationName(), order_id: current().orderId() },
      cards: { ...s.cards, [conv]: withQuestion(cardOf(s, conv) ?? emptyCard(), seq, m.text) },
    }));
    card?.reposition();
    try {
      const snapshot = { rows: watcher?.rows() ?? [], texts: watcher?.texts() ?? [] };
      const { buyerRows, turns } = conversationSoFar(current(), snapshot, m);
      const reply = await sendMessage('suggest', {
        text: m.text,
        url: location.href,
        conversation: conv,
        buyerRows,
        context: { turns },
      });
      settleQuestion(store, conv, seq, { status: 'ready', reply });
      // A buyer question the card has nothing for: the lead's "missed questions" (stays on this machine).
      if (reply.needsAnswer && reply.suggestions.length === 0) {
        if (cardOf(store.getState(), conv)?.seq === seq) patchCard(store, conv, () => ({ missed: true }));
        sendMessage('recordUsage', { kind: 'miss', message: m.text }).catch((e) => report('record miss', e));
      }
    } catch (e) {
      report('suggest', e);
      settleQuestion(store, conv, seq, { status: 'error', reply: undefined });
    } finally {
      signals.suggested();
    }
  }

  const attach = () => {
    watcher?.stop();
    signals.settling(); // a new watcher reads the history on screen again
    // "waiting": running, no open conversation found yet; "ready" once watching it (automation contract).
    document.documentElement.dataset.huashu = 'waiting';
    const w = watchConsole(
      current(),
      {
        onBuyerMessage: guard('buyer message', (m: ChatMessage) => {
          signals.answered();
          return answer(m);
        }),
        onAgentMessage: guard('agent message', (m: ChatMessage) => {
          // The agent replied: the buyer's turn is answered (the card keeps the newest question's suggestions).
          patchCard(store, m.conversation, () => ({ lastAgentMessage: m.text, replied: true, earlier: [] }));
          deps.hooks.onAgentMessage(m);
        }),
        onConversationChange: guard('conversation change', (conversation: string) => {
          signals.settling();
          store.setState({ conversation, notice: null });
          refreshPlaceholders();
          card?.reposition();
        }),
        onCheck: () => {
          signals.checked();
          // New rows move the newest ones: the strip keeps clear of them (one placement per frame at most).
          card?.reposition();
        },
        onOpenTurn: () => signals.turnRead(),
        onSettled: (conversation) => signals.settled(conversation),
      },
      { onError: (e) => report('watcher', e), reported },
    );
    watcher = w;
    store.setState({
      conversation: w.conversation(),
      console: { name: current().name, verified: current().verified, source: deps.source() },
    });
    refreshPlaceholders();
    w.ready.then(
      guard('ready', () => {
        if (watcher !== w) return;
        store.setState({ conversation: w.conversation() });
        document.documentElement.dataset.huashu = 'ready';
        card?.reposition();
      }),
    );
  };

  const actions = createCardActions({
    store,
    adapter: current,
    caret,
    composition,
    signals,
    search: (query) => sendMessage('search', { query, limit: 5 }),
    recordUsage: (event) => sendMessage('recordUsage', event),
    budget: {
      left: () => remainingBudget(settings.giftBudgetPerDay, settings.timeZone),
      spend: (cost) => spendBudget(cost, settings.timeZone),
    },
    later: (fn, ms) => ctx.setTimeout(fn, ms),
    onLogPromise: (capture) => deps.hooks.onLogPromise(capture),
    onLogFeedback: (capture) => deps.hooks.onLogFeedback(capture),
    teach: () => deps.teach(),
    reposition: () => card?.reposition(),
    rememberCollapsed: (collapsed) => rememberCollapsed(location.origin, collapsed),
  });

  attach();
  card = await mountCard(ctx, store, actions, {
    list: () => watcher?.list() ?? null,
    reply: () => current().replyBox(),
    newestRows: () => (watcher?.rows() ?? []).slice(-NEWEST_ROWS),
  });

  const stopKeys = setupKeyboard(ctx, {
    // While the IME composes, its keys are its own (the tracker sees compositions inside shadow roots too).
    imeOwns: (e) => composition.ownsKey(e),
    showing: () => (deps.teaching() ? 0 : shortcutTargets(store.getState()).length),
    dismissible: () => {
      const s = store.getState();
      const c = currentCard(s);
      return !deps.teaching() && !c.hidden && c.status !== 'idle';
    },
    insert: (n) => {
      const target = shortcutTargets(store.getState())[n];
      if (target?.kind === 'featured') actions.insertFeatured(target.featured);
      else if (target) actions.insertAnswer(target.s, target.rank);
    },
    hide: actions.hide,
    toggleOpen: () => {
      const s = store.getState();
      if (deps.teaching() || s.layout !== 'strip' || s.collapsed || s.suspended) return false;
      if (currentCard(s).hidden) return false;
      actions.setOpen(s.open === 'pinned' ? false : 'pinned');
      return true;
    },
  });

  // The "sounds like an excuse" hint follows what the agent types in the reply box (committed text only).
  const readExcuse = guard('reply box input', (e?: Event) => {
    const box = current().replyBox();
    if (!box || composition.active()) return;
    // composedPath: a reply box inside a shadow root is retargeted to its host at the document.
    if (e && !e.composedPath().includes(box)) return;
    const excuse = soundsLikeExcuse(readText(box));
    if (excuse !== store.getState().excuse) store.setState({ excuse });
  });
  ctx.addEventListener(document, 'input', readExcuse as (e: Event) => void, { capture: true });
  const unwatchComposition = composition.onEnd(() => readExcuse());

  const unwatchSettings = settingsItem.watch(
    guard('settings', async () => {
      settings = await getSettings();
      setLocale(settings.uiLanguage);
      store.setState({ defaultTone: settings.defaultTone });
      await refreshBudget();
    }),
  );
  const unwatchBudget = budgetUseItem.watch(guard('budget', refreshBudget));

  return {
    reattach: attach,
    suspend: (suspended) => store.setState({ suspended }),
    stop() {
      watcher?.stop();
      signals.clear();
      card?.remove();
      caret.stop();
      unwatchComposition();
      composition.stop();
      stopKeys();
      unwatchSettings();
      unwatchBudget();
    },
  };
}

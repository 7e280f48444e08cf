/**
 * The watching part of the console feature, in the frame that holds the conversation: watch for new buyer
 * messages, ask the background for suggestions, show them on the card, insert what the agent picks.
 * The adapter can change under it (teach mode): it is read through `deps.adapter()`.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compensationsWithin, followUpText, pickAnswer, soundsLikeExcuse } from '@/components/card/logic';
import type { CardActions } from '@/components/card/types';
import type { ChatMessage, ConsoleAdapter } from '@/lib/consoles/types';
import { pageSignals } from '@/lib/consoles/page-signals';
import { watchConsole, type ConsoleWatcher } from '@/lib/consoles/watcher';
import { setLocale } from '@/lib/i18n';
import { fillPlaceholders, insertText, keepCaret, readText } from '@/lib/insert';
import { sendMessage, type PageCapture, type UsageEvent } from '@/lib/messaging';
import { getSettings, settingsItem, type Settings } from '@/lib/settings';
import { budgetUseItem, remainingBudget, spendBudget } from './budget';
import { guard, report } from './errors';
import { setupKeyboard } from './keyboard';
import { mountCard, type MountedCard } from './mount-card';
import { createContentStore, currentCard, emptyCard, patchCard, visibleSuggestions, type ContentStore } from './store';

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
    collapsed: settings.cardCollapsed,
    defaultTone: settings.defaultTone,
    budgetLeft: await remainingBudget(settings.giftBudgetPerDay, settings.timeZone),
  });
  const caret = keepCaret();
  let watcher: ConsoleWatcher | null = null;
  let card: MountedCard | null = null;
  const signals = pageSignals();

  const refreshPlaceholders = () =>
    store.setState({ placeholders: { buyer: current().conversationName(), order_id: current().orderId() } });

  const refreshBudget = async () =>
    store.setState({ budgetLeft: await remainingBudget(settings.giftBudgetPerDay, settings.timeZone) });

  async function answer(m: ChatMessage) {
    const conv = m.conversation;
    const card0 = store.getState().cards[conv] ?? emptyCard();
    const seq = card0.seq + 1;
    // One state update (one render) for the new message and the names it may fill in.
    store.setState((s) => ({
      placeholders: { buyer: current().conversationName(), order_id: current().orderId() },
      cards: {
        ...s.cards,
        [conv]: {
          ...card0,
          seq,
          status: 'loading',
          message: m.text,
          hidden: false,
          selected: 0,
          showCompensations: false,
          toneOverride: undefined,
        },
      },
    }));
    card?.reposition();
    try {
      const reply = await sendMessage('suggest', { text: m.text, url: location.href, conversation: conv });
      if (store.getState().cards[conv]?.seq === seq) patchCard(store, conv, () => ({ status: 'ready', reply }));
    } catch (e) {
      report('suggest', e);
      if (store.getState().cards[conv]?.seq === seq)
        patchCard(store, conv, () => ({ status: 'error', reply: undefined }));
    }
  }

  const attach = () => {
    watcher?.stop();
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
          patchCard(store, m.conversation, () => ({ lastAgentMessage: m.text }));
          deps.hooks.onAgentMessage(m);
        }),
        onConversationChange: guard('conversation change', (conversation: string) => {
          signals.settling();
          store.setState({ conversation, notice: null });
          refreshPlaceholders();
          card?.reposition();
        }),
        onCheck: () => signals.checked(),
        onSettled: (conversation) => signals.settled(conversation),
      },
      { onError: (e) => report('watcher', e) },
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

  function insert(text: string, usage: UsageEvent): boolean {
    const box = current().replyBox();
    if (!box) {
      store.setState({ notice: 'noReplyBox' });
      return false;
    }
    insertText(
      box,
      fillPlaceholders(text, { buyer: current().conversationName(), order_id: current().orderId() }),
      caret,
    );
    store.setState({ notice: null });
    sendMessage('recordUsage', usage).catch(() => {
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

  let searchTimer = 0;
  let searchSeq = 0;
  const tone = () => {
    const s = store.getState();
    const c = currentCard(s);
    return c.toneOverride ?? c.reply?.register ?? s.defaultTone;
  };
  const conv = () => store.getState().conversation;

  const actions: CardActions = {
    insertAnswer: guard('insert', (s, rank) => {
      const c = currentCard(store.getState());
      if (
        insert(pickAnswer(s.script, tone()).text, {
          kind: 'insert',
          packId: s.packId,
          scriptId: s.scriptId,
          rank,
          message: c.message,
          answer: pickAnswer(s.script, tone()).text,
        })
      )
        patchCard(store, conv(), () => ({ selected: rank }));
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
        await spendBudget(c.cost, settings.timeZone);
      await refreshBudget();
    }),
    insertSearchResult: guard('insert search result', (s) => {
      const text = pickAnswer(s.script, tone()).text;
      insert(text, { kind: 'insert', packId: s.packId, scriptId: s.scriptId, rank: -1, answer: text });
    }),
    setTone: (t) => patchCard(store, conv(), () => ({ toneOverride: t })),
    toggleCompensations: () => patchCard(store, conv(), (c) => ({ showCompensations: !c.showCompensations })),
    toggleCollapsed: () => {
      store.setState((s) => ({ collapsed: !s.collapsed, userToggled: true }));
      card?.reposition();
    },
    hide: () => patchCard(store, conv(), () => ({ hidden: true })),
    search: (query) => {
      const seq = ++searchSeq;
      store.setState((s) => ({
        search: {
          ...s.search,
          query,
          status: query.trim() ? 'loading' : 'idle',
          results: query.trim() ? s.search.results : [],
        },
      }));
      clearTimeout(searchTimer);
      if (!query.trim()) return;
      searchTimer = ctx.setTimeout(
        guard('search', async () => {
          const results = await sendMessage('search', { query, limit: 5 }).catch((e) => (report('search', e), []));
          if (seq === searchSeq) store.setState({ search: { query, results, status: 'done' } });
          sendMessage('recordUsage', { kind: 'search', message: query }).catch(() => {});
        }),
        150,
      );
    },
    logPromise: guard('log promise', () => {
      const box = current().replyBox();
      const text = (box && readText(box).trim()) || currentCard(store.getState()).lastAgentMessage || '';
      deps.hooks.onLogPromise(capture(text));
    }),
    logFeedback: guard('log feedback', () => {
      deps.hooks.onLogFeedback(capture(currentCard(store.getState()).message ?? ''));
    }),
    teach: guard('teach', () => deps.teach()),
  };

  attach();
  card = await mountCard(ctx, store, actions, {
    list: () => watcher?.list() ?? null,
    reply: () => current().replyBox(),
  });

  const stopKeys = setupKeyboard(ctx, {
    showing: () => (deps.teaching() ? 0 : visibleSuggestions(store.getState()).length),
    dismissible: () => {
      const s = store.getState();
      const c = currentCard(s);
      return !deps.teaching() && !c.hidden && c.status !== 'idle';
    },
    insert: (rank) => {
      const s = visibleSuggestions(store.getState())[rank];
      if (s) actions.insertAnswer(s, rank);
    },
    hide: actions.hide,
  });

  // The "sounds like an excuse" hint follows what the agent types in the reply box.
  ctx.addEventListener(
    document,
    'input',
    guard('reply box input', (e: Event) => {
      const box = current().replyBox();
      if (!box || !(e.target instanceof Node) || !box.contains(e.target)) return;
      const excuse = soundsLikeExcuse(readText(box));
      if (excuse !== store.getState().excuse) store.setState({ excuse });
    }) as (e: Event) => void,
    { capture: true },
  );

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
      stopKeys();
      unwatchSettings();
      unwatchBudget();
    },
  };
}

/**
 * The console feature: read the page with an adapter (profile or generic), watch for new buyer messages,
 * ask the background for suggestions, show them on the card, insert what the agent picks.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compensationsWithin, followUpText, pickAnswer, soundsLikeExcuse } from '@/components/card/logic';
import type { CardActions } from '@/components/card/types';
import {
  foreignChatFrames,
  frameView,
  hasEditableField,
  holdsConversation,
  whileWatching,
} from '@/lib/consoles/frames';
import { createGenericAdapter } from '@/lib/consoles/generic';
import { createProfileAdapter } from '@/lib/consoles/profile';
import type { ChatMessage, ConsoleAdapter } from '@/lib/consoles/types';
import { watchConsole, type ConsoleWatcher } from '@/lib/consoles/watcher';
import { setLocale } from '@/lib/i18n';
import { fillPlaceholders, insertText, keepCaret, readText } from '@/lib/insert';
import { onMessage, sendMessage, type PageCapture, type PageConfig, type UsageEvent } from '@/lib/messaging';
import { getSettings, settingsItem, type Settings } from '@/lib/settings';
import { budgetUseItem, remainingBudget, spendBudget } from './budget';
import { guard, report } from './errors';
import { gateOnConversation } from './frame-gate';
import { setupKeyboard } from './keyboard';
import { mountCard, type MountedCard } from './mount-card';
import { createContentStore, currentCard, emptyCard, patchCard, visibleSuggestions, type ContentStore } from './store';
import { runTeach } from './teach';

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

async function loadConfig(): Promise<PageConfig> {
  try {
    return await sendMessage('getPageConfig', { url: location.href });
  } catch (e) {
    report('page config (using the generic adapter)', e);
    return { profile: null, source: 'generic' };
  }
}

function adapterFor(config: PageConfig): ConsoleAdapter {
  return config.profile ? createProfileAdapter(config.profile) : createGenericAdapter();
}

/** The page's iframes with their size (for the side panel: chat frames from other sites). */
function iframes() {
  return Array.from(document.querySelectorAll('iframe'), (f) => {
    const r = f.getBoundingClientRect();
    return { src: f.src, width: r.width, height: r.height };
  });
}

/** A frame that watches its conversation. */
interface Watching {
  /** Watch again with a new adapter (teach mode). */
  reattach(): void;
  /** The card steps aside while teaching. */
  suspend(on: boolean): void;
  stop(): void;
}

type Source = 'taught' | 'pack' | 'generic';

/**
 * Starts inert in every frame: the frame watches and shows the card only once it holds a conversation
 * (frame-gate.ts). The top frame also answers the promise shortcut and teach mode while inert, and marks
 * `data-huashu="waiting"` (or `"in-frame"` once a sub-frame watches the chat); a sub-frame sets nothing
 * until it watches.
 */
export async function setupSuggestions(ctx: ContentScriptContext, hooks: ConsoleHooks): Promise<() => void> {
  const { top } = frameView(window);
  const html = document.documentElement;
  let adapter: ConsoleAdapter = createGenericAdapter();
  let source: Source = 'generic';
  let loading: Promise<void> | undefined;
  let loaded = false;
  let watching: Watching | null = null;
  let teaching = false;
  let stopped = false;

  // The promise log reads a conversation only from the frame that watches it.
  const forLog = (a: ConsoleAdapter) => whileWatching(a, () => watching !== null);
  const load = () =>
    (loading ??= loadConfig().then((config) => {
      adapter = adapterFor(config);
      source = config.source ?? (config.profile ? 'pack' : 'generic');
      loaded = true;
      if (top) hooks.onAdapterChange(forLog(adapter));
    }));

  if (top) {
    html.dataset.huashu = 'waiting';
    await load();
  }
  const gate = gateOnConversation(ctx, {
    holds: () => {
      if (!hasEditableField(document)) return false;
      if (!loaded) {
        // Sub-frames ask for their profile only once they are big enough and have a field to type in.
        void load().then(() => gate.poke());
        return false;
      }
      return holdsConversation(adapter);
    },
    onFound: () => {
      startWatching().then(
        (w) => {
          if (stopped) return w.stop();
          watching = w;
          if (!top) sendMessage('chatFrame', undefined).catch((e) => report('chat frame', e));
        },
        (e) => report('console failed to start', e),
      );
    },
  });

  async function teach() {
    if (teaching) return;
    teaching = true;
    watching?.suspend(true);
    try {
      const profile = await runTeach(ctx);
      if (!profile) return;
      await sendMessage('saveTaughtProfile', { profile });
      adapter = createProfileAdapter(profile);
      source = 'taught';
      loaded = true;
      hooks.onAdapterChange(forLog(adapter));
      if (watching) watching.reattach();
      else gate.poke();
    } finally {
      teaching = false;
      watching?.suspend(false);
    }
  }

  // Teach mode and the page's address: the side panel asks the top frame, or the frame that watches.
  const listeners: (() => void)[] = [];
  const listen = () => {
    listeners.push(
      onMessage('startTeach', () => {
        teach().catch((e) => report('teach', e));
      }),
    );
    if (top)
      listeners.push(
        onMessage('pageInfo', () => ({ url: location.href, frames: foreignChatFrames(location.href, iframes()) })),
        onMessage('chatInFrame', () => {
          if (!watching) html.dataset.huashu = 'in-frame';
        }),
      );
  };
  if (top) listen();

  async function startWatching(): Promise<Watching> {
    if (!top) {
      hooks.onAdapterChange(forLog(adapter));
      listen();
    }
    return watch();
  }

  /** The watching part: store, watcher, card, keys. */
  async function watch(): Promise<Watching> {
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

    const refreshPlaceholders = () =>
      store.setState({ placeholders: { buyer: adapter.conversationName(), order_id: adapter.orderId() } });

    const refreshBudget = async () =>
      store.setState({ budgetLeft: await remainingBudget(settings.giftBudgetPerDay, settings.timeZone) });

    async function answer(m: ChatMessage) {
      const conv = m.conversation;
      const card0 = store.getState().cards[conv] ?? emptyCard();
      const seq = card0.seq + 1;
      // One state update (one render) for the new message and the names it may fill in.
      store.setState((s) => ({
        placeholders: { buyer: adapter.conversationName(), order_id: adapter.orderId() },
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
        adapter,
        {
          onBuyerMessage: guard('buyer message', answer),
          onAgentMessage: guard('agent message', (m: ChatMessage) => {
            patchCard(store, m.conversation, () => ({ lastAgentMessage: m.text }));
            hooks.onAgentMessage(m);
          }),
          onConversationChange: guard('conversation change', (conversation: string) => {
            store.setState({ conversation, notice: null });
            refreshPlaceholders();
            card?.reposition();
          }),
        },
        { onError: (e) => report('watcher', e) },
      );
      watcher = w;
      store.setState({
        conversation: w.conversation(),
        console: { name: adapter.name, verified: adapter.verified, source },
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
      const box = adapter.replyBox();
      if (!box) {
        store.setState({ notice: 'noReplyBox' });
        return false;
      }
      insertText(
        box,
        fillPlaceholders(text, { buyer: adapter.conversationName(), order_id: adapter.orderId() }),
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
      buyer: adapter.conversationName(),
      orderId: adapter.orderId(),
      consoleId: adapter.id,
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
          if (!compensationsWithin({ ...s.script, compensations: [c] }, store.getState().budgetLeft).shown.length)
            return;
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
        const box = adapter.replyBox();
        const text = (box && readText(box).trim()) || currentCard(store.getState()).lastAgentMessage || '';
        hooks.onLogPromise(capture(text));
      }),
      logFeedback: guard('log feedback', () => {
        hooks.onLogFeedback(capture(currentCard(store.getState()).message ?? ''));
      }),
      teach: guard('teach', () => teach()),
    };

    attach();
    card = await mountCard(ctx, store, actions, {
      list: () => watcher?.list() ?? null,
      reply: () => adapter.replyBox(),
    });

    const stopKeys = setupKeyboard(ctx, {
      showing: () => (teaching ? 0 : visibleSuggestions(store.getState()).length),
      dismissible: () => {
        const s = store.getState();
        const c = currentCard(s);
        return !teaching && !c.hidden && c.status !== 'idle';
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
        const box = adapter.replyBox();
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
        card?.remove();
        caret.stop();
        stopKeys();
        unwatchSettings();
        unwatchBudget();
      },
    };
  }

  return () => {
    stopped = true;
    gate.stop();
    watching?.stop();
    listeners.forEach((stop) => stop());
    if (top || watching) html.removeAttribute('data-huashu');
  };
}

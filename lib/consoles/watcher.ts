/**
 * Watches the open conversation and reports NEW messages only. What is not new:
 * - history on screen when the conversation opens, or loaded within `settleMs` after it opens, or arriving
 *   as a batch of more than `maxBatch` rows (older history being loaded);
 * - re-renders: the same rows rebuilt (same texts, new elements) or the same elements re-rendered;
 * - virtualised lists recycling rows at the top or when scrolling back.
 * A row is new when it comes after the last row already seen: first by element identity (an element seen
 * with the same text), else by aligning the texts with the previous snapshot; when neither anchors, the
 * whole list is taken as history (a missed message is better than a false one).
 */
import type { ChatMessage, ConsoleAdapter, WatcherEvents } from './types';

export interface WatchOptions {
  doc?: Document;
  settleMs?: number;
  maxBatch?: number;
  /** Conversation key when the adapter knows no name. Default: the page's path, query and hash. */
  fallbackConversation?: () => string;
  onError?: (e: unknown) => void;
  now?: () => number;
}

export interface ConsoleWatcher {
  /** Resolves once the message list is found and the history on screen has settled. */
  readonly ready: Promise<void>;
  conversation(): string;
  list(): Element | null;
  /** Re-read the page now (normally driven by mutations). */
  check(): void;
  stop(): void;
}

/** How many previous texts must line up (when available) to anchor by text. */
const CONTEXT = 4;

/**
 * Indices of the rows in `cur` that follow the previous snapshot, or null when the snapshot cannot be
 * found in `cur` (treat as history). `anchor` is the index of the last row known by element identity.
 */
export function newRowIndices(prevKeys: string[], curKeys: string[], anchor = -1): number[] | null {
  const after = (i: number) => curKeys.map((_, j) => j).filter((j) => j > i);
  if (anchor >= 0) return after(anchor);
  if (prevKeys.length === 0) return after(-1);
  const last = prevKeys.length - 1;
  for (let j = curKeys.length - 1; j >= 0; j--) {
    let ok = true;
    for (let k = 0; k <= Math.min(CONTEXT, j, last); k++)
      if (curKeys[j - k] !== prevKeys[last - k]) {
        ok = false;
        break;
      }
    if (ok) return after(j);
  }
  return null;
}

export function watchConsole(adapter: ConsoleAdapter, events: WatcherEvents, opts: WatchOptions = {}): ConsoleWatcher {
  const doc = opts.doc ?? document;
  const win = doc.defaultView!;
  const settleMs = opts.settleMs ?? 300;
  const maxBatch = opts.maxBatch ?? 3;
  const now = opts.now ?? (() => Date.now());
  const onError = opts.onError ?? ((e) => console.error('[huashu] watcher', e));
  const fallback = opts.fallbackConversation ?? (() => doc.location.pathname + doc.location.search + doc.location.hash);

  const seen = new WeakMap<Element, string>();
  /** Row texts, dropped when a mutation touches the row: a scan reads only new or changed rows. */
  const texts = new WeakMap<Element, string>();
  let list: Element | null = null;
  let conversation = '';
  let prevKeys: string[] = [];
  let settleUntil = 0;
  let touched = false;
  let scheduled = false;
  let stopped = false;
  let resolveReady!: () => void;
  const ready = new Promise<void>((ok) => (resolveReady = ok));
  let readyTimer: ReturnType<typeof setTimeout> | undefined;

  const conversationKey = () => adapter.conversationName() || fallback();

  function emit(row: Element, text: string) {
    const from = adapter.isBuyer(row) ? 'buyer' : 'agent';
    const message: ChatMessage = { text, from, conversation, row, at: now() };
    try {
      if (from === 'buyer') events.onBuyerMessage?.(message);
      else events.onAgentMessage?.(message);
    } catch (e) {
      onError(e);
    }
  }

  function scan(asHistory: boolean) {
    const rows: Element[] = [];
    const keys: string[] = [];
    for (const row of adapter.messages()) {
      let text = texts.get(row);
      if (text === undefined) {
        text = adapter.text(row);
        texts.set(row, text);
      }
      if (!text) continue; // still rendering: picked up when its text arrives
      rows.push(row);
      keys.push(text);
    }
    let fresh: number[] | null = null;
    if (!asHistory && now() >= settleUntil) {
      let anchor = -1;
      for (let i = rows.length - 1; i >= 0; i--)
        if (seen.get(rows[i]) === keys[i]) {
          anchor = i;
          break;
        }
      fresh = newRowIndices(prevKeys, keys, anchor);
      if (fresh && fresh.length > maxBatch) fresh = null;
    }
    rows.forEach((r, i) => seen.set(r, keys[i]));
    prevKeys = keys;
    for (const i of fresh ?? []) emit(rows[i], keys[i]);
    return fresh?.length ?? 0;
  }

  function notify(call: () => void) {
    try {
      call();
    } catch (e) {
      onError(e);
    }
  }

  let settledTimer: ReturnType<typeof setTimeout> | undefined;
  function startSettling() {
    settleUntil = now() + settleMs;
    clearTimeout(settledTimer);
    const conv = conversation;
    settledTimer = setTimeout(() => {
      if (!stopped && conv === conversation) notify(() => events.onSettled?.(conv));
    }, settleMs);
  }

  function check() {
    if (stopped) return;
    let fresh = 0;
    try {
      const l = adapter.messageList();
      const conv = conversationKey();
      if (conv !== conversation) {
        const first = conversation === '';
        conversation = conv;
        if (!first) events.onConversationChange?.(conv);
        list = l;
        startSettling();
        scan(true);
      } else if (l !== list) {
        list = l;
        startSettling();
        scan(true);
      } else if (list && touched) {
        fresh = scan(false);
      }
      touched = false;
      observeRootOf(list);
      if (list && readyTimer === undefined) readyTimer = setTimeout(resolveReady, settleMs);
    } catch (e) {
      onError(e);
    }
    notify(() => events.onCheck?.(fresh));
  }

  const observer = new win.MutationObserver((records) => {
    if (list)
      for (const r of records) {
        if (!list.contains(r.target)) continue;
        touched = true;
        for (let n: Node | null = r.target; n && n !== list; n = n.parentNode) texts.delete(n as Element);
      }
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      check();
    });
  });
  const observeOptions = { childList: true, subtree: true, characterData: true };
  observer.observe(doc.body ?? doc.documentElement, observeOptions);
  // A list inside a shadow root (web-component consoles): the document's observer does not see into it.
  const observedRoots = new WeakSet<Node>();
  function observeRootOf(l: Element | null) {
    const root = l?.getRootNode();
    if (!root || root === doc || observedRoots.has(root)) return;
    observedRoots.add(root);
    observer.observe(root, observeOptions);
  }
  check();

  return {
    ready,
    conversation: () => conversation,
    list: () => list,
    check: () => {
      touched = true;
      check();
    },
    stop() {
      stopped = true;
      observer.disconnect();
      clearTimeout(readyTimer);
      clearTimeout(settledTimer);
    },
  };
}

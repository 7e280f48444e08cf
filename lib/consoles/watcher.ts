/**
 * Watches the open conversation and reports the buyer's questions the agent has not answered yet:
 * - the open turn: once a conversation opens (page load, switch, the list re-rendered) and its history has
 *   settled (`settleMs`), the buyer rows after the agent's last message (the last `maxOpenTurn` of them) —
 *   the agent opened the conversation because the buyer wrote;
 * - new messages after that.
 * Every buyer row reported is remembered per conversation (by its text, the agent message before its turn
 * and its place among equal texts in the turn), so a row is never reported twice: not when the agent comes
 * back to the conversation, not when the list re-renders or recycles rows. What is never reported:
 * - history: rows followed by an agent reply, rows loaded while the conversation settles (other than the
 *   open turn), rows arriving as a batch of more than `maxBatch` (older history being loaded);
 * - re-renders: the same rows rebuilt (same texts, new elements) or the same elements re-rendered;
 * - virtualised lists recycling rows at the top or when scrolling back.
 * A row is new when it comes after the last row already seen: first by element identity (an element seen
 * with the same text), else by aligning the texts with the previous snapshot; when neither anchors, the
 * whole list is taken as history (a missed message is better than a false one).
 *
 * Cost per change: the watcher keeps the rows it read (a snapshot) and, on a mutation, reads only what the
 * mutation records touch — rows edited in place, rows removed, rows added after the last row or before the
 * first (asking the adapter for the rows beside that one: `messagesAfter` / `messagesBefore`). A change it
 * cannot place that way (rows inserted in the middle, a wrapper of rows removed, the snapshot emptied, an
 * adapter without those methods) lists every row again, as does opening a conversation; both give the same
 * snapshot. Attribute changes are not observed: a row whose class changes is read again with its next
 * content change or the next full read.
 */
import type { ChatMessage, ConsoleAdapter, WatcherEvents } from './types';

export interface WatchOptions {
  doc?: Document;
  settleMs?: number;
  maxBatch?: number;
  /** How many buyer rows of the open turn are reported at most (the newest). */
  maxOpenTurn?: number;
  /**
   * What was reported, per conversation: pass the same map to the next watcher of the page (a new adapter
   * after teach mode) so it does not report the open turns again.
   */
  reported?: Map<string, Set<string>>;
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
  /** The message rows as last read (non-empty text), oldest first. Read at once: the array may grow later. */
  rows(): readonly Element[];
  /** Their texts, same order (same caveat). */
  texts(): readonly string[];
  /** Re-read the page now, every row (normally driven by mutations). */
  check(): void;
  stop(): void;
}

/** How many previous texts must line up (when available) to anchor by text. */
const CONTEXT = 4;

/**
 * Indices of the rows in `cur` that follow the previous snapshot, or null when the snapshot cannot be
 * found in `cur` (treat as history). `anchor` is the index of the last row known by element identity.
 */
export function newRowIndices(prevKeys: readonly string[], curKeys: readonly string[], anchor = -1): number[] | null {
  const after = (i: number) => {
    const out: number[] = [];
    for (let j = i + 1; j < curKeys.length; j++) out.push(j);
    return out;
  };
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

/** Turn keys remembered per conversation (oldest dropped first). */
const MEMORY = 500;

/** More touched nodes than this in one batch (a page rebuilt, history loaded): read every row again. */
const MAX_TOUCHES = 200;

export function watchConsole(adapter: ConsoleAdapter, events: WatcherEvents, opts: WatchOptions = {}): ConsoleWatcher {
  const doc = opts.doc ?? document;
  const win = doc.defaultView!;
  const settleMs = opts.settleMs ?? 300;
  const maxBatch = opts.maxBatch ?? 3;
  const maxOpenTurn = opts.maxOpenTurn ?? 5;
  const now = opts.now ?? (() => Date.now());
  const onError = opts.onError ?? ((e) => console.error('[huashu] watcher', e));
  const fallback = opts.fallbackConversation ?? (() => doc.location.pathname + doc.location.search + doc.location.hash);

  const seen = new WeakMap<Element, string>();
  /** Row texts, dropped when a mutation touches the row: a scan reads only new or changed rows. */
  const texts = new WeakMap<Element, string>();
  let list: Element | null = null;
  let conversation = '';
  /**
   * The snapshot: rows with text, oldest first, and their texts. A read replaces the arrays, except when it
   * only appends rows after the last one: then they grow in place.
   */
  let prevKeys: string[] = [];
  let prevRows: Element[] = [];
  let inSnapshot = new Set<Element>();
  // Changes since the last read, from the mutation records.
  /** Snapshot rows whose content changed. */
  let edited = new Set<Element>();
  /** Snapshot rows taken out of their parent (gone, or moved). */
  let removed: Element[] = [];
  /** Nodes added or changed outside the snapshot rows. */
  let touches: Node[] = [];
  /** A change the incremental read cannot place: list every row again. */
  let rebuild = true;
  /** Buyer rows already reported, per conversation (see turnKey). */
  const reported = opts.reported ?? new Map<string, Set<string>>();
  let settleUntil = 0;
  let touched = false;
  let scheduled = false;
  let stopped = false;
  let resolveReady!: () => void;
  const ready = new Promise<void>((ok) => (resolveReady = ok));
  let readyTimer: ReturnType<typeof setTimeout> | undefined;

  const conversationKey = () => adapter.conversationName() || fallback();

  /**
   * What identifies buyer row `i` across re-renders: the agent message before its turn, how many rows of the
   * turn before it have the same text, and its text. Walks back to the start of the turn only.
   */
  function turnKey(rows: Element[], keys: string[], i: number): string {
    let j = i - 1;
    let same = 0;
    for (; j >= 0 && adapter.isBuyer(rows[j]); j--) if (keys[j] === keys[i]) same++;
    return `${j >= 0 ? keys[j] : ''}\u0001${same}\u0001${keys[i]}`;
  }

  /** Remember buyer row `i` as reported; false when it already was. */
  function remember(rows: Element[], keys: string[], i: number): boolean {
    let set = reported.get(conversation);
    if (!set) reported.set(conversation, (set = new Set()));
    const key = turnKey(rows, keys, i);
    if (set.has(key)) return false;
    set.add(key);
    if (set.size > MEMORY) set.delete(set.values().next().value!);
    return true;
  }

  function emit(row: Element, text: string, from: 'buyer' | 'agent', openTurn = false) {
    const message: ChatMessage = { text, from, conversation, row, at: now(), ...(openTurn && { openTurn }) };
    try {
      if (from === 'buyer') events.onBuyerMessage?.(message);
      else events.onAgentMessage?.(message);
    } catch (e) {
      onError(e);
    }
  }

  function textOf(row: Element): string {
    let text = texts.get(row);
    if (text === undefined) {
      text = adapter.text(row);
      texts.set(row, text);
    }
    return text;
  }

  /** Every row of the list (rows without text are still rendering: picked up when their text arrives). */
  function readAll(): { rows: Element[]; keys: string[]; changed: Element[] } {
    const rows: Element[] = [];
    const keys: string[] = [];
    for (const row of adapter.messages()) {
      const text = textOf(row);
      if (!text) continue;
      rows.push(row);
      keys.push(text);
    }
    return { rows, keys, changed: rows };
  }

  /** The snapshot row holding `node` (or `node` itself), ignoring rows in `skip`; null outside them. */
  function snapshotRowOf(node: Node, skip: Set<Element>): Element | null {
    for (let n: Node | null = node; n && n !== list; n = n.parentNode)
      if (inSnapshot.has(n as Element) && !skip.has(n as Element)) return n as Element;
    return null;
  }

  /**
   * The snapshot patched with the changes since the last read, reading only the touched rows; null when a
   * change cannot be placed (then every row is read again).
   */
  function readChanges(): { rows: Element[]; keys: string[]; changed: Element[] } | null {
    const l = list;
    if (rebuild || !l || !adapter.messagesAfter || !adapter.messagesBefore || prevRows.length === 0) return null;
    if (touches.length > MAX_TOUCHES) return null;
    let rows = prevRows;
    let keys = prevKeys;
    const changed: Element[] = [];
    // Removed rows leave the snapshot; one still in the list was moved and is placed again like an added node.
    const gone = new Set<Element>();
    const placed = [...touches];
    for (const r of removed) {
      gone.add(r);
      if (l.contains(r)) placed.push(r);
    }
    if (gone.size) {
      const kept: Element[] = [];
      const keptKeys: string[] = [];
      rows.forEach((r, i) => {
        if (gone.has(r)) return;
        kept.push(r);
        keptKeys.push(keys[i]);
      });
      rows = kept;
      keys = keptKeys;
    }
    // Nodes inside a snapshot row edit it; the others are placed by position below.
    const edits = new Set([...edited].filter((r) => !gone.has(r)));
    const outside: Node[] = [];
    for (const n of placed) {
      if (!n.isConnected || !l.contains(n)) continue;
      const row = snapshotRowOf(n, gone);
      if (row) edits.add(row);
      else outside.push(n);
    }
    if (edits.size) {
      if (rows === prevRows) {
        rows = rows.slice();
        keys = keys.slice();
      }
      for (const row of edits) {
        const i = rows.lastIndexOf(row);
        if (i < 0) continue;
        const text = textOf(row);
        if (text) {
          keys[i] = text;
          changed.push(row);
        } else {
          rows.splice(i, 1);
          keys.splice(i, 1);
          gone.add(row);
        }
      }
    }
    if (rows.length === 0) return null; // everything went: a re-render is told from new rows by its texts
    const first = rows[0];
    const last = rows[rows.length - 1];
    let tail = false;
    let head = false;
    for (const n of outside) {
      const toLast = last.compareDocumentPosition(n);
      if (toLast & Node.DOCUMENT_POSITION_FOLLOWING && !(toLast & Node.DOCUMENT_POSITION_CONTAINED_BY)) tail = true;
      else {
        const toFirst = first.compareDocumentPosition(n);
        if (toFirst & Node.DOCUMENT_POSITION_PRECEDING && !(toFirst & Node.DOCUMENT_POSITION_CONTAINS)) head = true;
        else return null; // between rows, or around them
      }
    }
    const withText = (found: Element[] | null) => {
      if (!found) return null;
      const out: [Element, string][] = [];
      for (const row of found) {
        if (inSnapshot.has(row) && !gone.has(row)) return null; // the snapshot is out of order
        const text = textOf(row);
        if (text) out.push([row, text]);
      }
      return out;
    };
    const after = tail ? withText(adapter.messagesAfter(last)) : [];
    const before = head ? withText(adapter.messagesBefore(first)) : [];
    if (!after || !before) return null;
    if (rows === prevRows && before.length === 0) {
      // Only rows added after the last one (a new message): appended in place. No copy of a long snapshot per
      // message (the garbage it makes costs the page more than the copy), and the last row, unchanged,
      // anchors what is new, so the previous texts are not needed to align.
      for (const [r, t] of after) {
        rows.push(r);
        keys.push(t);
        changed.push(r);
      }
    } else if (after.length || before.length) {
      const newRows = before.map(([r]) => r);
      const newKeys = before.map(([, t]) => t);
      rows = newRows.concat(
        rows,
        after.map(([r]) => r),
      );
      keys = newKeys.concat(
        keys,
        after.map(([, t]) => t),
      );
      for (const [r] of before.concat(after)) changed.push(r);
    }
    for (const r of gone) inSnapshot.delete(r);
    return { rows, keys, changed };
  }

  /**
   * Read the rows (only what changed unless `full`) and report the new ones, unless `asHistory`. Returns how
   * many were passed on.
   */
  function scan(asHistory: boolean, full = false) {
    const read = (!full && readChanges()) || readAll();
    if (read.changed === read.rows) inSnapshot = new Set(read.rows);
    else for (const r of read.changed) inSnapshot.add(r);
    edited = new Set();
    removed = [];
    touches = [];
    rebuild = false;
    const { rows, keys } = read;
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
    if (read.changed === rows) rows.forEach((r, i) => seen.set(r, keys[i]));
    else for (const r of read.changed) seen.set(r, keys[rows.lastIndexOf(r)]);
    prevKeys = keys;
    prevRows = rows;
    let count = 0;
    for (const i of fresh ?? []) {
      const from = adapter.isBuyer(rows[i]) ? 'buyer' : 'agent';
      if (from === 'buyer' && !remember(rows, keys, i)) continue;
      emit(rows[i], keys[i], from);
      count++;
    }
    return count;
  }

  /** Report the open turn of the conversation just settled: its buyer rows after the agent's last message. */
  function openTurn(): number {
    scan(true, true);
    const rows = prevRows;
    const keys = prevKeys;
    let start = rows.length;
    while (start > 0 && adapter.isBuyer(rows[start - 1])) start--;
    let count = 0;
    for (let i = Math.max(start, rows.length - maxOpenTurn); i < rows.length; i++) {
      if (!remember(rows, keys, i)) continue;
      emit(rows[i], keys[i], 'buyer', true);
      count++;
    }
    return count;
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
      if (stopped || conv !== conversation) return;
      let count = 0;
      try {
        count = openTurn();
      } catch (e) {
        onError(e);
      }
      notify(() => events.onOpenTurn?.(conv, count));
      notify(() => events.onSettled?.(conv));
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
        scan(true, true);
      } else if (l !== list) {
        list = l;
        startSettling();
        scan(true, true);
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
        note(r);
      }
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      check();
    });
  });
  /** Sort one mutation record of the list into the changes the next read places. */
  function note(r: MutationRecord) {
    const row = snapshotRowOf(r.target, new Set());
    if (row) {
      edited.add(row);
      return;
    }
    if (r.type === 'characterData') {
      touches.push(r.target);
      return;
    }
    r.removedNodes.forEach((n) => {
      if (inSnapshot.has(n as Element)) removed.push(n as Element);
      // A removed wrapper may have held snapshot rows.
      else if (n.nodeType === 1 && (n as Element).firstElementChild) rebuild = true;
    });
    r.addedNodes.forEach((n) => touches.push(n));
  }

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
    rows: () => prevRows,
    texts: () => prevKeys,
    check: () => {
      touched = true;
      rebuild = true;
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

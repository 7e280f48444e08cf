/**
 * The adapter for consoles without a profile. Heuristics, in order of trust:
 * - message list: an ARIA live region (role=log / aria-live), else the scrolling container of message-like
 *   rows that sits above the reply box;
 * - reply box: the focused editable, else the largest visible textarea / contenteditable (inputs last);
 * - buyer rows: class names and data attributes (other/left/buyer/customer vs self/right/mine/agent),
 *   else the side the text sits on (left = buyer);
 * - conversation name: the selected item of a conversation list (aria-selected / aria-current), else a
 *   header element named nick/buyer-name/chat-title.
 * Open shadow roots (web-component consoles) are searched like the document itself.
 * When it guesses wrong the agent teaches the console (teach.ts) and a profile replaces it.
 */
import { cleanPageValue } from '../insert/placeholders';
import {
  cleanText,
  deepActiveElement,
  deepQueryAll,
  deepQueryAllOutside,
  deepQueryOne,
  editableIn,
  extractOrderId,
  isEditable,
  matches,
  queryAll,
} from './dom';
import type { ConsoleAdapter } from './types';

const BUYER_WORDS = new Set([
  'other',
  'others',
  'left',
  'buyer',
  'customer',
  'client',
  'incoming',
  'received',
  'receive',
  'them',
  'their',
  'guest',
  'visitor',
  'contact',
  'inbound',
  'remote',
]);
const SELF_WORDS = new Set([
  'self',
  'right',
  'mine',
  'me',
  'my',
  'own',
  'outgoing',
  'sent',
  'agent',
  'seller',
  'staff',
  'service',
  'kefu',
  'operator',
  'outbound',
  'local',
  'reply',
  'shop',
  'merchant',
]);
const SKIP_ROW_WORDS = new Set(['time', 'date', 'system', 'notice', 'divider', 'separator', 'tip', 'tips']);
/** Parts of a row that hold the message itself, most specific first. */
const TEXT_WORDS = ['text', 'content', 'body', 'bubble'];
const NAME_WORDS = [
  'nick',
  'nickname',
  'buyer-name',
  'customer-name',
  'contact-name',
  'chat-title',
  'conversation-title',
];
const LIST_WORDS = /msg|message|chat|conversation|dialog|log|history|thread/i;

const wordCache = new WeakMap<Element, { key: string; words: string[] }>();

/** Words of an element's class names and data-* values: "msg--left from_buyer" → msg, left, from, buyer. */
export function wordsOf(el: Element): string[] {
  // Cached per element while its class and attribute count stay the same (rows are read on every scan).
  const key = `${el.getAttribute('class') ?? ''}|${el.attributes.length}`;
  const hit = wordCache.get(el);
  if (hit?.key === key) return hit.words;
  const words = readWords(el);
  wordCache.set(el, { key, words });
  return words;
}

function readWords(el: Element): string[] {
  const out: string[] = [];
  const cls = typeof el.className === 'string' ? el.className : (el.getAttribute('class') ?? '');
  for (const c of cls.split(/\s+/)) if (c) out.push(...c.toLowerCase().split(/[-_]+/));
  for (const a of Array.from(el.attributes))
    if (a.name.startsWith('data-') && a.value.length < 30) out.push(...a.value.toLowerCase().split(/[-_\s]+/));
  return out.filter(Boolean);
}

/** +1 per buyer word, -1 per self word, over the row and its descendants up to `depth` levels down. */
export function sideScore(row: Element, depth = 3): number {
  let score = 0;
  const visit = (el: Element, d: number) => {
    for (const w of wordsOf(el)) {
      if (BUYER_WORDS.has(w)) score += d === 0 ? 2 : 1;
      else if (SELF_WORDS.has(w)) score -= d === 0 ? 2 : 1;
    }
    if (d < depth) for (const c of Array.from(el.children)) visit(c, d + 1);
  };
  visit(row, 0);
  return score;
}

function isVisible(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

function area(el: Element): number {
  const r = el.getBoundingClientRect();
  return r.width * r.height;
}

/**
 * Rows of a list: its children, looking through single wrappers ("list > .inner > rows"), without date
 * and system separators. `withText` also drops empty rows (list detection; the watcher skips them itself).
 */
export function rowsOf(list: Element, withText = false): Element[] {
  return Array.from(rowContainer(list).children).filter(
    (c) => !isSeparator(c) && (!withText || cleanText(c.textContent) !== ''),
  );
}

/** The element whose children are the rows: the list, or the innermost of its single wrappers. */
function rowContainer(list: Element): Element {
  let container = list;
  while (container.children.length === 1 && container.firstElementChild!.children.length > 0)
    container = container.firstElementChild!;
  return container;
}

const isSeparator = (el: Element) => wordsOf(el).some((w) => SKIP_ROW_WORDS.has(w));

/** The rows of `list` after (or before) `row`, as rowsOf lists them; null when `row` is not one of them. */
export function rowsBeside(list: Element, row: Element, side: 'after' | 'before'): Element[] | null {
  if (row.parentElement !== rowContainer(list)) return null;
  const out: Element[] = [];
  if (side === 'after') {
    for (let c = row.nextElementSibling; c; c = c.nextElementSibling) if (!isSeparator(c)) out.push(c);
  } else {
    for (let c = row.previousElementSibling; c; c = c.previousElementSibling) if (!isSeparator(c)) out.push(c);
    out.reverse();
  }
  return out;
}

const isMultiline = (el: Element | null) => isEditable(el) && el.tagName !== 'INPUT';

export function findReplyBox(doc: Document): HTMLElement | null {
  const active = deepActiveElement(doc);
  if (isMultiline(active) && !active!.closest('[role="log"], [aria-live]')) return active as HTMLElement;
  const all = deepQueryAll<HTMLElement>(doc, 'textarea, [contenteditable]:not([contenteditable="false"])').filter(
    (el) => isEditable(el) && isVisible(el),
  );
  const pool = all.length
    ? all
    : deepQueryAll<HTMLElement>(doc, 'input[type="text"], input:not([type])').filter(isVisible);
  // Nested contenteditables: keep the outermost editing host.
  const hosts = pool.filter((el) => !pool.some((o) => o !== el && o.contains(el)));
  return hosts.sort((a, b) => area(b) - area(a))[0] ?? null;
}

export function findMessageList(doc: Document, reply: Element | null): Element | null {
  // Small empty live regions are toast/status announcers, not the chat.
  const live = deepQueryAll(doc, '[role="log"], [aria-live]:not([aria-live="off"])').filter(
    (el) => rowsOf(el, true).length > 0 || area(el) >= 20_000,
  );
  if (live.length) return live.sort((a, b) => rowsOf(b, true).length - rowsOf(a, true).length)[0];

  const win = doc.defaultView;
  const rr = reply?.getBoundingClientRect();
  let best: Element | null = null;
  let bestScore = 0;
  const candidates = deepQueryAll(doc, 'div, ul, ol, section, main');
  for (let i = 0; i < candidates.length && i < 5000; i++) {
    const el = candidates[i];
    if (el.children.length < 2 || (reply && el.contains(reply))) continue;
    const rows = rowsOf(el, true);
    if (rows.length < 2) continue;
    let score = rows.length;
    const style = win?.getComputedStyle(el);
    if (style && /(auto|scroll)/.test(style.overflowY)) score *= 2;
    if (LIST_WORDS.test(typeof el.className === 'string' ? el.className : '')) score *= 1.5;
    if (rr) {
      const r = el.getBoundingClientRect();
      const overlap = Math.min(r.right, rr.right) - Math.max(r.left, rr.left);
      if (overlap > rr.width / 2 && r.bottom <= rr.top + 4) score *= 3;
    }
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  }
  return best;
}

/** How many of the newest rows are searched for an order card (orderId, read on every message). */
const ORDER_ROWS = 50;

function orderInNewestRows(list: Element, hasId: (e: Element) => boolean): Element | undefined {
  let row = rowContainer(list).lastElementChild;
  for (let i = 0; row && i < ORDER_ROWS; i++, row = row.previousElementSibling) {
    const found = [row, ...queryAll(row, '[class*="order"]')].filter((e) => matches(e, '[class*="order"]'));
    const el = found.find(hasId);
    if (el) return el;
  }
  return undefined;
}

/** Which side of the list the row's text sits on: -1 left, 1 right, 0 unclear. */
export function textSide(row: Element, list: Element): -1 | 0 | 1 {
  const doc = row.ownerDocument;
  const range = doc.createRange();
  range.selectNodeContents(row);
  const t = range.getBoundingClientRect();
  const l = list.getBoundingClientRect();
  if (!t.width || !l.width) return 0;
  const leftGap = t.left - l.left;
  const rightGap = l.right - t.right;
  if (Math.abs(leftGap - rightGap) < 16) return 0;
  return leftGap < rightGap ? -1 : 1;
}

function nameIn(el: Element): string | undefined {
  const named = Array.from(el.querySelectorAll('*')).find((c) =>
    wordsOf(c).some((w) => w === 'name' || w === 'nick' || w === 'nickname' || w === 'title'),
  );
  if (named) return cleanPageValue(named.textContent);
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const s = cleanPageValue(n.nodeValue);
    if (s) return s;
  }
  return undefined;
}

export function createGenericAdapter(doc: Document = document): ConsoleAdapter {
  let cachedList: Element | null = null;
  let cachedReply: HTMLElement | null = null;
  let lastSearch = -Infinity;
  const list = () => {
    if (cachedList?.isConnected) return cachedList;
    // Searching scans the page: at most every 500 ms while nothing is found.
    const now = Date.now();
    if (now - lastSearch < 500) return null;
    lastSearch = now;
    cachedList = findMessageList(doc, findReplyBox(doc));
    return cachedList;
  };
  return {
    id: 'generic',
    name: 'Generic',
    messageList: list,
    messages() {
      const l = list();
      return l ? rowsOf(l) : [];
    },
    messagesAfter(row) {
      const l = list();
      return l ? rowsBeside(l, row, 'after') : null;
    },
    messagesBefore(row) {
      const l = list();
      return l ? rowsBeside(l, row, 'before') : null;
    },
    isBuyer(row) {
      const score = sideScore(row);
      if (score !== 0) return score > 0;
      const l = list();
      return l ? textSide(row, l) !== 1 : true;
    },
    text(row) {
      const parts = Array.from(row.querySelectorAll('*'));
      for (const word of TEXT_WORDS) {
        const part = parts.find((c) => wordsOf(c).includes(word) && cleanText(c.textContent) !== '');
        if (part) return cleanText(part.textContent);
      }
      return cleanText(row.textContent);
    },
    replyBox() {
      // The box the agent last typed in wins; otherwise keep the one found while it stays on the page.
      const active = deepActiveElement(doc);
      if (isMultiline(active) && active !== cachedReply && !active!.closest('[role="log"], [aria-live]'))
        cachedReply = active as HTMLElement;
      if (!cachedReply?.isConnected) cachedReply = editableIn(findReplyBox(doc));
      return cachedReply;
    },
    // Page text that becomes a value (conversation key, {buyer}, a stored promise's buyer): cleaned here.
    conversationName: () => cleanPageValue(conversationName()),
    orderId() {
      // The console's order panel (outside the list), else an order card among the newest rows.
      const l = list();
      const hasId = (e: Element) => /[A-Za-z0-9-]{6,}/.test(e.textContent ?? '');
      const el =
        deepQueryAllOutside(doc, '[class*="order"]', l).find(hasId) ?? (l ? orderInNewestRows(l, hasId) : undefined);
      return el ? cleanPageValue(extractOrderId(el.textContent ?? '')) : undefined;
    },
  };

  function conversationName(): string | undefined {
    const l = list();
    // The list is not searched (whatever it holds is never the name; read on every change, so it must not
    // cost a pass over thousands of rows).
    const selected = deepQueryAllOutside(
      doc,
      '[aria-selected="true"], [aria-current]:not([aria-current="false"])',
      l,
    ).find((el) => !l?.contains(el) && cleanText(el.textContent).length > 0);
    if (selected) return nameIn(selected);
    for (const w of NAME_WORDS) {
      const el = l ? (deepQueryAllOutside(doc, `[class*="${w}"]`, l)[0] ?? null) : deepQueryOne(doc, `[class*="${w}"]`);
      // A long text is a banner or a greeting, not a nickname: judged before the cap cuts it.
      const s = el && !l?.contains(el) ? cleanPageValue(el.textContent, Infinity) : undefined;
      if (s && s.length <= 40) return s;
    }
    return undefined;
  }
}

/**
 * The adapter for consoles described by a profile (from a pack's `consoles`, or taught on the page).
 * Selectors: `messageList` from the document; `message`, `buyerMessage` and `text` relative to the list/row.
 */
import { cleanPageValue } from '../insert/placeholders';
import type { ConsoleProfile } from '../pack/schema';
import { cleanText, editableIn, extractOrderId, matches, outermost, queryAll, queryOne } from './dom';
import type { ConsoleAdapter } from './types';

export function createProfileAdapter(profile: ConsoleProfile, doc: Document = document): ConsoleAdapter {
  const list = () => queryOne(doc, profile.messageList);
  return {
    id: profile.id,
    name: profile.name,
    verified: profile.verified,
    messageList: list,
    messages() {
      const l = list();
      return l ? outermost(queryAll(l, profile.message)) : [];
    },
    messagesAfter: (row) => rowsBeside(row, 'after'),
    messagesBefore: (row) => rowsBeside(row, 'before'),
    isBuyer(row) {
      // Either the row itself matches, or the selector names a part of the buyer's rows (".bubble.buyer").
      return matches(row, profile.buyerMessage) || queryOne(row, profile.buyerMessage) !== null;
    },
    text(row) {
      if (!profile.text) return cleanText(row.textContent);
      const el = matches(row, profile.text) ? row : queryOne(row, profile.text);
      return cleanText(el?.textContent);
    },
    replyBox: () => editableIn(queryOne(doc, profile.replyBox)),
    // Page text that becomes a value (conversation key, {buyer}, a stored promise's buyer): cleaned here.
    conversationName() {
      if (!profile.conversationName) return undefined;
      return cleanPageValue(queryOne(doc, profile.conversationName)?.textContent);
    },
    orderId() {
      if (!profile.orderId) return undefined;
      const text = queryOne(doc, profile.orderId)?.textContent;
      return text ? cleanPageValue(extractOrderId(text)) : undefined;
    },
  };

  /**
   * The rows after (or before) `row`, as messages() lists them, reading only that part of the list: the
   * siblings on that side of the row and of each of its ancestors up to the list (no ancestor of a listed row
   * is itself a row, so each sibling holds its own outermost rows).
   */
  function rowsBeside(row: Element, side: 'after' | 'before'): Element[] | null {
    const l = list();
    if (!l || row === l || !l.contains(row)) return null;
    const groups: Element[][] = [];
    for (let n: Element = row; n !== l; n = n.parentElement!)
      for (
        let s = side === 'after' ? n.nextElementSibling : n.previousElementSibling;
        s;
        s = side === 'after' ? s.nextElementSibling : s.previousElementSibling
      )
        groups.push(matches(s, profile.message) ? [s] : outermost(queryAll(s, profile.message)));
    // Before the row the groups come nearest first: reversed, they are in document order.
    if (side === 'before') groups.reverse();
    return groups.flat();
  }
}

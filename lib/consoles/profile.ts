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
}

/**
 * What the open conversation says before a message, read back from the message in the watcher's snapshot of
 * the rows (no listing of the whole conversation per message): the buyer's rows (for the buyer type) and the
 * newest rows of both sides (the engine's `SuggestOptions.context`: 好的 after the agent's reply needs no
 * card, 那明天呢 is read with the buyer's earlier question). `tools/eval-conversations.ts` feeds the engine the
 * same context, so the conversation figures in the README are what the card does.
 */
import type { ChatMessage, ConsoleAdapter } from '@/lib/consoles/types';
import { MAX_CONTEXT_TURNS, type ContextTurn } from '@/lib/match/types';

/** Buyer rows the buyer type is read from (the newest ones). */
export const MAX_BUYER_ROWS = 30;
/** Rows looked back through for them (a long run of the agent's own rows ends the look-back). */
export const MAX_LOOK_BACK = 1000;

/** The rows of the open conversation, oldest first, with their texts (the watcher's snapshot). */
export interface RowSnapshot {
  rows: readonly Element[];
  texts: readonly string[];
}

export interface ConversationSoFar {
  /** The buyer's rows up to the message, oldest first, the message last. */
  buyerRows: string[];
  /** The newest MAX_CONTEXT_TURNS rows before the message, oldest first (the message itself left out). */
  turns: ContextTurn[];
}

export function conversationSoFar(adapter: ConsoleAdapter, snap: RowSnapshot, m: ChatMessage): ConversationSoFar {
  const { rows, texts } = snap;
  let end = rows.lastIndexOf(m.row);
  if (end < 0) end = rows.length;
  const buyerRows: string[] = [];
  const turns: ContextTurn[] = [];
  for (let i = end - 1; i >= 0 && i >= end - MAX_LOOK_BACK; i--) {
    if (buyerRows.length >= MAX_BUYER_ROWS - 1 && turns.length >= MAX_CONTEXT_TURNS) break;
    const text = texts[i];
    if (rows[i] === m.row || !text) continue;
    const from = adapter.isBuyer(rows[i]) ? 'buyer' : 'agent';
    if (from === 'buyer' && buyerRows.length < MAX_BUYER_ROWS - 1) buyerRows.push(text);
    if (turns.length < MAX_CONTEXT_TURNS) turns.push({ from, text });
  }
  return { buyerRows: [...buyerRows.reverse(), m.text], turns: turns.reverse() };
}

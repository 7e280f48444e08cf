/**
 * What the open conversation says before a message, read in one pass over its rows: the buyer's rows (for the
 * buyer type) and the newest rows of both sides (the engine's `SuggestOptions.context`: 好的 after the agent's
 * reply needs no card, 那明天呢 is read with the buyer's earlier question). `tools/eval-conversations.ts` feeds the
 * engine the same context, so the conversation figures in the README are what the card does.
 */
import type { ChatMessage, ConsoleAdapter } from '@/lib/consoles/types';
import { MAX_CONTEXT_TURNS, type ContextTurn } from '@/lib/match/types';

/** Buyer rows the buyer type is read from (the newest ones). */
export const MAX_BUYER_ROWS = 30;

export interface ConversationSoFar {
  /** The buyer's rows up to the message, oldest first, the message last. */
  buyerRows: string[];
  /** The newest MAX_CONTEXT_TURNS rows before the message, oldest first (the message itself left out). */
  turns: ContextTurn[];
}

export function conversationSoFar(adapter: ConsoleAdapter, m: ChatMessage): ConversationSoFar {
  const rows = adapter.messages();
  const at = rows.indexOf(m.row);
  const before = (at >= 0 ? rows.slice(0, at) : rows).filter((r) => r !== m.row);
  const buyerRows: string[] = [];
  const turns: ContextTurn[] = [];
  for (const row of before) {
    const text = adapter.text(row);
    if (!text) continue;
    const from = adapter.isBuyer(row) ? 'buyer' : 'agent';
    if (from === 'buyer') buyerRows.push(text);
    turns.push({ from, text });
  }
  return {
    buyerRows: [...buyerRows, m.text].slice(-MAX_BUYER_ROWS),
    turns: turns.slice(-MAX_CONTEXT_TURNS),
  };
}

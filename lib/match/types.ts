/** The answer engine's public types: what the background returns to the card, eval and bench. */
import type { Featured, Script, Tone } from '../pack/schema';

export interface Suggestion {
  packId: string;
  scriptId: string;
  /** Card title: the script's title, else its first question. */
  title: string;
  /** Raw ranking score (higher is better; scale is engine-internal). */
  score: number;
  /** Calibrated 0..1; suggestions below the engine's threshold are never returned. */
  confidence: number;
  /** The part of the buyer's message this suggestion answers (messages with two questions are split). */
  part: string;
}

export interface EngineAnswer {
  /** False for greetings, thanks, acknowledgements and other messages that need no script. */
  needsAnswer: boolean;
  /** The message split into the parts that were matched. */
  parts: string[];
  /** Up to `limit` suggestions, best first, across all parts. */
  suggestions: Suggestion[];
  /** The buyer's register, to choose the answer variant. */
  register: Exclude<Tone, 'neutral'>;
  /** Active featured product when the buyer asks which model to choose or compares models. */
  featured?: FeaturedPick;
}

/** A featured product with the pack it comes from (its insertions are counted per pack). */
export interface FeaturedPick extends Featured {
  packId: string;
}

/** One row of the chat before the buyer's message, as the console shows it. */
export interface ContextTurn {
  from: 'buyer' | 'agent';
  text: string;
}

/**
 * The conversation so far, for a buyer message that only makes sense after it (那怎么办 after the
 * agent said the size is sold out) or that needs no card in its place (好的 after an answer).
 * The content script fills it from the rows the watcher has read in the open conversation.
 */
export interface ConversationContext {
  /**
   * The rows before the message, oldest first: at most the last MAX_CONTEXT_TURNS (6) are read,
   * buyer rows and the agent's replies as they appear (system notices and order cards left out or
   * passed as buyer/agent rows by whoever sent them). The message itself is not included.
   */
  turns: ContextTurn[];
}

/** The engine reads at most this many rows of context (the newest ones). */
export const MAX_CONTEXT_TURNS = 6;

export interface SuggestOptions {
  limit?: number;
  /** Clock for featured-product dates; defaults to now. */
  now?: Date;
  /** The conversation before this message (optional: without it the message is matched on its own). */
  context?: ConversationContext;
}

export interface Engine {
  suggest(message: string, options?: SuggestOptions): EngineAnswer;
  /** Manual search from the card's search box / the library: no question detection, lower threshold. */
  search(query: string, limit?: number): Suggestion[];
  script(packId: string, scriptId: string): Script | undefined;
  readonly size: number;
}

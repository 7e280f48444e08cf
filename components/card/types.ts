import type { PlaceholderValues } from '@/lib/insert/placeholders';
import type { FeaturedPick } from '@/lib/match/types';
import type { SuggestReply, SuggestionView } from '@/lib/messaging';
import type { AnswerStyle, Compensation, FollowUp } from '@/lib/pack/schema';
import type { Register } from './logic';

/** An earlier question of the buyer's open turn (the card shows it below the newest one). */
export interface OpenQuestion {
  /** Numbers the buyer messages of a conversation: the engine's late answer finds its question. */
  seq: number;
  message: string;
  status: CardModel['status'];
  reply?: SuggestReply;
}

/** Everything the card shows, for the open conversation. The content script owns and updates it. */
export interface CardModel {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The buyer message the suggestions answer. */
  message?: string;
  reply?: SuggestReply;
  /** Earlier questions of the buyer's open turn, newest first, each with its own suggestions. */
  earlier: OpenQuestion[];
  tone: Register;
  /** Answer length to show first (the buyer type's, or the agent's switch); undefined: the plain answer. */
  style?: AnswerStyle;
  /** Suggestion whose follow-ups and compensations are shown (the last one inserted, else the first). */
  selected: number;
  showCompensations: boolean;
  /** Esc / × for this message. */
  hidden: boolean;
  /** The agent collapsed the card to a bar (remembered per site). */
  collapsed: boolean;
  /**
   * `'card'`: the full card, in a free column beside the conversation; `'strip'`: no free column, a compact
   * strip docked to the reply box (the top suggestions, one line each), opened to the full card by `open`.
   */
  layout?: 'card' | 'strip';
  /** The strip is opened to the full card: while the pointer rests on it (`'hover'`), or by a click or Alt+0. */
  open?: false | 'hover' | 'pinned';
  /** The reply box text says 但是/可是/but. */
  excuse: boolean;
  budgetLeft: number;
  placeholders: PlaceholderValues;
  search: { query: string; results: SuggestionView[]; status: 'idle' | 'loading' | 'done' };
  console: { name: string; verified?: boolean; source: 'taught' | 'pack' | 'generic' };
  theme: 'light' | 'dark';
  /** A one-line notice: no reply box, or an insertion the box refused (text copied, or not even that). */
  notice: 'noReplyBox' | 'insertCopied' | 'insertFailed' | null;
  /** The chat card's footer (log a promise, file feedback, teach); off on review pages, where they mean nothing. */
  chatTools?: boolean;
}

/** What the card's controls do. The promise/feedback buttons call functions wired by the integrator. */
export interface CardActions {
  /** Insert a suggestion; `question` when it answers an earlier question of the turn (not the newest). */
  insertAnswer(s: SuggestionView, rank: number, question?: string): void;
  /** Insert the featured product's pitch (shown first on a choice question). */
  insertFeatured(f: FeaturedPick): void;
  insertFollowUp(s: SuggestionView, f: FollowUp): void;
  insertCompensation(s: SuggestionView, c: Compensation): void;
  /** Append one of the script's `extras` (a line of useful advice) after the reply box's text. */
  insertExtra(s: SuggestionView, line: string): void;
  insertSearchResult(s: SuggestionView, rank: number): void;
  setTone(tone: Register): void;
  setStyle(style: AnswerStyle): void;
  toggleCompensations(): void;
  toggleCollapsed(): void;
  /** Open the strip to the full card, or back: `'hover'` (pointer on it), `'pinned'` (a click), false. */
  setOpen(open: false | 'hover' | 'pinned'): void;
  hide(): void;
  search(query: string): void;
  logPromise(): void;
  logFeedback(): void;
  teach(): void;
}

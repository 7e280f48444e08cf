import type { PlaceholderValues } from '@/lib/insert/placeholders';
import type { SuggestReply, SuggestionView } from '@/lib/messaging';
import type { Compensation, FollowUp } from '@/lib/pack/schema';
import type { Register } from './logic';

/** Everything the card shows, for the open conversation. The content script owns and updates it. */
export interface CardModel {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The buyer message the suggestions answer. */
  message?: string;
  reply?: SuggestReply;
  tone: Register;
  /** Suggestion whose follow-ups and compensations are shown (the last one inserted, else the first). */
  selected: number;
  showCompensations: boolean;
  /** Esc / × for this message. */
  hidden: boolean;
  collapsed: boolean;
  /** The reply box text says 但是/可是/but. */
  excuse: boolean;
  budgetLeft: number;
  placeholders: PlaceholderValues;
  search: { query: string; results: SuggestionView[]; status: 'idle' | 'loading' | 'done' };
  console: { name: string; verified?: boolean; source: 'taught' | 'pack' | 'generic' };
  theme: 'light' | 'dark';
  /** A one-line notice: no reply box, or an insertion the box refused (text copied, or not even that). */
  notice: 'noReplyBox' | 'insertCopied' | 'insertFailed' | null;
}

/** What the card's controls do. The promise/feedback buttons call functions wired by the integrator. */
export interface CardActions {
  insertAnswer(s: SuggestionView, rank: number): void;
  insertFollowUp(s: SuggestionView, f: FollowUp): void;
  insertCompensation(s: SuggestionView, c: Compensation): void;
  insertSearchResult(s: SuggestionView, rank: number): void;
  setTone(tone: Register): void;
  toggleCompensations(): void;
  toggleCollapsed(): void;
  hide(): void;
  search(query: string): void;
  logPromise(): void;
  logFeedback(): void;
  teach(): void;
}

/**
 * The card's state in the content script: one entry per conversation (suggestions stay with their
 * buyer when the agent switches), plus what is shared (collapsed, theme, budget, search).
 */
import { createStore } from 'zustand/vanilla';
import { styleFor, type Register } from '@/components/card/logic';
import type { AnswerStyle } from '@/lib/pack/schema';
import type { Placement } from '@/components/card/placement';
import type { CardModel, OpenQuestion } from '@/components/card/types';
import type { PlaceholderValues } from '@/lib/insert/placeholders';
import type { FeaturedPick } from '@/lib/match/types';
import type { SuggestReply, SuggestionView } from '@/lib/messaging';

/** Questions of one buyer turn the card shows at most (the newest and four earlier ones). */
export const MAX_OPEN_QUESTIONS = 5;

export interface ConversationCard {
  status: CardModel['status'];
  message?: string;
  reply?: SuggestReply;
  /** Increases per buyer message: late answers to older messages are dropped. */
  seq: number;
  toneOverride?: Register;
  /** The agent switched the answer length (else the buyer type's, lib/match/buyer-type.ts). */
  styleOverride?: AnswerStyle;
  selected: number;
  showCompensations: boolean;
  hidden: boolean;
  lastAgentMessage?: string;
  /** Earlier questions of the buyer's turn that are still open, newest first (emptied when the agent replies). */
  earlier: OpenQuestion[];
  /** The agent replied after the newest question: the next buyer message starts a new turn. */
  replied: boolean;
  /** The newest question was recorded as a miss (once per question, however the agent answers it). */
  missed?: boolean;
}

export interface ContentState {
  conversation: string;
  cards: Record<string, ConversationCard>;
  collapsed: boolean;
  excuse: boolean;
  budgetLeft: number;
  defaultTone: Register;
  placeholders: PlaceholderValues;
  search: CardModel['search'];
  console: CardModel['console'];
  theme: CardModel['theme'];
  notice: CardModel['notice'];
  placement: Placement | null;
  /** Teach mode is on: the card steps aside. */
  suspended: boolean;
  /** A full card in a free column beside the conversation, or (no free column) a strip docked to the reply box. */
  layout: CardModel['layout'];
  /** The strip is opened to the full card: `'hover'` while the pointer rests on it, `'pinned'` by a click or Alt+0. */
  open: false | 'hover' | 'pinned';
  /** The footer's chat tools (promise, feedback, teach) are shown. */
  chatTools: boolean;
}

export const emptyCard = (): ConversationCard => ({
  status: 'idle',
  seq: 0,
  selected: 0,
  showCompensations: false,
  hidden: false,
  earlier: [],
  replied: false,
});

export function createContentStore(initial: Partial<ContentState> = {}) {
  return createStore<ContentState>()(() => ({
    conversation: '',
    cards: {},
    collapsed: false,
    excuse: false,
    budgetLeft: 0,
    defaultTone: 'friendly',
    placeholders: {},
    search: { query: '', results: [], status: 'idle' },
    console: { name: '', source: 'generic' },
    theme: 'light',
    notice: null,
    placement: null,
    suspended: false,
    layout: 'card',
    open: false,
    chatTools: true,
    ...initial,
  }));
}

export type ContentStore = ReturnType<typeof createContentStore>;

/**
 * The card of `conversation`, if any. Conversations are keyed by the buyer's name, which can be any text
 * ("constructor", "__proto__"): only the map's own entries count.
 */
export function cardOf(s: ContentState, conversation: string): ConversationCard | undefined {
  return Object.hasOwn(s.cards, conversation) ? s.cards[conversation] : undefined;
}

export function currentCard(s: ContentState): ConversationCard {
  return cardOf(s, s.conversation) ?? emptyCard();
}

/** Update the open conversation's card. */
export function patchCard(
  store: ContentStore,
  conversation: string,
  patch: (c: ConversationCard) => Partial<ConversationCard>,
) {
  store.setState((s) => {
    const card = cardOf(s, conversation) ?? emptyCard();
    return { cards: { ...s.cards, [conversation]: { ...card, ...patch(card) } } };
  });
}

/** The card of `conversation` once buyer message `message` (numbered `seq`) is being answered. */
export function withQuestion(card: ConversationCard, seq: number, message: string): ConversationCard {
  const stillOpen = !card.replied && card.message !== undefined && card.status !== 'idle';
  const earlier: OpenQuestion[] = stillOpen
    ? [{ seq: card.seq, message: card.message!, status: card.status, reply: card.reply }, ...card.earlier]
    : [];
  return {
    ...card,
    seq,
    status: 'loading',
    message,
    reply: undefined,
    hidden: false,
    selected: 0,
    showCompensations: false,
    toneOverride: undefined,
    styleOverride: undefined,
    replied: false,
    missed: false,
    earlier: earlier.slice(0, MAX_OPEN_QUESTIONS - 1),
  };
}

/** Route the engine's answer to question `seq` of `conversation` (the newest or an earlier one); false if gone. */
export function settleQuestion(
  store: ContentStore,
  conversation: string,
  seq: number,
  patch: Pick<ConversationCard, 'status' | 'reply'>,
): boolean {
  const card = cardOf(store.getState(), conversation);
  if (!card) return false;
  if (card.seq === seq) {
    patchCard(store, conversation, () => patch);
    return true;
  }
  if (!card.earlier.some((q) => q.seq === seq)) return false;
  patchCard(store, conversation, (c) => ({ earlier: c.earlier.map((q) => (q.seq === seq ? { ...q, ...patch } : q)) }));
  return true;
}

/** The answer length the card shows: the agent's choice, else the one the buyer type wants first. */
export function cardStyle(c: ConversationCard): AnswerStyle | undefined {
  return c.styleOverride ?? styleFor(c.reply?.buyerType);
}

export function toModel(s: ContentState): CardModel {
  const c = currentCard(s);
  return {
    status: c.status,
    message: c.message,
    reply: c.reply,
    earlier: c.earlier,
    tone: c.toneOverride ?? c.reply?.register ?? s.defaultTone,
    style: cardStyle(c),
    selected: c.selected,
    showCompensations: c.showCompensations,
    hidden: c.hidden,
    collapsed: s.collapsed,
    layout: s.layout,
    open: s.open,
    excuse: s.excuse,
    budgetLeft: s.budgetLeft,
    placeholders: s.placeholders,
    search: s.search,
    console: s.console,
    theme: s.theme,
    notice: s.notice,
    chatTools: s.chatTools,
  };
}

/** Suggestions the agent can see right now (what Alt+1…3 may insert). */
export function visibleSuggestions(s: ContentState) {
  const c = currentCard(s);
  if (s.collapsed || c.hidden || c.status !== 'ready' || !c.reply?.needsAnswer) return [];
  return c.reply.suggestions;
}

/** What Alt+1…3 insert: the featured product's pitch first when the card shows one, then the suggestions. */
export type Shortcut =
  { kind: 'featured'; featured: FeaturedPick } | { kind: 'suggestion'; s: SuggestionView; rank: number };

export function shortcutTargets(s: ContentState): Shortcut[] {
  const featured = visibleFeatured(s);
  const out: Shortcut[] = featured ? [{ kind: 'featured', featured }] : [];
  visibleSuggestions(s).forEach((x, rank) => out.push({ kind: 'suggestion', s: x, rank }));
  return out.slice(0, 3);
}

/** The featured product the card shows first, if any (a choice question while a product is featured). */
export function visibleFeatured(s: ContentState): FeaturedPick | undefined {
  const c = currentCard(s);
  if (s.collapsed || c.hidden || c.status !== 'ready' || !c.reply?.needsAnswer) return undefined;
  return c.reply.featured;
}

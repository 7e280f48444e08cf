/**
 * The card's state in the content script: one entry per conversation (suggestions stay with their
 * buyer when the agent switches), plus what is shared (collapsed, theme, budget, search).
 */
import { createStore } from 'zustand/vanilla';
import type { Register } from '@/components/card/logic';
import type { Placement } from '@/components/card/placement';
import type { CardModel } from '@/components/card/types';
import type { PlaceholderValues } from '@/lib/insert/placeholders';
import type { SuggestReply } from '@/lib/messaging';

export interface ConversationCard {
  status: CardModel['status'];
  message?: string;
  reply?: SuggestReply;
  /** Increases per buyer message: late answers to older messages are dropped. */
  seq: number;
  toneOverride?: Register;
  selected: number;
  showCompensations: boolean;
  hidden: boolean;
  lastAgentMessage?: string;
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
  /** The agent collapsed or expanded the card themselves (automatic collapsing stops). */
  userToggled: boolean;
}

export const emptyCard = (): ConversationCard => ({
  status: 'idle',
  seq: 0,
  selected: 0,
  showCompensations: false,
  hidden: false,
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
    userToggled: false,
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

export function toModel(s: ContentState): CardModel {
  const c = currentCard(s);
  return {
    status: c.status,
    message: c.message,
    reply: c.reply,
    tone: c.toneOverride ?? c.reply?.register ?? s.defaultTone,
    selected: c.selected,
    showCompensations: c.showCompensations,
    hidden: c.hidden,
    collapsed: s.collapsed,
    excuse: s.excuse,
    budgetLeft: s.budgetLeft,
    placeholders: s.placeholders,
    search: s.search,
    console: s.console,
    theme: s.theme,
    notice: s.notice,
  };
}

/** Suggestions the agent can see right now (what Alt+1…3 may insert). */
export function visibleSuggestions(s: ContentState) {
  const c = currentCard(s);
  if (s.collapsed || c.hidden || c.status !== 'ready' || !c.reply?.needsAnswer) return [];
  return c.reply.suggestions;
}

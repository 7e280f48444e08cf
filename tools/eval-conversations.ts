/**
 * Whole conversations for `npm run eval -- --conversations <file.jsonl>` and `--stores`: each buyer turn
 * is answered with the conversation so far as `SuggestOptions.context`, as the content script passes it.
 * Format (one conversation a line, see tests/fixtures/stores/README.md):
 *   {"id":"c01","turns":[{"from":"buyer","text":"…","expect":"script-id"|null,"also"?:[…]},{"from":"agent","text":"…"}]}
 */
import { readFileSync } from 'node:fs';
import { type ContextTurn, MAX_CONTEXT_TURNS } from '../lib/match/types';
import { round } from './cases';
import type { Answerer } from './eval';

export interface ConversationTurn extends ContextTurn {
  /** Buyer turns only: the script this turn needs, or null when it needs no card. */
  expect?: string | null;
  also?: string[];
}

export interface Conversation {
  id: string;
  turns: ConversationTurn[];
}

export interface ConversationResult {
  conversations: number;
  buyerTurns: number;
  /** Buyer turns labelled null (thanks, order numbers, acknowledgements…). */
  noCardTurns: number;
  /** Of those, the share that got no card. */
  noCardRate: number;
  /** Buyer turns labelled with a script. */
  labelled: number;
  top1: number;
  top3: number;
  /** Of the turns where a card was shown, the share whose first suggestion is right. */
  shown: number;
  shownPrecision: number;
  misses: { id: string; turn: number; text: string; expected: string | null; got: string[] }[];
}

export function loadConversations(path: string): Conversation[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, i) => {
      const c = JSON.parse(l) as Conversation;
      if (typeof c.id !== 'string' || !Array.isArray(c.turns))
        throw new Error(`${path}:${i + 1}: needs "id" and "turns"`);
      return c;
    });
}

export function evaluateConversations(answerer: Answerer, conversations: Conversation[]): ConversationResult {
  let buyerTurns = 0;
  let noCardTurns = 0;
  let noCard = 0;
  let labelled = 0;
  let top1 = 0;
  let top3 = 0;
  let shown = 0;
  let shownRight = 0;
  const misses: ConversationResult['misses'] = [];
  for (const conv of conversations) {
    conv.turns.forEach((turn, i) => {
      if (turn.from !== 'buyer') return;
      buyerTurns++;
      const before = conv.turns
        .slice(Math.max(0, i - MAX_CONTEXT_TURNS), i)
        .map((t) => ({ from: t.from, text: t.text }));
      const ids = answerer
        .answer(turn.text, { turns: before })
        .slice(0, 3)
        .map((g) => g.scriptId);
      const expect = turn.expect ?? null;
      const right = (id: string | undefined) => id !== undefined && (id === expect || (turn.also ?? []).includes(id));
      if (ids.length) {
        shown++;
        if (expect !== null && right(ids[0])) shownRight++;
      }
      let ok: boolean;
      if (expect === null) {
        noCardTurns++;
        ok = ids.length === 0;
        if (ok) noCard++;
      } else {
        labelled++;
        ok = right(ids[0]);
        if (ok) top1++;
        if (ids.includes(expect)) top3++;
      }
      if (!ok) misses.push({ id: conv.id, turn: i, text: turn.text, expected: expect, got: ids });
    });
  }
  const rate = (k: number, n: number) => round(n ? k / n : 0);
  return {
    conversations: conversations.length,
    buyerTurns,
    noCardTurns,
    noCardRate: rate(noCard, noCardTurns),
    labelled,
    top1: rate(top1, labelled),
    top3: rate(top3, labelled),
    shown,
    shownPrecision: rate(shownRight, shown),
    misses,
  };
}

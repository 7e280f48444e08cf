/**
 * The kind of buyer, read from all of their rows in the conversation so far (issue 14), so the card can
 * answer the way that buyer needs: impatient (快点, short repeated rows) → the short answer first; expert
 * (specs, model numbers) → the detailed one; picky (线头, 色差, 做工) → the detailed one too; hesitant
 * (再想想, compares, asks the family) → the multiple-choice follow-up first; suspicious (正品吗, guarantees) → the
 * guarantee / proof answer. `none` when no type stands out. Words are data (lib/match/data/buyer-types.json).
 */
import { object, string, strings, wordLines } from '../json-shape';
import type { Script } from '../pack/schema';
import data from './data/buyer-types.json';
import { escapeRe, prepare } from './match-normalize';

export const BUYER_TYPES = ['impatient', 'expert', 'hesitant', 'suspicious', 'picky'] as const;
export type BuyerType = (typeof BUYER_TYPES)[number];

const FILE = 'lib/match/data/buyer-types.json';
string(data.source, `${FILE} › source`);
const wordsRe = (list: string[]) =>
  new RegExp(
    [...list]
      .sort((a, b) => b.length - a.length)
      .map((w) => (/^[a-z0-9 '-]+$/.test(w) ? `\\b${escapeRe(w)}\\b` : escapeRe(w)))
      .join('|'),
    'g',
  );
const WORDS = Object.fromEntries(BUYER_TYPES.map((t) => [t, wordsRe(wordLines(data[t], `${FILE} › ${t}`))])) as Record<
  BuyerType,
  RegExp
>;
const patterns = object(data.patterns, `${FILE} › patterns`);
const PATTERNS: Partial<Record<BuyerType, RegExp[]>> = {
  expert: strings(patterns.expert, `${FILE} › patterns.expert`).map((p) => new RegExp(p, 'g')),
};

/** Points a type needs to be named (one word is not a type: 还是 or 发票 come up in any chat). */
export const MIN_POINTS = 2;
/** A row this short (characters without punctuation) counts as a short row. */
const SHORT_ROW = 6;
/** Ties go to the type whose answer helps most when right and costs least when wrong. */
const PRIORITY: BuyerType[] = ['suspicious', 'expert', 'hesitant', 'picky', 'impatient'];

export interface BuyerTypeReading {
  type: BuyerType | 'none';
  points: Record<BuyerType, number>;
}

const count = (re: RegExp, text: string) => text.match(re)?.length ?? 0;

/** `rows`: the buyer's rows of the conversation, oldest first (the newest message included). */
export function readBuyerType(rows: readonly string[]): BuyerTypeReading {
  const texts = rows.map((r) => prepare(r)).filter((t) => t.trim() !== '');
  const points = Object.fromEntries(BUYER_TYPES.map((t) => [t, 0])) as Record<BuyerType, number>;
  for (const text of texts)
    for (const t of BUYER_TYPES)
      points[t] += count(WORDS[t], text) + (PATTERNS[t] ?? []).reduce((n, re) => n + count(re, text), 0);
  // Impatience shows in the rhythm: the same row sent again, a run of very short rows, ??? / !!!.
  const bare = texts.map((t) => t.replace(/[\s\p{P}]/gu, ''));
  const repeats = bare.length - new Set(bare).size;
  const shortRun = bare.filter((t) => t.length <= SHORT_ROW).length;
  points.impatient += 2 * repeats + (shortRun >= 3 && shortRun >= texts.length - 1 ? 1 : 0);
  points.impatient += texts.filter((t) => /[?!]{3,}/.test(t)).length;
  let best: BuyerType | 'none' = 'none';
  for (const t of PRIORITY) if (points[t] >= MIN_POINTS && (best === 'none' || points[t] > points[best])) best = t;
  return { type: best, points };
}

export function detectBuyerType(rows: readonly string[]): BuyerType | 'none' {
  return readBuyerType(rows).type;
}

/** Scripts that give a suspicious buyer proof: tagged or categorised `guarantee`. */
export function isGuarantee(script: Pick<Script, 'tags' | 'category'>): boolean {
  return script.category === 'guarantee' || script.tags.includes('guarantee');
}

/** For a suspicious buyer: guarantee / proof scripts first, the others in their order. */
export function guaranteeFirst<T extends { script: Pick<Script, 'tags' | 'category'> }>(list: readonly T[]): T[] {
  return [...list.filter((s) => isGuarantee(s.script)), ...list.filter((s) => !isGuarantee(s.script))];
}

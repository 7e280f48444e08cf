/**
 * Calibrated confidence: a logistic model over features that do not depend on the pack's size,
 * giving the probability that a suggestion is the right script. Coefficients are fitted with
 * `npm run eval -- --fit` (logistic regression on the tuning half of labelled cases; see README).
 */
import type { PartKind } from './question-detect';

export interface MatchFeatures {
  /** BM25 score relative to the query's own best possible score (0..~1). */
  rel: number;
  /** Share of the message's content characters that this script's tokens cover. */
  coverage: number;
  /** The same for the clause that asks (long messages carry context around their question). */
  focusCoverage: number;
  /** Share of the message's content that no script of the packs knows at all. */
  unknown: number;
  /** Lead over the next candidate (top) or gap to the top (others), relative. */
  margin: number;
  /** Content weight of the message (longer messages carry more noise). */
  contentChars: number;
  kind: PartKind;
  /** Character-BM25 (lib/match/char-bm25.ts) score relative to the query's own best score there. */
  bmRel: number;
  /** Character-BM25 score relative to the best character-BM25 score among the candidates (1 for its top). */
  bmShare: number;
  /** Character-BM25 lead over its next candidate (its top) or gap to its top (others), relative. */
  bmMargin: number;
  /** Share of the query's character terms (bigrams twice) that the script has. */
  bmCoverage: number;
  /** 1 when this script is the top of both sources (lexicon index and character BM25). */
  agree: number;
}

export interface Calibration {
  bias: number;
  rel: number;
  coverage: number;
  focusCoverage: number;
  unknown: number;
  margin: number;
  logLength: number;
  statement: number;
  bmRel: number;
  bmShare: number;
  bmMargin: number;
  bmCoverage: number;
  agree: number;
}

/** Coefficient names in the order of featureVector (bias first). */
export const CALIBRATION_KEYS = [
  'bias',
  'rel',
  'coverage',
  'focusCoverage',
  'unknown',
  'margin',
  'logLength',
  'statement',
  'bmRel',
  'bmShare',
  'bmMargin',
  'bmCoverage',
  'agree',
] as const satisfies readonly (keyof Calibration)[];

export const CALIBRATION: Calibration = {
  bias: -4.182,
  rel: 1.998,
  coverage: 1.447,
  focusCoverage: 1.292,
  unknown: -0.355,
  margin: 1.468,
  logLength: 0.572,
  statement: 0.259,
  bmRel: 0,
  bmShare: 0,
  bmMargin: 0,
  bmCoverage: 0,
  agree: 0,
};

export const THRESHOLDS = {
  /** A question or request needs this confidence to be suggested. */
  suggest: 0.22,
  /** A statement (complaint without a question) needs more: a wrong card costs more than none. */
  statement: 0.35,
  /** Once the card shows, 2nd and 3rd suggestions need only this (choosing among three is cheap; 0.1 → 0.01 on the tune stores: top-3 0.634 → 0.659, top-1, rejected and shownPrecision unchanged). */
  alternative: 0.01,
  /** Manual search from the card's search box shows weaker matches. */
  search: 0.05,
};

export function featureVector(f: MatchFeatures): number[] {
  return [
    f.rel,
    f.coverage,
    f.focusCoverage,
    f.unknown,
    f.margin,
    Math.log1p(f.contentChars),
    f.kind === 'statement' ? 1 : 0,
    f.bmRel,
    f.bmShare,
    f.bmMargin,
    f.bmCoverage,
    f.agree,
  ];
}

export function confidence(f: MatchFeatures, c: Calibration = CALIBRATION): number {
  const x = featureVector(f);
  let z = c.bias;
  for (let i = 0; i < x.length; i++) z += c[CALIBRATION_KEYS[i + 1]] * x[i];
  return 1 / (1 + Math.exp(-z));
}

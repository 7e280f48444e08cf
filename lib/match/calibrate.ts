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
}

export const CALIBRATION: Calibration = {
  bias: -4.182,
  rel: 1.998,
  coverage: 1.447,
  focusCoverage: 1.292,
  unknown: -0.355,
  margin: 1.468,
  logLength: 0.572,
  statement: 0.259,
};

export const THRESHOLDS = {
  /** A question or request needs this confidence to be suggested. */
  suggest: 0.22,
  /** A statement (complaint without a question) needs more: a wrong card costs more than none. */
  statement: 0.35,
  /** Once the card shows, 2nd and 3rd suggestions need only this (choosing among three is cheap). */
  alternative: 0.1,
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
  ];
}

export function confidence(f: MatchFeatures, c: Calibration = CALIBRATION): number {
  const [rel, coverage, focusCoverage, unknown, margin, logLength, statement] = featureVector(f);
  const z =
    c.bias +
    c.rel * rel +
    c.coverage * coverage +
    c.focusCoverage * focusCoverage +
    c.unknown * unknown +
    c.margin * margin +
    c.logLength * logLength +
    c.statement * statement;
  return 1 / (1 + Math.exp(-z));
}

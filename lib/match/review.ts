/**
 * Reading a product review for the review-reply card (issue 14): is it good or bad, what is it about, and
 * is the reviewer perhaps a professional. The star rating counts, but the text can overrule it: 5 stars
 * with complaints in the text is a negative review (`mixed`), which is the case sellers most often answer
 * with a thank-you by mistake. Word lists are data (lib/match/data/review.json, README there).
 */
import { object, string, wordLines } from '../json-shape';
import data from './data/review.json';
import { escapeRe, prepare } from './match-normalize';

export const REVIEW_TOPICS = ['quality', 'logistics', 'service'] as const;
export type ReviewTopic = (typeof REVIEW_TOPICS)[number];

/** What the card does with the review: thank (positive), or answer a complaint (negative; mixed = high rating). */
export type ReviewSentiment = 'positive' | 'negative' | 'mixed';

export interface ReviewInput {
  text: string;
  /** Stars, 1–5 (undefined when the page shows none Huashu can read). */
  rating?: number;
  /** How many negative reviews the same reviewer has on the page (this one included). */
  reviewerNegatives?: number;
}

export interface ReviewReading {
  sentiment: ReviewSentiment;
  rating?: number;
  /** What the complaints are about, most mentioned first (empty for a positive review). */
  topics: ReviewTopic[];
  /** Complaint and praise words found in the text (after negations). */
  negative: number;
  positive: number;
  /** A reviewer with many negative reviews: the card offers the firm, factual reply first. */
  professional: boolean;
}

/** Negative reviews by one reviewer on the page from which the card treats them as a possible professional. */
export const PROFESSIONAL_NEGATIVES = 3;

const FILE = 'lib/match/data/review.json';
string(data.source, `${FILE} › source`);
const byLength = (list: string[]) => [...list].sort((a, b) => b.length - a.length);
const latin = (w: string) => /^[a-z0-9 ']+$/.test(w);
const alternation = (list: string[]) =>
  byLength(list)
    .map((w) => (latin(w) ? `\\b${escapeRe(w)}\\b` : escapeRe(w)))
    .join('|');

const NEGATORS = alternation(wordLines(data.negators, `${FILE} › negators`));
const POSITIVE_PHRASES = new RegExp(alternation(wordLines(data.positivePhrases, `${FILE} › positivePhrases`)), 'g');
const POSITIVE = new RegExp(alternation(wordLines(data.positive, `${FILE} › positive`)), 'g');
const topics = object(data.negative, `${FILE} › negative`);
const NEGATIVE = REVIEW_TOPICS.map((topic) => {
  const list = wordLines(topics[topic], `${FILE} › negative.${topic}`);
  // A negator right before the word (没有色差, 不掉色, no smell) cancels it.
  return { topic, re: new RegExp(`(${NEGATORS})?\\s?(${alternation(list)})`, 'g') };
});

const count = (re: RegExp, text: string) => text.match(re)?.length ?? 0;

/** Complaint words per topic in the (normalised) text, negated ones left out. */
function complaints(text: string): Map<ReviewTopic, number> {
  const out = new Map<ReviewTopic, number>();
  for (const { topic, re } of NEGATIVE)
    for (const m of text.matchAll(re)) if (!m[1]) out.set(topic, (out.get(topic) ?? 0) + 1);
  return out;
}

export function readReview(input: ReviewInput): ReviewReading {
  const raw = prepare(String(input.text ?? ''));
  const positivePhrases = count(POSITIVE_PHRASES, raw);
  // Praise phrases that contain a complaint word (不错, 没毛病) are taken out before the complaints are read.
  const text = raw.replace(POSITIVE_PHRASES, ' ');
  const byTopic = complaints(text);
  const negative = [...byTopic.values()].reduce((a, b) => a + b, 0);
  const positive = positivePhrases + count(POSITIVE, text);
  const rating = validRating(input.rating);
  let sentiment: ReviewSentiment;
  if (rating !== undefined && rating <= 2) sentiment = 'negative';
  else if (rating === 3) sentiment = negative > 0 || positive === 0 ? 'negative' : 'positive';
  else if (rating !== undefined) sentiment = negative > 0 ? 'mixed' : 'positive';
  else sentiment = negative > positive ? 'negative' : negative > 0 ? 'mixed' : 'positive';
  const sorted = [...byTopic.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  return {
    sentiment,
    ...(rating !== undefined ? { rating } : {}),
    topics: sentiment === 'positive' ? [] : sorted,
    negative,
    positive,
    professional: sentiment !== 'positive' && (input.reviewerNegatives ?? 0) >= PROFESSIONAL_NEGATIVES,
  };
}

/** Is this review a complaint (bad rating, or a good rating with complaints)? */
export const isNegative = (r: Pick<ReviewReading, 'sentiment'>) => r.sentiment !== 'positive';

function validRating(n: number | undefined): number | undefined {
  if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
  const r = Math.round(n);
  return r >= 1 && r <= 5 ? r : undefined;
}

/**
 * The review-reply card's ranking (issue 14): the scripts of category `review`, ranked by the same engine
 * as the chat card (built with `scope: 'review'`) on the review's text, then kept to those that fit the
 * review as read by lib/match/review.ts. A good review gets the thank-you replies, a bad one the replies to
 * complaints (the topic — quality, delivery, service — comes from the engine's text match), a high rating
 * with complaints the `mixed` reply first; the `firm` variant only for a possible professional, and first then.
 * Scripts of category `review` without `review` (chat replies about reviews) come after the fitting ones.
 */
import type { Pack, Script } from '../pack/schema';
import { isReviewCategory } from './engine';
import { readReview, type ReviewInput, type ReviewReading } from './review';
import type { Engine, Suggestion } from './types';

/** Confidence shown for a fitting reply the text search did not find (the review's words are not in it). */
export const FIT_CONFIDENCE = 0.3;

/**
 * How well `script` fits the review: 0 = not at all (left out); higher first. A firm variant only fits a
 * possible professional, for whom it comes first.
 */
export function reviewFit(script: Script, reading: ReviewReading): number {
  if (!isReviewCategory(script)) return 0;
  const r = script.review;
  if (!r) return 1;
  if (r.firm !== reading.professional) return 0;
  const firm = r.firm ? 10 : 0;
  if (reading.sentiment === 'positive') return r.sentiment === 'positive' ? 3 + firm : 0;
  if (r.sentiment === 'positive') return 0;
  // A negative review: the replies to complaints; a high rating with complaints prefers the `mixed` one.
  if (reading.sentiment === 'mixed') return (r.sentiment === 'mixed' ? 4 : 3) + firm;
  return (r.sentiment === 'negative' ? 3 : 2) + firm;
}

export interface ReviewRanking {
  reading: ReviewReading;
  suggestions: Suggestion[];
}

export function rankReview(engine: Engine, packs: readonly Pack[], input: ReviewInput, limit = 3): ReviewRanking {
  const reading = readReview(input);
  const hits = new Map(engine.search(input.text, 20).map((s) => [`${s.packId}\u0000${s.scriptId}`, s]));
  const scored: { s: Suggestion; fit: number; order: number }[] = [];
  const seen = new Set<string>();
  let order = 0;
  for (const p of packs)
    for (const script of p.scripts) {
      const key = `${p.pack.id}\u0000${script.id}`;
      // Earlier packs win: a script id taken by a higher-priority pack is not offered again.
      if (seen.has(script.id)) continue;
      const fit = reviewFit(script, reading);
      if (!fit) continue;
      seen.add(script.id);
      const hit = hits.get(key);
      scored.push({
        s: hit ?? {
          packId: p.pack.id,
          scriptId: script.id,
          title: script.title ?? script.questions[0],
          score: 0,
          confidence: FIT_CONFIDENCE,
          part: input.text,
        },
        fit,
        order: order++,
      });
    }
  scored.sort((a, b) => b.fit - a.fit || b.s.confidence - a.s.confidence || a.order - b.order);
  return { reading, suggestions: scored.slice(0, Math.max(0, limit)).map((x) => x.s) };
}

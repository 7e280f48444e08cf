import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEngine } from '@/lib/match/engine';
import { readReview, type ReviewSentiment } from '@/lib/match/review';
import { FIT_CONFIDENCE, rankReview } from '@/lib/match/review-rank';
import { parsePack, type Pack } from '@/lib/pack';

describe('readReview: rating and text', () => {
  it.each<[string, number | undefined, ReviewSentiment]>([
    ['质量很好，穿着很舒服，会回购', 5, 'positive'],
    ['物流超快，包装也很用心，好评', 5, 'positive'],
    ['没有色差，不掉色，无异味，很满意', 5, 'positive'],
    ['东西不错，没毛病', 4, 'positive'],
    ['质量很差，穿一次就起球了', 5, 'mixed'],
    ['很喜欢，就是有几个线头', 5, 'mixed'],
    ['物流太慢了，等了一周', 4, 'mixed'],
    ['还行吧', 3, 'negative'],
    ['挺好的，很满意', 3, 'positive'],
    ['一般般，有点色差', 3, 'negative'],
    ['很好', 1, 'negative'],
    ['', 2, 'negative'],
    ['客服态度太差了，问了半天不回复', undefined, 'negative'],
    ['很喜欢，推荐', undefined, 'positive'],
    ['很好看，就是掉色', undefined, 'mixed'],
    ['Love it, great quality', 5, 'positive'],
    ['Arrived broken, very disappointed', 5, 'mixed'],
  ])('%s (%s stars) → %s', (text, rating, sentiment) => {
    expect(readReview({ text, rating }).sentiment).toBe(sentiment);
  });

  it('names what a complaint is about, most mentioned first; none for a good review', () => {
    expect(readReview({ text: '发货太慢，快递太慢，衣服还有线头', rating: 2 }).topics).toEqual([
      'logistics',
      'quality',
    ]);
    expect(readReview({ text: '客服态度差，不回消息', rating: 1 }).topics).toEqual(['service']);
    expect(readReview({ text: '质量很好', rating: 5 }).topics).toEqual([]);
  });

  it('reads Traditional text like Simplified', () => {
    expect(readReview({ text: '質量太差，褪色嚴重', rating: 5 }).sentiment).toBe('mixed');
  });

  it('a reviewer with many negative reviews is a possible professional, only on a negative review', () => {
    expect(readReview({ text: '假货', rating: 1, reviewerNegatives: 3 }).professional).toBe(true);
    expect(readReview({ text: '假货', rating: 1, reviewerNegatives: 2 }).professional).toBe(false);
    expect(readReview({ text: '很好', rating: 5, reviewerNegatives: 5 }).professional).toBe(false);
  });

  it('ignores a rating outside 1–5', () => {
    expect(readReview({ text: '很满意', rating: 0 }).rating).toBeUndefined();
    expect(readReview({ text: '很满意', rating: Number.NaN }).sentiment).toBe('positive');
  });
});

describe('rankReview on the default pack', () => {
  const parsed = parsePack(readFileSync(resolve(import.meta.dirname, '../../../public/packs/default.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const packs: Pack[] = [parsed.pack];
  const engine = buildEngine(packs, { scope: 'review' });
  const top = (text: string, rating?: number, reviewerNegatives?: number) =>
    rankReview(engine, packs, { text, rating, reviewerNegatives }).suggestions.map((s) => s.scriptId);

  it('indexes only the scripts of category review', () => {
    expect(engine.size).toBe(packs[0].scripts.filter((s) => s.category === 'review').length);
    expect(buildEngine(packs).script('huashu-default', 'review-good-thanks')).toBeUndefined();
  });

  it.each([
    ['衣服质量很好，穿着很舒服，会回购的', 5, 'review-good-thanks'],
    ['做工很粗糙，线头很多，洗一次就掉色', 1, 'review-bad-quality'],
    ['物流太慢了，等了一个星期才到', 2, 'review-bad-logistics'],
    ['客服态度太差，问了半天都不回复', 1, 'review-bad-service'],
    ['五星吧，就是有点色差', 5, 'review-five-star-complaint'],
    ['质量太差了，穿一次就起球', 5, 'review-five-star-complaint'],
  ])('%s (%i stars) → %s first', (text, rating, id) => {
    expect(top(text, rating)[0]).toBe(id);
  });

  it('never offers a thank-you for a negative review, nor a complaint reply for a good one', () => {
    const positive = new Set(packs[0].scripts.filter((s) => s.review?.sentiment === 'positive').map((s) => s.id));
    expect(top('质量很差，穿一次就起球', 5).filter((id) => positive.has(id))).toEqual([]);
    expect(top('很满意，物流很快', 5).filter((id) => id.startsWith('review-bad'))).toEqual([]);
  });

  it('the firm variant only for a possible professional, and first then', () => {
    expect(top('假货，不是正品，要求赔偿', 1)).not.toContain('review-firm-factual');
    expect(top('假货，不是正品，要求赔偿', 1, 4)[0]).toBe('review-firm-factual');
  });

  it('a review the text search finds nothing for still gets the replies that fit its rating', () => {
    const r = rankReview(engine, packs, { text: '。。。', rating: 5 });
    expect(r.suggestions[0]).toMatchObject({ scriptId: 'review-good-thanks', confidence: FIT_CONFIDENCE });
  });
});

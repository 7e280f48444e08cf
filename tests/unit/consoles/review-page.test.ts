// @vitest-environment happy-dom
/** Reading a review-management page (lib/consoles/review-page.ts): rows, stars, text, reviewer, reply box. */
import { afterEach, describe, expect, it } from 'vitest';
import { createReviewReader, looksLikeReviewPage, readRating } from '@/lib/consoles/review-page';

const row = (id: string, nick: string, stars: string, text: string, reply = '<textarea></textarea>') => `
  <li class="comment-item" id="${id}">
    <div class="comment-head"><span class="user-nick">${nick}</span>${stars}<span>2026-11-28</span></div>
    <p class="comment-text">${text}</p>
    <div class="goods">纯棉圆领T恤 白色 M</div>
    <button type="button">回复</button>${reply}
  </li>`;

afterEach(() => document.body.replaceChildren());

/** A fixed fixture page (parsed, never assigned as innerHTML). */
const setBody = (html: string) =>
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);

describe('readRating', () => {
  it.each([
    ['<span aria-label="4星">★★★★☆</span>', 4],
    ['<span title="5 out of 5 stars"></span>', 5],
    ['<span aria-label="五星"></span>', 5],
    ['<span>★★☆☆☆</span>', 2],
    ['<div class="rate" data-rating="3"></div>', 3],
    ['<div class="stars"><i class="on"></i><i class="on"></i><i class="on"></i><i></i><i></i></div>', 3],
    ['<span title="Reply"></span>', undefined],
    ['<span aria-label="9星"></span>', undefined],
  ])('%s → %s', (html, stars) => {
    setBody(html);
    expect(readRating(document.body.firstElementChild!)).toBe(stars);
  });
});

describe('createReviewReader (generic)', () => {
  it('finds each review row with its stars, text and reviewer, and the row’s own reply box', () => {
    setBody(
      `<ul>${row('a', '小雨', '<span role="img" aria-label="5星">★★★★★</span>', '衣服质量很好，会回购')}${row('b', '阿杰', '<span role="img" aria-label="1星">★☆☆☆☆</span>', '物流太慢')}</ul>`,
    );
    const reader = createReviewReader(null);
    const rows = reader.rows();
    expect(rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(reader.read(rows[0])).toMatchObject({ text: '衣服质量很好，会回购', rating: 5, reviewer: '小雨' });
    expect(reader.read(rows[1])).toMatchObject({ text: '物流太慢', rating: 1, reviewer: '阿杰' });
    expect(reader.replyBox(rows[1])).toBe(rows[1].querySelector('textarea'));
    expect(reader.rowOf(rows[1].querySelector('button'))).toBe(rows[1]);
    expect(looksLikeReviewPage(null)).toBe(true);
  });

  it('one shared reply box outside the rows serves every row', () => {
    setBody(
      `<ul>${row('a', '甲', '<span>★★★★★</span>', '很好', '')}${row('b', '乙', '<span>★★☆☆☆</span>', '一般', '')}</ul><textarea id="shared"></textarea>`,
    );
    const reader = createReviewReader(null);
    expect(reader.replyBox(reader.rows()[0])?.id).toBe('shared');
  });

  it('a chat console with one star badge beside its reply box is not a review page', () => {
    setBody(
      `<div><span aria-label="店铺评分 4.8分">4.8</span><div class="chat-log"><div class="msg">在吗</div></div><textarea></textarea></div>`,
    );
    expect(looksLikeReviewPage(null)).toBe(false);
  });

  it('a profile names the rows, text, rating and reviewer', () => {
    setBody(
      `<div id="list"><div class="rv"><b class="who">老王</b><em class="score">3</em><span class="body">还行</span><textarea></textarea></div></div>`,
    );
    const reader = createReviewReader({
      reviewList: '#list',
      review: '.rv',
      reviewText: '.body',
      rating: '.score',
      reviewer: '.who',
      replyBox: 'textarea',
    });
    expect(reader.read(reader.rows()[0])).toMatchObject({ text: '还行', rating: 3, reviewer: '老王' });
  });
});

/**
 * Reading a review-management page (issue 14): the review rows, and for each its text, star rating, reviewer
 * and reply field. A console profile may name `reviewList`, `review`, `reviewText`, `rating`, `reviewer` and
 * `replyBox`; without them the generic reading finds rows by their star rating (an aria-label or title such
 * as "5星" / "4 out of 5 stars", a `data-rating`, a run of ★, or lit star icons) next to a reply field or a
 * 回复/Reply button. Kept apart from the chat adapters: a page with review rows is not read as a chat.
 */
import type { ConsoleProfile } from '../pack/schema';
import { cleanText, editableIn, isEditable, outermost, queryAll, queryOne } from './dom';

export interface ReviewRow {
  row: Element;
  text: string;
  /** Stars 1–5, when the row shows them in a way Huashu reads. */
  rating?: number;
  reviewer?: string;
}

export interface ReviewReader {
  /** The list holding the rows (their common parent when no profile names it). */
  list(): Element | null;
  rows(): Element[];
  read(row: Element): ReviewRow;
  /** The review row an element (the focused field, a clicked button) belongs to. */
  rowOf(el: Element | null): Element | null;
  /** The reply field for `row`: inside the row, else the page's one shared reply box. */
  replyBox(row: Element | null): HTMLElement | null;
}

type Profile = Pick<ConsoleProfile, 'reviewList' | 'review' | 'reviewText' | 'rating' | 'reviewer' | 'replyBox'>;

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };
/** "5星", "4.0 分", "3 stars", "4 out of 5", "评分：5", "五星". */
const RATING_LABEL =
  /(?:^|[^\d.])([1-5](?:\.\d)?)\s*(?:颗?星|分|stars?|\/\s*5|out of 5)|([一二两三四五])\s*颗?星|(?:评分|rating|score)\s*[:：]?\s*([1-5](?:\.\d)?)/i;
const RATING_CLASS = /star|rate|rating|score|评分/i;
const LIT_CLASS = /(?:^|[-_\s])(?:on|full|active|filled|lit|checked|selected)(?:$|[-_\s])/i;
const REPLY_BUTTON = /回复|回評|回覆|reply|respond/i;
const TEXT_CLASS = /content|comment|review-?text|text|desc|body/i;
const NAME_CLASS = /nick|user|name|buyer|author|reviewer|customer/i;

const inRange = (n: number) => (n >= 1 && n <= 5 ? n : undefined);

/** The star rating an element shows, if it shows one. */
export function readRating(el: Element): number | undefined {
  for (const attr of ['data-rating', 'data-score', 'data-star', 'data-stars', 'data-value', 'aria-valuenow']) {
    const v = el.getAttribute(attr);
    if (v !== null && v.trim() !== '' && Number.isFinite(Number(v)) && RATING_CLASS.test(`${attr} ${el.className}`))
      return inRange(Math.round(Number(v)));
  }
  for (const label of [el.getAttribute('aria-label'), el.getAttribute('title')]) {
    const m = label ? RATING_LABEL.exec(label) : null;
    if (m) return inRange(Math.round(m[1] ? Number(m[1]) : m[2] ? CN_DIGITS[m[2]] : Number(m[3])));
  }
  const text = cleanText(el.textContent);
  if (/^[★☆✩✭✮⭐]+$/u.test(text) && /★|⭐/u.test(text)) return inRange((text.match(/★|⭐/gu) ?? []).length);
  if (RATING_CLASS.test(String(el.className)) && el.children.length >= 3 && el.children.length <= 10) {
    const lit = Array.from(el.children).filter((c) => LIT_CLASS.test(String(c.className))).length;
    if (lit) return inRange(lit);
  }
  return undefined;
}

function ratingElements(root: ParentNode): Element[] {
  const els = queryAll(root, '[aria-label], [title], [data-rating], [data-score], [data-star], [data-stars], [class]');
  return outermost(els.filter((el) => readRating(el) !== undefined));
}

const hasReplyControl = (el: Element) =>
  queryAll(el, 'textarea, [contenteditable], input, button, a, [role="button"]').some(
    (c) => isEditable(c) || REPLY_BUTTON.test(cleanText(c.textContent)),
  );

/** From a rating up to the largest ancestor that holds this review only (one rating) and a reply control. */
function rowAround(rating: Element, ratings: Set<Element>): Element | null {
  let row: Element | null = null;
  for (let el = rating.parentElement; el && el !== el.ownerDocument.body; el = el.parentElement) {
    let others = 0;
    for (const r of ratings) if (r !== rating && el.contains(r)) others++;
    if (others) break;
    if (hasReplyControl(el)) row = el;
  }
  return row;
}

/** The row's own text blocks: not the rating, buttons, fields or the reviewer's name. */
function reviewTextOf(row: Element, skip: (el: Element) => boolean): string {
  const blocks = queryAll(row, '*').filter(
    (el) =>
      !skip(el) &&
      !el.closest('button, textarea, [contenteditable], [role="button"], a') &&
      Array.from(el.children).every((c) => /^(B|I|EM|STRONG|SPAN|BR|MARK)$/.test(c.tagName)),
  );
  const scored = blocks
    .map((el) => ({ el, text: cleanText(el.textContent), named: TEXT_CLASS.test(String(el.className)) }))
    .filter((b) => b.text && readRating(b.el) === undefined && !NAME_CLASS.test(String(b.el.className)));
  scored.sort((a, b) => Number(b.named) - Number(a.named) || b.text.length - a.text.length);
  return scored[0]?.text ?? '';
}

export function createReviewReader(profile: Profile | null, doc: Document = document): ReviewReader {
  const byProfile = Boolean(profile?.review);
  const genericRows = () => {
    const ratings = ratingElements(doc.body ?? doc);
    const set = new Set(ratings);
    return outermost(ratings.map((r) => rowAround(r, set)).filter((r): r is Element => r !== null));
  };
  const rows = (): Element[] => {
    if (byProfile && profile?.review) {
      const list = profile.reviewList ? queryOne(doc, profile.reviewList) : doc;
      return list ? outermost(queryAll(list, profile.review)) : [];
    }
    return genericRows();
  };
  const ratingOf = (row: Element): number | undefined => {
    if (profile?.rating) {
      const el = queryOne(row, profile.rating);
      if (!el) return undefined;
      return readRating(el) ?? inRange(Number(/[1-5]/.exec(cleanText(el.textContent))?.[0]));
    }
    const el = ratingElements(row)[0];
    return el ? readRating(el) : undefined;
  };
  const reviewerOf = (row: Element): string | undefined => {
    const el = profile?.reviewer
      ? queryOne(row, profile.reviewer)
      : queryAll(row, '[class]').find((e) => NAME_CLASS.test(String(e.className)) && cleanText(e.textContent));
    return cleanText(el?.textContent) || undefined;
  };
  const sharedBox = (): HTMLElement | null => {
    if (profile?.replyBox) return editableIn(queryOne(doc, profile.replyBox));
    const all = rows();
    const outside = queryAll(doc, 'textarea, [contenteditable]').filter(
      (el) => isEditable(el) && !all.some((r) => r.contains(el)),
    );
    return outside.length === 1 ? (outside[0] as HTMLElement) : null;
  };
  return {
    list() {
      if (profile?.reviewList) return queryOne(doc, profile.reviewList);
      const r = rows();
      return r.length ? (r[0].parentElement ?? null) : null;
    },
    rows,
    read(row) {
      const rating = ratingOf(row);
      const reviewer = reviewerOf(row);
      const ratings = ratingElements(row);
      // Blocks holding the stars or the reviewer's name are the row's header, not the review.
      const header = (el: Element) =>
        ratings.some((r) => el.contains(r)) || (reviewer !== undefined && cleanText(el.textContent).includes(reviewer));
      const text = profile?.reviewText
        ? cleanText(queryOne(row, profile.reviewText)?.textContent)
        : reviewTextOf(row, header);
      return { row, text, ...(rating !== undefined ? { rating } : {}), ...(reviewer ? { reviewer } : {}) };
    },
    rowOf(el) {
      if (!el) return null;
      return rows().find((r) => r.contains(el)) ?? null;
    },
    replyBox(row) {
      if (row) {
        const inRow = profile?.replyBox
          ? editableIn(queryOne(row, profile.replyBox))
          : editableIn(queryOne(row, 'textarea, [contenteditable]:not([contenteditable="false"])'));
        if (inRow) return inRow;
      }
      return sharedBox();
    },
  };
}

/**
 * Rows the generic reading needs before it calls a page a review page: a chat console with one star badge
 * (the shop's rating) beside its reply box is not one; a review list shows several reviews.
 */
export const MIN_GENERIC_ROWS = 2;

/** Does the page show review rows (so the chat card stays off it)? */
export function looksLikeReviewPage(profile: Profile | null, doc: Document = document): boolean {
  if (profile?.review) return queryOne(doc, profile.review) !== null;
  return createReviewReader(null, doc).rows().length >= MIN_GENERIC_ROWS;
}

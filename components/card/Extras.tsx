/**
 * A little beyond expectations (issue 14): the selected script's `extras` — one-line advice (care tips, usage,
 * the season) — as chips after the answer; a click appends the line to the reply box. And on the
 * review-reply card, one line saying how the review was read (good, bad, 5 stars with complaints, a
 * possible professional). Presentational, like Card.tsx.
 */
import { t, type MessageKey } from '@/lib/i18n';
import type { SuggestionView } from '@/lib/messaging';
import { trusted } from '@/lib/trusted';
import type { CardActions, CardModel } from './types';

const keepFocus = (e: React.MouseEvent) => e.preventDefault();

export function ExtraLines({ s, actions }: { s: SuggestionView; actions: CardActions }) {
  const extras = s.script.extras ?? [];
  if (!extras.length) return null;
  return (
    <div className="hs-chips" aria-label={t('cardExtras')}>
      <span className="hs-label">{t('cardExtras')}</span>
      {extras.map((line, i) => (
        <button
          key={i}
          type="button"
          className="hs-chip hs-extra"
          data-testid="huashu-extra"
          title={line}
          onMouseDown={keepFocus}
          onClick={trusted(() => actions.insertExtra(s, line))}
        >
          {line}
        </button>
      ))}
    </div>
  );
}

const REVIEW_HINT: Record<'positive' | 'negative' | 'mixed', MessageKey> = {
  positive: 'cardReviewPositive',
  negative: 'cardReviewNegative',
  mixed: 'cardReviewMixed',
};

export function ReviewHint({ model }: { model: CardModel }) {
  const review = model.reply?.review;
  if (model.status !== 'ready' || !review) return null;
  return (
    <p
      className="hs-hint"
      data-testid="huashu-review"
      data-sentiment={review.sentiment}
      data-rating={review.rating}
      data-professional={review.professional}
      role="note"
    >
      {t(REVIEW_HINT[review.sentiment])}
      {review.professional && (
        <>
          <br />
          {t('cardReviewProfessional')}
        </>
      )}
    </p>
  );
}

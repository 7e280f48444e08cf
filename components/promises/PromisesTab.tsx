/**
 * Promises tab (日清): Overdue / Due today / Later / Done, and Undone (restorable), live from IndexedDB (a promise logged in a
 * console tab appears without reload), search, the evening review, export and import. Each bucket reads
 * one page through an index (lib/promises/query.ts), so 10,000 stored promises render quickly.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { DeletedGroup } from '@/components/promises/DeletedGroup';
import { ExportBar } from '@/components/promises/ExportBar';
import { HandoverBar } from '@/components/promises/HandoverBar';
import { useAgentSettings, useNow, useRenderedMark } from '@/components/promises/hooks';
import { PAGE, PromiseGroup } from '@/components/promises/PromiseGroup';
import { PromiseRow, type RowContext } from '@/components/promises/PromiseRow';
import { useReviewMode } from '@/components/promises/useReviewMode';
import { useShortcut } from '@/components/promises/useShortcut';
import '@/components/promises/promises.css';
import { db } from '@/lib/db/db';
import { StorageError } from '@/lib/db/errors';
import { t } from '@/lib/i18n';
import { loadPromiseView, loadReview, type Limits, type PromiseView } from '@/lib/promises/query';
import { BUCKETS, bucketOf, type Bucket } from '@/lib/promises/review';

const FIRST_PAGE: Limits = { overdue: PAGE, today: PAGE, later: PAGE, done: PAGE };

/** Keep showing the last result while a new query (other deps) runs: no flash of "loading" when typing. */
function useSticky<T>(value: T | undefined): T | undefined {
  const [last, setLast] = useState(value);
  if (value !== undefined && value !== last) setLast(value);
  return value ?? last;
}

export function PromisesTab() {
  const { settings, timeZone, lang } = useAgentSettings();
  const now = useNow();
  const [query, setQuery] = useState('');
  const [limits, setLimits] = useState<Limits>(FIRST_PAGE);
  const [reviewLimit, setReviewLimit] = useState(PAGE);
  const [error, setError] = useState('');
  const [review, setReview] = useReviewMode();
  const shortcut = useShortcut('log-promise');

  const view = useSticky(
    useLiveQuery(() => loadPromiseView(db, { now, timeZone }, limits, query), [now, timeZone, limits, query]),
  );
  const reviewPage = useLiveQuery(
    () => (review ? loadReview(db, reviewLimit, query) : undefined),
    [review, reviewLimit, query],
  );
  useRenderedMark(view !== undefined, 'huashuPromisesRendered');

  const onError = useCallback((e: unknown) => {
    console.error('[huashu]', e);
    setError(t(e instanceof StorageError && e.kind === 'quota' ? 'errQuota' : 'errStorage'));
  }, []);
  const ctx: RowContext = useMemo(
    () => ({ db, now, timeZone, lang, settings, agent: settings.agentName.trim(), onError }),
    [now, timeZone, lang, settings, onError],
  );
  const more = (b: Bucket) => setLimits((l) => ({ ...l, [b]: l[b] + PAGE * 4 }));

  if (view === undefined) return <p className="hs-muted" data-testid="promises-loading" />;
  const { counts } = view;

  return (
    <div className="hs-promises" data-testid="promises-tab" data-review={review ? '1' : '0'}>
      <header className="hs-promises-head">
        <span data-testid="promises-counts">
          {t('promisesCount', counts.overdue + counts.today + counts.later, counts.overdue)}
        </span>
        <input
          type="search"
          data-testid="promises-search"
          placeholder={t('searchPromises')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button
          className={review ? 'hs-primary' : ''}
          data-testid="review-toggle"
          aria-pressed={review}
          onClick={() => setReview(!review)}
        >
          {review ? t('reviewFinish') : t('reviewStart')}
        </button>
      </header>
      {error && (
        <p className="hs-error" role="alert" data-testid="promises-error" onClick={() => setError('')}>
          {error}
        </p>
      )}
      {review ? (
        <Review
          page={reviewPage}
          ctx={ctx}
          onMore={() => setReviewLimit((l) => l + PAGE * 4)}
          onFinish={() => setReview(false)}
        />
      ) : view.total === 0 ? (
        <p className="hs-muted" data-testid="promises-empty">
          {t('emptyPromises', shortcut)}
        </p>
      ) : (
        <Groups view={view} ctx={ctx} onMore={more} />
      )}
      {!review && <DeletedGroup db={db} now={now} timeZone={timeZone} lang={lang} onError={onError} />}
      <HandoverBar db={db} settings={settings} timeZone={timeZone} onError={onError} />
      <ExportBar db={db} timeZone={timeZone} onError={onError} />
    </div>
  );
}

function Groups({ view, ctx, onMore }: { view: PromiseView; ctx: RowContext; onMore(b: Bucket): void }) {
  return (
    <>
      {BUCKETS.map((b) => (
        <PromiseGroup
          key={b}
          bucket={b}
          rows={view.rows[b]}
          count={view.counts[b]}
          ctx={ctx}
          onMore={() => onMore(b)}
        />
      ))}
    </>
  );
}

/** The evening review: every open promise, soonest first, each to mark done, carry over or annotate. */
function Review({
  page,
  ctx,
  onMore,
  onFinish,
}: {
  page: Awaited<ReturnType<typeof loadReview>> | undefined;
  ctx: RowContext;
  onMore(): void;
  onFinish(): void;
}) {
  if (!page) return null;
  return (
    <section className="hs-review" data-testid="review">
      <h2>{t('reviewTitle')}</h2>
      <p data-testid="review-summary" className={page.count ? '' : 'hs-ok'}>
        {page.count ? t('reviewSummary', page.count) : t('reviewAllClear')}
      </p>
      <ul className="hs-promise-list">
        {page.rows.map((p) => (
          <PromiseRow key={p.uid} p={p} bucket={bucketOf(p, ctx)} ctx={ctx} review />
        ))}
      </ul>
      {page.count > page.rows.length && (
        <button className="hs-more" data-testid="group-more" onClick={onMore}>
          {t('showMore', Math.min(PAGE * 4, page.count - page.rows.length))}
        </button>
      )}
      <button className="hs-primary" data-testid="review-finish" onClick={onFinish}>
        {t('reviewFinish')}
      </button>
    </section>
  );
}

/**
 * Promises tab (日清): Overdue / Due today / Later / Done, live from IndexedDB (a promise logged in a
 * console tab appears without reload), search, the evening review, export and import.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { ExportBar } from '@/components/promises/ExportBar';
import { useAgentSettings, useNow, useRenderedMark } from '@/components/promises/hooks';
import { PAGE, PromiseGroup } from '@/components/promises/PromiseGroup';
import { PromiseRow, type RowContext } from '@/components/promises/PromiseRow';
import { useReviewMode } from '@/components/promises/useReviewMode';
import { useShortcut } from '@/components/promises/useShortcut';
import '@/components/promises/promises.css';
import { db } from '@/lib/db/db';
import type { PromiseRow as Row } from '@/lib/db/schema';
import { StorageError } from '@/lib/db/errors';
import { t } from '@/lib/i18n';
import { BUCKETS, bucketOf, filterPromises, groupPromises, openCounts, reviewList } from '@/lib/promises/review';

export function PromisesTab() {
  const { settings, timeZone, lang } = useAgentSettings();
  const now = useNow();
  const rows = useLiveQuery(() => db.promises.toArray(), []);
  const [query, setQuery] = useState('');
  const [error, setError] = useState('');
  const [review, setReview] = useReviewMode();
  const shortcut = useShortcut('log-promise');
  useRenderedMark(rows !== undefined, 'huashuPromisesRendered');

  const onError = useCallback((e: unknown) => {
    console.error('[huashu]', e);
    setError(t(e instanceof StorageError && e.kind === 'quota' ? 'errQuota' : 'errStorage'));
  }, []);
  const ctx: RowContext = useMemo(
    () => ({ db, now, timeZone, lang, settings, onError }),
    [now, timeZone, lang, settings, onError],
  );
  const all = useMemo(() => rows ?? [], [rows]);
  const filtered = useMemo(() => filterPromises(all, query), [all, query]);
  const groups = useMemo(() => groupPromises(filtered, { now, timeZone }), [filtered, now, timeZone]);
  const counts = useMemo(() => openCounts(all, now), [all, now]);

  if (rows === undefined) return <p className="hs-muted" data-testid="promises-loading" />;

  return (
    <div className="hs-promises" data-testid="promises-tab" data-review={review ? '1' : '0'}>
      <header className="hs-promises-head">
        <span data-testid="promises-counts">{t('promisesCount', counts.open, counts.overdue)}</span>
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
        <Review rows={filtered} ctx={ctx} onFinish={() => setReview(false)} />
      ) : all.length === 0 ? (
        <p className="hs-muted" data-testid="promises-empty">
          {t('emptyPromises', shortcut)}
        </p>
      ) : (
        BUCKETS.map((b) => <PromiseGroup key={b} bucket={b} rows={groups[b]} ctx={ctx} />)
      )}
      <ExportBar db={db} rows={all} timeZone={timeZone} onError={onError} />
    </div>
  );
}

/** The evening review: every open promise, soonest first, each to mark done, carry over or annotate. */
function Review({ rows, ctx, onFinish }: { rows: readonly Row[]; ctx: RowContext; onFinish(): void }) {
  const open = useMemo(() => reviewList(rows), [rows]);
  const [limit, setLimit] = useState(PAGE);
  return (
    <section className="hs-review" data-testid="review">
      <h2>{t('reviewTitle')}</h2>
      <p data-testid="review-summary" className={open.length ? '' : 'hs-ok'}>
        {open.length ? t('reviewSummary', open.length) : t('reviewAllClear')}
      </p>
      <ul className="hs-promise-list">
        {open.slice(0, limit).map((p) => (
          <PromiseRow key={p.uid} p={p} bucket={bucketOf(p, ctx)} ctx={ctx} review />
        ))}
      </ul>
      {open.length > limit && (
        <button className="hs-more" data-testid="group-more" onClick={() => setLimit(limit + PAGE * 4)}>
          {t('showMore', Math.min(PAGE * 4, open.length - limit))}
        </button>
      )}
      <button className="hs-primary" data-testid="review-finish" onClick={onFinish}>
        {t('reviewFinish')}
      </button>
    </section>
  );
}

/**
 * A bucket of promises (Overdue, Due today, Later, Done): a page of rows read by an indexed query, its
 * full count, and "show more" — 10,000 stored promises render as fast as 100.
 */
import { useState } from 'react';
import type { PromiseRow as Row } from '@/lib/db/schema';
import { t, type MessageKey } from '@/lib/i18n';
import type { Bucket } from '@/lib/promises/review';
import { PromiseRow, type RowContext } from './PromiseRow';

/** Rows read per bucket at first, and added by each "show more". */
export const PAGE = 50;

const TITLES: Record<Bucket, MessageKey> = {
  overdue: 'groupOverdue',
  today: 'groupToday',
  later: 'groupLater',
  done: 'groupDone',
};

interface Props {
  bucket: Bucket;
  rows: readonly Row[];
  count: number;
  ctx: RowContext;
  onMore(): void;
}

export function PromiseGroup({ bucket, rows, count, ctx, onMore }: Props) {
  const [open, setOpen] = useState(true);
  if (!count) return null;
  return (
    <section className={`hs-group hs-group-${bucket}`} data-testid={`group-${bucket}`}>
      <h2>
        <button className="hs-group-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} {t(TITLES[bucket])}{' '}
          <span className="hs-count" data-testid="group-count">
            {count}
          </span>
        </button>
      </h2>
      {open && (
        <>
          <ul className="hs-promise-list">
            {rows.map((p) => (
              <PromiseRow key={p.uid} p={p} bucket={bucket} ctx={ctx} />
            ))}
          </ul>
          {count > rows.length && (
            <button className="hs-more" data-testid="group-more" onClick={onMore}>
              {t('showMore', Math.min(PAGE * 4, count - rows.length))}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** A bucket of promises (Overdue, Due today, Later, Done), shown a page at a time: 10,000 rows stay fast. */
import { useState } from 'react';
import type { PromiseRow as Row } from '@/lib/db/schema';
import { t, type MessageKey } from '@/lib/i18n';
import type { Bucket } from '@/lib/promises/review';
import { PromiseRow, type RowContext } from './PromiseRow';

export const PAGE = 50;

const TITLES: Record<Bucket, MessageKey> = {
  overdue: 'groupOverdue',
  today: 'groupToday',
  later: 'groupLater',
  done: 'groupDone',
};

export function PromiseGroup({ bucket, rows, ctx }: { bucket: Bucket; rows: readonly Row[]; ctx: RowContext }) {
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState(true);
  if (!rows.length) return null;
  const shown = rows.slice(0, limit);
  return (
    <section className={`hs-group hs-group-${bucket}`} data-testid={`group-${bucket}`}>
      <h2>
        <button className="hs-group-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} {t(TITLES[bucket])}{' '}
          <span className="hs-count" data-testid="group-count">
            {rows.length}
          </span>
        </button>
      </h2>
      {open && (
        <>
          <ul className="hs-promise-list">
            {shown.map((p) => (
              <PromiseRow key={p.uid} p={p} bucket={bucket} ctx={ctx} />
            ))}
          </ul>
          {rows.length > limit && (
            <button className="hs-more" data-testid="group-more" onClick={() => setLimit(limit + PAGE * 4)}>
              {t('showMore', Math.min(PAGE * 4, rows.length - limit))}
            </button>
          )}
        </>
      )}
    </section>
  );
}

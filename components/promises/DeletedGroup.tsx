/**
 * The promises the toast's Undo took back (a soft delete): listed newest first under "Undone", each with
 * Restore (back to open or done, as it was) and Delete for good. Testids: group-deleted, deleted-row
 * (data-uid), promise-restore, promise-purge.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { HuashuDB } from '@/lib/db/db';
import { t } from '@/lib/i18n';
import { loadDeleted } from '@/lib/promises/query';
import { deletePromise, restorePromise } from '@/lib/promises/store';
import { formatDue, type Lang } from '@/lib/time/format';
import { PAGE } from './PromiseGroup';

interface Props {
  db: HuashuDB;
  now: number;
  timeZone: string;
  lang: Lang;
  onError(e: unknown): void;
}

export function DeletedGroup({ db, now, timeZone, lang, onError }: Props) {
  const [open, setOpen] = useState(true);
  const [limit, setLimit] = useState(PAGE);
  const page = useLiveQuery(() => loadDeleted(db, limit), [db, limit]);
  if (!page?.count) return null;
  const run = (fn: () => Promise<unknown>) => void fn().catch(onError);
  return (
    <section className="hs-group hs-group-deleted" data-testid="group-deleted">
      <h2>
        <button className="hs-group-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} {t('groupDeleted')}{' '}
          <span className="hs-count" data-testid="group-count">
            {page.count}
          </span>
        </button>
      </h2>
      {open && (
        <>
          <ul className="hs-promise-list">
            {page.rows.map((p) => (
              <li key={p.uid} className="hs-promise hs-promise-deleted" data-testid="deleted-row" data-uid={p.uid}>
                <div className="hs-promise-head">
                  <span className="hs-promise-buyer">{p.buyer ?? '—'}</span>
                  <span className="hs-promise-due">{formatDue(p.due, now, timeZone, lang)}</span>
                </div>
                <p className="hs-promise-text" data-testid="promise-text">
                  {p.text}
                </p>
                <div className="hs-promise-actions">
                  <button
                    className="hs-primary"
                    data-testid="promise-restore"
                    onClick={() => run(() => restorePromise(db, p.uid, Date.now()))}
                  >
                    {t('actionRestore')}
                  </button>
                  <button data-testid="promise-purge" onClick={() => run(() => deletePromise(db, p.uid))}>
                    {t('actionPurge')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          {page.count > page.rows.length && (
            <button className="hs-more" data-testid="group-more" onClick={() => setLimit((l) => l + PAGE * 4)}>
              {t('showMore', Math.min(PAGE * 4, page.count - page.rows.length))}
            </button>
          )}
        </>
      )}
    </section>
  );
}

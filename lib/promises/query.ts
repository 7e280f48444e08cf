/**
 * What the Promises tab shows, read with indexed range queries: each bucket's first `limit` rows and its
 * count. The cost depends on the page size, not on how many promises are stored (10,000+ stay fast).
 * A search reads everything (a full scan) and filters in memory.
 */
import Dexie from 'dexie';
import type { HuashuDB } from '../db/db';
import type { PromiseRow } from '../db/schema';
import { BUCKETS, filterPromises, groupPromises, type Bucket, type Clock } from './review';
import { addDays, atMinutes, civilDateOf } from '../time/civil';

export interface PromiseView {
  rows: Record<Bucket, PromiseRow[]>;
  counts: Record<Bucket, number>;
  /** All promises stored (before any search), undone ones not counted. */
  total: number;
}

export type Limits = Record<Bucket, number>;

export async function loadPromiseView(db: HuashuDB, clock: Clock, limits: Limits, query = ''): Promise<PromiseView> {
  if (query.trim()) {
    const all = (await db.promises.toArray()).filter((p) => p.status !== 'deleted');
    const groups = groupPromises(filterPromises(all, query), clock);
    const rows = {} as Record<Bucket, PromiseRow[]>;
    const counts = {} as Record<Bucket, number>;
    for (const b of BUCKETS) {
      rows[b] = groups[b].slice(0, limits[b]);
      counts[b] = groups[b].length;
    }
    return { rows, counts, total: all.length };
  }
  const { now, timeZone } = clock;
  const tomorrow = atMinutes(addDays(civilDateOf(now, timeZone), 1), 0, timeZone);
  const open = (from: unknown, to: unknown, includeTo: boolean) =>
    db.promises.where('[status+due]').between(['open', from], ['open', to], true, includeTo);
  const ranges: Record<Exclude<Bucket, 'done'>, () => ReturnType<typeof open>> = {
    overdue: () => open(Dexie.minKey, now, false),
    today: () => open(now, tomorrow, false),
    later: () => open(tomorrow, Dexie.maxKey, true),
  };
  return db.transaction('r', db.promises, async () => {
    const [overdue, today, later, done, cOverdue, cToday, cLater, cDone, total] = await Promise.all([
      ranges.overdue().limit(limits.overdue).toArray(),
      ranges.today().limit(limits.today).toArray(),
      ranges.later().limit(limits.later).toArray(),
      db.promises.orderBy('doneAt').reverse().limit(limits.done).toArray(),
      ranges.overdue().count(),
      ranges.today().count(),
      ranges.later().count(),
      db.promises.where('status').equals('done').count(),
      db.promises.where('status').anyOf('open', 'done').count(),
    ]);
    return {
      rows: { overdue, today, later, done: done.filter((p) => p.status === 'done') },
      counts: { overdue: cOverdue, today: cToday, later: cLater, done: cDone },
      total,
    };
  });
}

/** The evening review's page: open promises, soonest due first, and how many there are. */
export async function loadReview(
  db: HuashuDB,
  limit: number,
  query = '',
): Promise<{ rows: PromiseRow[]; count: number }> {
  const open = db.promises.where('[status+due]').between(['open', Dexie.minKey], ['open', Dexie.maxKey]);
  if (query.trim()) {
    const all = filterPromises(await open.toArray(), query);
    return { rows: all.slice(0, limit), count: all.length };
  }
  const [rows, count] = await Promise.all([open.clone().limit(limit).toArray(), open.clone().count()]);
  return { rows, count };
}

/** Undone promises (the toast's Undo), newest first: the Promises tab lists them to restore. */
export async function loadDeleted(db: HuashuDB, limit: number): Promise<{ rows: PromiseRow[]; count: number }> {
  return db.transaction('r', db.promises, async () => {
    const [rows, count] = await Promise.all([
      db.promises.orderBy('deletedAt').reverse().limit(limit).toArray(),
      db.promises.orderBy('deletedAt').count(),
    ]);
    return { rows: rows.filter((p) => p.status === 'deleted'), count };
  });
}

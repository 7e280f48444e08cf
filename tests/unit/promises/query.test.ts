import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HuashuDB } from '@/lib/db/db';
import type { PromiseRow } from '@/lib/db/schema';
import { loadPromiseView, loadReview } from '@/lib/promises/query';
import { groupPromises } from '@/lib/promises/review';

const TZ = 'Asia/Shanghai';
const NOW = Date.UTC(2026, 10, 25, 2, 30); // Wed 10:30
const H = 3600_000;
const clock = { now: NOW, timeZone: TZ };
const big = { overdue: 1000, today: 1000, later: 1000, done: 1000 };

let db: HuashuDB;
beforeEach(async () => {
  db = new HuashuDB(`query-${crypto.randomUUID()}`);
  // 400 promises spread over the buckets, some done.
  const rows: PromiseRow[] = Array.from({ length: 400 }, (_, i) => {
    const due = NOW + ((i % 97) - 30) * H + i;
    const done = i % 5 === 0;
    return {
      uid: `u${i}`,
      text: i % 7 === 0 ? `补发 #${i}` : `退款 #${i}`,
      buyer: `b${i % 13}`,
      createdAt: NOW - H,
      updatedAt: NOW - H,
      due,
      status: done ? 'done' : 'open',
      doneAt: done ? NOW - i : undefined,
      notes: [],
    };
  });
  await db.promises.bulkAdd(rows);
});
afterEach(() => db.delete());

describe('loadPromiseView', () => {
  it('agrees with grouping everything in memory (rows and counts)', async () => {
    const all = await db.promises.toArray();
    const expected = groupPromises(all, clock);
    const view = await loadPromiseView(db, clock, big);
    for (const b of ['overdue', 'today', 'later', 'done'] as const) {
      expect(view.counts[b], b).toBe(expected[b].length);
      expect(
        view.rows[b].map((p) => p.uid),
        b,
      ).toEqual(expected[b].map((p) => p.uid));
    }
    expect(view.total).toBe(400);
  });

  it('reads only a page of each bucket, but counts all', async () => {
    const view = await loadPromiseView(db, clock, { overdue: 5, today: 5, later: 5, done: 5 });
    const expected = groupPromises(await db.promises.toArray(), clock);
    expect(view.rows.overdue.map((p) => p.uid)).toEqual(expected.overdue.slice(0, 5).map((p) => p.uid));
    expect(view.rows.done).toHaveLength(5);
    expect(view.counts.later).toBe(expected.later.length);
  });

  it('a search filters all rows by text, buyer or order', async () => {
    const view = await loadPromiseView(db, clock, big, '补发');
    const n = Object.values(view.counts).reduce((a, b) => a + b, 0);
    expect(n).toBe((await db.promises.toArray()).filter((p) => p.text.includes('补发')).length);
  });
});

describe('loadReview', () => {
  it('lists exactly the open promises, soonest first', async () => {
    const open = (await db.promises.toArray()).filter((p) => p.status === 'open').sort((a, b) => a.due - b.due);
    const r = await loadReview(db, 1000);
    expect(r.count).toBe(open.length);
    expect(r.rows.map((p) => p.uid)).toEqual(open.map((p) => p.uid));
    expect((await loadReview(db, 10)).rows).toHaveLength(10);
  });
});

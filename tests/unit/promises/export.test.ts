import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { HuashuDB } from '@/lib/db/db';
import type { PromiseRow } from '@/lib/db/schema';
import { BOM } from '@/lib/text/csv';
import {
  importBackup,
  makeBackup,
  parseBackup,
  promisesForDay,
  promisesToCsv,
  promisesToMarkdown,
} from '@/lib/promises/export';
import { addPromise, markDone } from '@/lib/promises/store';
import { addFeedback } from '@/lib/feedback/store';

const TZ = 'Asia/Shanghai';
const NOW = Date.UTC(2026, 10, 25, 2, 30); // Wed 2026-11-25 10:30
const H = 3600_000;

let db: HuashuDB;
beforeEach(async () => {
  db = new HuashuDB(`export-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => db.delete());

async function seed() {
  const a = await addPromise(db, {
    text: '明天给您补发 | 一件',
    buyer: '小雨',
    orderId: 'A100',
    due: NOW + 24 * H,
    dueExplicit: true,
    now: NOW,
  });
  const b = await addPromise(db, {
    text: '=HYPERLINK("x")',
    buyer: 'Tom',
    due: NOW + 2 * H,
    dueExplicit: true,
    now: NOW,
  });
  const c = await addPromise(db, { text: '今天退运费', due: NOW - H, dueExplicit: true, now: NOW - 2 * H });
  await markDone(db, c.uid, NOW);
  await addFeedback(db, { text: '快递不送上楼', buyer: '小雨', now: NOW });
  return { a, b, c };
}

describe('CSV and Markdown by day', () => {
  it('CSV: BOM, header, one line per promise by due time, formula cells neutralised', async () => {
    await seed();
    const csv = promisesToCsv(await db.promises.toArray(), TZ);
    expect(csv.startsWith(BOM)).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed[0].slice(0, 6)).toEqual(['day', 'due', 'status', 'buyer', 'order', 'promise']);
    expect(parsed.slice(1).map((r) => [r[0], r[1], r[2], r[5]])).toEqual([
      ['2026-11-25', '2026-11-25 09:30', 'done', '今天退运费'],
      ['2026-11-25', '2026-11-25 12:30', 'open', `'=HYPERLINK("x")`],
      ['2026-11-26', '2026-11-26 10:30', 'open', '明天给您补发 | 一件'],
    ]);
  });

  it('Markdown: a section per day with a checklist; pipes escaped', async () => {
    await seed();
    const md = promisesToMarkdown(await db.promises.toArray(), TZ);
    expect(md).toContain('## 2026-11-25 (1 open, 1 done)');
    expect(md).toContain('- [x] 09:30 今天退运费');
    expect(md).toContain('## 2026-11-26 (1 open, 0 done)');
    expect(md).toContain('- [ ] 10:30 明天给您补发 \\| 一件 — Buyer: 小雨 · Order: A100');
  });

  it('a day’s handover: due that day, logged that day, or still open from before', async () => {
    const { a, b, c } = await seed();
    const old = await addPromise(db, { text: 'old', due: NOW - 48 * H, dueExplicit: true, now: NOW - 72 * H });
    const rows = await db.promises.toArray();
    expect(promisesForDay(rows, '2026-11-25', TZ).map((p) => p.uid)).toEqual([old.uid, c.uid, b.uid, a.uid]);
    expect(promisesForDay(rows, '2026-11-26', TZ).map((p) => p.uid)).toEqual([old.uid, b.uid, a.uid]);
  });
});

describe('JSON backup', () => {
  it('round-trips, and re-importing the same file adds nothing', async () => {
    await seed();
    const json = JSON.stringify(makeBackup(await db.promises.toArray(), await db.feedback.toArray(), NOW));
    const parsed = parseBackup(json);
    if (!parsed.ok) throw new Error(parsed.error);

    const again = await importBackup(db, parsed.backup);
    expect(again.promises).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(await db.promises.count()).toBe(3);

    const fresh = new HuashuDB(`export-fresh-${crypto.randomUUID()}`);
    const r1 = await importBackup(fresh, parsed.backup);
    expect(r1.promises.added).toBe(3);
    expect(r1.feedback.added).toBe(1);
    const r2 = await importBackup(fresh, parsed.backup);
    expect(r2.promises).toEqual({ added: 0, updated: 0, unchanged: 3 });
    const strip = (rows: PromiseRow[]) => rows.map(({ id: _id, ...p }) => p).sort((x, y) => x.uid.localeCompare(y.uid));
    expect(strip(await fresh.promises.toArray())).toEqual(strip(await db.promises.toArray()));
    await fresh.delete();
  });

  it('keeps the team fields of promises and the department fields of feedback through a restore', async () => {
    const { a } = await seed();
    await db.promises.where('uid').equals(a.uid).modify({ owner: '小王', shift: '白班', handedBy: '小李' });
    await db.feedback.toCollection().modify({
      status: 'answered',
      dueAt: NOW + 72 * H,
      answer: '物流已安排送货上楼',
      agent: '小王',
      sentAt: NOW + H,
      answeredAt: NOW + 2 * H,
    });
    const parsed = parseBackup(
      JSON.stringify(makeBackup(await db.promises.toArray(), await db.feedback.toArray(), NOW)),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const fresh = new HuashuDB(`export-team-${crypto.randomUUID()}`);
    await importBackup(fresh, parsed.backup);
    expect(await fresh.promises.where('uid').equals(a.uid).first()).toMatchObject({
      owner: '小王',
      shift: '白班',
      handedBy: '小李',
    });
    const [f] = await fresh.feedback.toArray();
    expect(f).toMatchObject({ status: 'answered', answer: '物流已安排送货上楼', agent: '小王', dueAt: NOW + 72 * H });
    expect(f.sentAt).toBe(NOW + H);
    expect(f.answeredAt).toBe(NOW + 2 * H);
    await fresh.delete();
  });

  it('an older backup’s feedback is restored as new', async () => {
    const parsed = parseBackup(
      JSON.stringify({
        format: 'huashu.promises',
        version: 1,
        exportedAt: NOW,
        promises: [],
        feedback: [{ uid: 'f1', text: '发票开错了', department: 'finance', createdAt: NOW }],
      }),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    await importBackup(db, parsed.backup);
    expect(await db.feedback.where('status').equals('new').count()).toBe(1);
  });

  it('a newer copy of a promise replaces the older one; an older copy does not', async () => {
    const { a } = await seed();
    const backup = makeBackup(await db.promises.toArray(), [], NOW);
    await markDone(db, a.uid, NOW + H); // local change after the backup
    const older = await importBackup(db, backup);
    expect(older.promises.updated).toBe(0);
    expect((await db.promises.where('uid').equals(a.uid).first())?.status).toBe('done');

    const newer = structuredClone(backup);
    const p = newer.promises.find((x) => x.uid === a.uid)!;
    p.text = 'edited elsewhere';
    p.updatedAt = NOW + 2 * H;
    const r = await importBackup(db, newer);
    expect(r.promises).toEqual({ added: 0, updated: 1, unchanged: 2 });
    expect((await db.promises.where('uid').equals(a.uid).first())?.text).toBe('edited elsewhere');
    expect(await db.promises.count()).toBe(3);
  });

  it('rejects files that are not a Huashu backup, saying where', () => {
    expect(parseBackup('nope')).toMatchObject({ ok: false });
    expect(parseBackup('{"format":"other"}')).toMatchObject({ ok: false, error: expect.stringContaining('format') });
    const bad = { format: 'huashu.promises', version: 1, exportedAt: 0, promises: [{ uid: 'x' }] };
    expect(parseBackup(JSON.stringify(bad))).toMatchObject({ ok: false, error: expect.stringContaining('promises.0') });
  });

  it('accepts a backup without updatedAt (older exports) and without feedback', () => {
    const old = {
      format: 'huashu.promises',
      version: 1,
      exportedAt: 0,
      promises: [{ uid: 'x', text: 't', createdAt: 1, due: 2, status: 'open', notes: [] }],
    };
    const r = parseBackup(JSON.stringify(old));
    expect(r.ok && r.backup.feedback).toEqual([]);
  });
});

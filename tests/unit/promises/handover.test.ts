/** The shift handover: export of open promises, parsing (bad files, older formats), the merge rules, Markdown. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HuashuDB } from '@/lib/db/db';
import type { PromiseRow } from '@/lib/db/schema';
import { makeBackup } from '@/lib/promises/export';
import {
  handoverToMarkdown,
  importHandover,
  makeHandover,
  parseHandover,
  planHandover,
  type HandoverFile,
} from '@/lib/promises/handover';
import { addNote, addPromise, markDone, softDeletePromise } from '@/lib/promises/store';

const TZ = 'Asia/Shanghai';
const NOW = Date.UTC(2026, 11, 3, 9, 30); // 17:30 in Shanghai
const H = 3600_000;

let db: HuashuDB;
beforeEach(async () => {
  db = new HuashuDB(`handover-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => db.delete());

const row = (over: Partial<PromiseRow> & { uid: string }): PromiseRow => ({
  text: `promise ${over.uid}`,
  createdAt: NOW - 2 * H,
  updatedAt: NOW - 2 * H,
  due: NOW + H,
  status: 'open',
  notes: [],
  ...over,
});

const fileOf = (rows: PromiseRow[], agent = '小王'): HandoverFile =>
  makeHandover(rows, { agent, shift: '白班', timeZone: TZ, now: NOW });

const roundTrip = (f: HandoverFile) => {
  const r = parseHandover(JSON.stringify(f));
  if (!r.ok) throw new Error(r.error);
  return r.file;
};

describe('makeHandover', () => {
  it('holds the open promises only, soonest first, with owner, buyer, order, due, notes and address', async () => {
    const a = await addPromise(db, {
      text: '明天给您补发',
      buyer: '小雨',
      orderId: 'A100',
      url: 'https://desk.example.com/chat/1',
      due: NOW + 5 * H,
      dueExplicit: true,
      owner: '小王',
      shift: '白班',
      ownerKey: 'secret-key',
      now: NOW,
    });
    await addNote(db, a.uid, '已联系仓库', NOW + 1);
    const b = await addPromise(db, { text: '一小时内回电', due: NOW + H, dueExplicit: true, now: NOW });
    const c = await addPromise(db, { text: '已办', due: NOW, dueExplicit: true, now: NOW });
    await markDone(db, c.uid, NOW + 2);
    const d = await addPromise(db, { text: '撤销的', due: NOW, dueExplicit: true, now: NOW });
    await softDeletePromise(db, d.uid, NOW + 3);

    const f = fileOf(await db.promises.toArray());
    expect(f).toMatchObject({ format: 'huashu-handover', version: 1, agent: '小王', shift: '白班' });
    expect(f.promises.map((p) => p.uid)).toEqual([b.uid, a.uid]);
    expect(f.promises[1]).toMatchObject({
      buyer: '小雨',
      orderId: 'A100',
      url: 'https://desk.example.com/chat/1',
      owner: '小王',
      shift: '白班',
      notes: [{ at: NOW + 1, text: '已联系仓库' }],
    });
    // A promise logged before the agent had a name belongs to whoever hands it over.
    expect(f.promises[0].owner).toBe('小王');
    // The page's secret never leaves the machine.
    expect(JSON.stringify(f)).not.toContain('secret-key');
  });
});

describe('parseHandover', () => {
  it.each([
    ['not json', 'not JSON'],
    ['{"format":"huashu.stats","version":1}', 'format: expected "huashu-handover"'],
    [
      '{"format":"huashu-handover","version":2,"exportedAt":1,"promises":[]}',
      'version 2 was written by a newer Huashu',
    ],
    ['{"format":"huashu-handover","version":1,"exportedAt":1}', 'promises'],
    [
      '{"format":"huashu-handover","version":1,"exportedAt":1,"promises":[{"uid":"x","text":"t","createdAt":1,"due":"soon","status":"open"}]}',
      'promises.0.due',
    ],
  ])('refuses %s with a clear message', (text, message) => {
    const r = parseHandover(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('reads a promise backup (huashu.promises, the older format) as a handover of its open promises', () => {
    const backup = makeBackup([row({ uid: 'o1' }), row({ uid: 'd1', status: 'done', doneAt: NOW })], [], NOW);
    const r = parseHandover(JSON.stringify(backup));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.file.promises.map((p) => p.uid)).toEqual(['o1']);
      expect(r.file.agent).toBe('');
    }
  });

  it('reads a version 1 file without the optional fields (notes, updatedAt, owner)', () => {
    const r = parseHandover(
      '\uFEFF{"format":"huashu-handover","version":1,"exportedAt":1,"promises":[{"uid":"x","text":"t","createdAt":5,"due":9,"status":"open"}]}',
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(planHandover([], r.file).put[0]).toMatchObject({ uid: 'x', updatedAt: 5, notes: [] });
  });
});

describe('planHandover: the merge rules', () => {
  it('adds what is new, keeping the previous owner and who handed it over', () => {
    const plan = planHandover([], fileOf([row({ uid: 'a', owner: '小李' })]));
    expect(plan).toMatchObject({ added: 1, updated: 0, unchanged: 0 });
    expect(plan.put[0]).toMatchObject({ uid: 'a', owner: '小李', handedBy: '小王' });
  });

  it('a uid twice in one file counts once: the copy changed last wins', () => {
    const f = fileOf([row({ uid: 'a', text: 'old' })]);
    f.promises.push({ ...f.promises[0], text: 'new', updatedAt: NOW });
    const plan = planHandover([], f);
    expect(plan.added).toBe(1);
    expect(plan.put).toHaveLength(1);
    expect(plan.put[0].text).toBe('new');
  });

  it('the newer copy wins; the local id and secret stay', () => {
    const local = row({ uid: 'a', id: 7, ownerKey: 'k', text: 'old', updatedAt: NOW - H });
    const plan = planHandover([local], fileOf([row({ uid: 'a', text: 'edited', updatedAt: NOW })]));
    expect(plan.updated).toBe(1);
    expect(plan.put[0]).toMatchObject({ id: 7, ownerKey: 'k', text: 'edited', updatedAt: NOW });
  });

  it('an older copy changes nothing', () => {
    const local = row({ uid: 'a', text: 'mine', updatedAt: NOW });
    const plan = planHandover([local], fileOf([row({ uid: 'a', text: 'theirs', updatedAt: NOW - H })]));
    expect(plan).toMatchObject({ put: [], unchanged: 1 });
  });

  it('done here stays done although the file (newer) says open', () => {
    const local = row({ uid: 'a', status: 'done', doneAt: NOW - H, closedBy: '小张', updatedAt: NOW - H });
    const plan = planHandover([local], fileOf([row({ uid: 'a', updatedAt: NOW })]));
    expect(plan.put).toEqual([]);
    expect(plan.kept).toBe(1);
  });

  it('done in the file closes it here, with who closed it, although the local copy is newer', () => {
    const local = row({ uid: 'a', updatedAt: NOW });
    const done = row({ uid: 'a', status: 'done', doneAt: NOW - H, closedBy: '小李', updatedAt: NOW - H });
    const f = fileOf([]);
    f.promises = [{ ...done, notes: [] }] as HandoverFile['promises'];
    const plan = planHandover([local], f);
    expect(plan.updated).toBe(1);
    expect(plan.put[0]).toMatchObject({ status: 'done', closedBy: '小李', updatedAt: NOW });
  });

  it('an undone promise stays undone', () => {
    const local = row({ uid: 'a', status: 'deleted', deletedFrom: 'open', deletedAt: NOW - H });
    const plan = planHandover([local], fileOf([row({ uid: 'a', updatedAt: NOW })]));
    expect(plan).toMatchObject({ put: [], kept: 1 });
  });

  it('notes of both copies are kept', () => {
    const local = row({ uid: 'a', updatedAt: NOW, notes: [{ at: 1, text: 'mine' }] });
    const theirs = row({ uid: 'a', updatedAt: NOW - H, notes: [{ at: 2, text: 'theirs' }] });
    const plan = planHandover([local], fileOf([theirs]));
    expect(plan.put[0].notes.map((n) => n.text)).toEqual(['mine', 'theirs']);
  });
});

describe('importHandover', () => {
  it('imports once: the second import of the same file changes nothing', async () => {
    const f = roundTrip(fileOf([row({ uid: 'a', owner: '小李' }), row({ uid: 'b' })]));
    expect(await importHandover(db, f)).toMatchObject({ added: 2 });
    const after = await db.promises.toArray();
    expect(await importHandover(db, f)).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(await db.promises.toArray()).toEqual(after);
    expect(after.map((p) => [p.uid, p.owner, p.handedBy])).toEqual([
      ['a', '小李', '小王'],
      ['b', '小王', '小王'],
    ]);
  });
});

// ---- Property: merging the same file twice changes nothing ----

const arbNote = fc.record({ at: fc.integer({ min: 0, max: 50 }), text: fc.constantFrom('a', 'b', 'c') });
const arbRow = (uid: string) =>
  fc.record({
    uid: fc.constant(uid),
    text: fc.constantFrom('x', 'y', 'z'),
    createdAt: fc.constant(0),
    updatedAt: fc.integer({ min: 0, max: 20 }),
    due: fc.integer({ min: 0, max: 100 }),
    status: fc.constantFrom<PromiseRow['status']>('open', 'done', 'deleted'),
    notes: fc.uniqueArray(arbNote, { maxLength: 3, selector: (n) => `${n.at}\n${n.text}` }),
    owner: fc.option(fc.constantFrom('小王', '小李'), { nil: undefined }),
  });
const arbUids = fc.uniqueArray(fc.constantFrom('u1', 'u2', 'u3', 'u4'), { maxLength: 4 });
const arbRows = (uids: string[]) => fc.tuple(...uids.map(arbRow));

/** Apply a plan to an in-memory table keyed by uid. */
function apply(table: Map<string, PromiseRow>, file: HandoverFile) {
  const plan = planHandover([...table.values()], file);
  for (const r of plan.put) table.set(r.uid, structuredClone(r));
  return plan;
}

describe('property: merging the same file twice changes nothing', () => {
  it('holds for random local logs and files (fast-check)', () => {
    fc.assert(
      fc.property(arbUids.chain(arbRows), arbUids.chain(arbRows), fc.boolean(), (local, incoming, duplicate) => {
        const table = new Map(local.map((r) => [r.uid, structuredClone(r) as PromiseRow]));
        const file = roundTrip(fileOf([]));
        // A handover lists open promises only; done ones (other agents' closings) are merged the same way.
        file.promises = incoming.map((r) => ({
          ...r,
          status: r.status === 'deleted' ? 'done' : r.status,
        })) as HandoverFile['promises'];
        if (duplicate && file.promises.length) file.promises.push({ ...file.promises[0] });
        apply(table, file);
        const once = structuredClone([...table.entries()]);
        const second = apply(table, file);
        expect(second.put).toEqual([]);
        expect([...table.entries()]).toEqual(once);
      }),
      { numRuns: 500, seed: 13 },
    );
  });
});

describe('handoverToMarkdown', () => {
  it('reads as a checklist for the team chat with buyer, order, owner and a link to the conversation', () => {
    const md = handoverToMarkdown(
      fileOf([
        row({
          uid: 'a',
          text: '明天补发 | 一件',
          buyer: '小雨',
          orderId: 'A1',
          url: 'https://desk.example.com/c?id=1',
        }),
        row({ uid: 'b', url: 'javascript:alert(1)' }),
      ]),
      TZ,
    );
    expect(md).toContain('# Shift handover 2026-12-03 (from 小王 · 白班)');
    expect(md).toContain(
      '- [ ] Due 2026-12-03 18:30 明天补发 \\| 一件 — Buyer: 小雨 · Order: A1 · Owner: 小王 [conversation](https://desk.example.com/c?id=1)',
    );
    expect(md).not.toContain('javascript:');
  });
});

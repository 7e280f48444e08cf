import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HuashuDB } from '@/lib/db/db';
import { StorageError } from '@/lib/db/errors';
import { MAX_TEXT, clipText } from '@/lib/db/rows';
import {
  addNote,
  addPromise,
  carryOver,
  deletePromise,
  editPromise,
  getPromise,
  markDone,
  reopen,
  snooze,
} from '@/lib/promises/store';

let db: HuashuDB;
const NOW = Date.UTC(2026, 10, 25, 2, 30);
const base = { due: NOW + 3600_000, dueExplicit: true, now: NOW };

beforeEach(async () => {
  db = new HuashuDB(`store-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('promise store', () => {
  it('adds an open promise with a uid and returns it with its id', async () => {
    const p = await addPromise(db, {
      ...base,
      text: ' 明天给您补发 ',
      buyer: '小雨',
      orderId: '12345',
      source: 'selection',
    });
    expect(p.id).toBeTypeOf('number');
    expect(p).toMatchObject({ text: '明天给您补发', buyer: '小雨', orderId: '12345', status: 'open', notes: [] });
    expect(p.updatedAt).toBe(NOW);
    expect(await getPromise(db, p.uid)).toMatchObject({ uid: p.uid, text: '明天给您补发' });
  });

  it('cuts a 20,000-character text and keeps the original length', async () => {
    const huge = '补'.repeat(20_000);
    const p = await addPromise(db, { ...base, text: huge });
    expect([...p.text].length).toBe(MAX_TEXT + 1); // + the ellipsis
    expect(p.truncatedFrom).toBe(20_000);
    expect(clipText('short').truncatedFrom).toBeUndefined();
  });

  it('undo deletes only that promise', async () => {
    const a = await addPromise(db, { ...base, text: 'a' });
    const b = await addPromise(db, { ...base, text: 'b' });
    expect(await deletePromise(db, a.uid)).toBe(true);
    expect(await deletePromise(db, a.uid)).toBe(false);
    expect((await db.promises.toArray()).map((p) => p.uid)).toEqual([b.uid]);
  });

  it('done, reopen, snooze, carry over and notes bump updatedAt', async () => {
    const p = await addPromise(db, { ...base, text: 'x' });
    const done = await markDone(db, p.uid, NOW + 10);
    expect(done).toMatchObject({ status: 'done', doneAt: NOW + 10, updatedAt: NOW + 10 });
    const open = await reopen(db, p.uid, NOW + 20);
    expect(open).toMatchObject({ status: 'open', doneAt: undefined });
    const snoozed = await snooze(db, p.uid, NOW + 7200_000, NOW + 30);
    expect(snoozed?.due).toBe(NOW + 7200_000);
    const carried = await carryOver(db, p.uid, NOW + 86_400_000, NOW + 40, '买家同意改到明天');
    expect(carried).toMatchObject({ due: NOW + 86_400_000, carriedOver: 1, status: 'open' });
    expect(carried?.notes).toEqual([{ at: NOW + 40, text: '买家同意改到明天' }]);
    const noted = await addNote(db, p.uid, '已电话联系', NOW + 50);
    expect(noted?.notes).toHaveLength(2);
    const edited = await editPromise(db, p.uid, { text: '后天补发', due: NOW + 1 }, NOW + 60);
    expect(edited).toMatchObject({ text: '后天补发', due: NOW + 1, dueExplicit: true, updatedAt: NOW + 60 });
  });

  it('an unknown uid changes nothing', async () => {
    expect(await markDone(db, 'nope', NOW)).toBeUndefined();
  });

  it('two contexts logging at once: every promise is stored', async () => {
    const other = new HuashuDB(db.name); // a second connection, like a second tab's request
    await Promise.all(Array.from({ length: 40 }, (_, i) => addPromise(i % 2 ? db : other, { ...base, text: `p${i}` })));
    other.close();
    const rows = await db.promises.toArray();
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.uid)).size).toBe(40);
  });

  it('quota exceeded: a StorageError of kind "quota", and nothing logged before is lost', async () => {
    const kept = await addPromise(db, { ...base, text: 'kept' });
    const add = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await addPromise(db, { ...base, text: 'lost' }).catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err.kind).toBe('quota');
    IDBObjectStore.prototype.add = add;
    vi.restoreAllMocks();
    const rows = await db.promises.toArray();
    expect(rows.map((r) => r.text)).toEqual(['kept']);
    expect(rows[0].uid).toBe(kept.uid);
  });

  it('any other failure is a StorageError of kind "storage"', async () => {
    db.close();
    const err = await addPromise(db, { ...base, text: 'x' }).catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err.kind).toBe('storage');
  });
});

/**
 * Migrations on fixture databases of older versions: build the old schema exactly as it was declared,
 * fill it, open it with today's HuashuDB, and check that nothing is lost.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { HuashuDB } from '@/lib/db/db';
import { V1 } from './v1-schema';

const names: string[] = [];
function fixtureName() {
  const name = `migrate-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

const T0 = Date.UTC(2026, 10, 20, 2, 0);

async function makeV1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1);
  await v1.open();
  await v1.table('promises').bulkAdd([
    {
      uid: 'p-open',
      text: '明天给您补发',
      buyer: '小雨',
      orderId: 'A1',
      createdAt: T0,
      due: T0 + 86_400_000,
      status: 'open',
      notes: [],
    },
    {
      uid: 'p-done',
      text: '今天退运费',
      createdAt: T0,
      due: T0,
      status: 'done',
      doneAt: T0 + 5000,
      notes: [{ at: T0 + 1, text: 'n' }],
    },
    // A v1 row written without notes (the field was required but never enforced).
    { uid: 'p-nonotes', text: '周五前发', createdAt: T0 + 10, due: T0 + 3 * 86_400_000, status: 'open' },
  ]);
  await v1.table('feedback').bulkAdd([
    { uid: 'f-1', text: '快递不送上楼，家里老人腿脚不便', department: 'logistics', createdAt: T0 },
    { uid: 'f-2', text: '要开增值税专用发票', department: 'finance', topic: 'custom-topic', createdAt: T0 },
    { uid: 'f-3', text: '这个太难用了', department: 'product', createdAt: T0 },
    // A damaged row: text is not a string. The upgrade must not fail on it.
    { uid: 'f-bad', text: 12345, department: 'other', createdAt: T0 },
  ]);
  await v1
    .table('packs')
    .add({ id: 'default', pack: { x: 1 }, priority: 0, active: true, source: 'default', installedAt: T0 });
  await v1.table('sites').add({ pattern: 'https://desk.example.com/*', enabledAt: T0 });
  await v1.table('usage').add({ at: T0, kind: 'insert', scriptId: 's1' });
  await v1.table('overrides').add({ packId: 'default', scriptId: 's1', script: null, updatedAt: T0 });
  v1.close();
}

describe('v1 → v2 (→ v3 → v4)', () => {
  it('keeps every row of every table and fills the new fields', async () => {
    const name = fixtureName();
    await makeV1(name);

    const db = new HuashuDB(name);
    await db.open();
    expect(db.verno).toBe(4);

    const promises = await db.promises.orderBy('uid').toArray();
    expect(promises.map((p) => p.uid)).toEqual(['p-done', 'p-nonotes', 'p-open']);
    const byUid = Object.fromEntries(promises.map((p) => [p.uid, p]));
    expect(byUid['p-open']).toMatchObject({
      text: '明天给您补发',
      buyer: '小雨',
      orderId: 'A1',
      updatedAt: T0,
      notes: [],
    });
    expect(byUid['p-done']).toMatchObject({ updatedAt: T0 + 5000, notes: [{ at: T0 + 1, text: 'n' }] });
    expect(byUid['p-nonotes'].notes).toEqual([]);

    const feedback = Object.fromEntries((await db.feedback.toArray()).map((f) => [f.uid, f]));
    expect(feedback['f-1']).toMatchObject({ department: 'logistics', topic: 'doorstep', updatedAt: T0 });
    expect(feedback['f-2'].topic).toBe('custom-topic'); // an existing topic is kept
    expect(feedback['f-3'].topic).toBe('usability');
    expect(feedback['f-bad']).toMatchObject({ text: 12345, topic: 'other' });

    expect(await db.packs.count()).toBe(1);
    expect(await db.sites.count()).toBe(1);
    expect(await db.usage.count()).toBe(1);
    expect(await db.overrides.count()).toBe(1);
    db.close();
  });

  it('the new indexes answer queries on migrated rows', async () => {
    const name = fixtureName();
    await makeV1(name);
    const db = new HuashuDB(name);
    const open = await db.promises
      .where('[status+due]')
      .between(['open', Dexie.minKey], ['open', Dexie.maxKey])
      .toArray();
    expect(open.map((p) => p.uid)).toEqual(['p-open', 'p-nonotes']);
    expect(await db.promises.orderBy('doneAt').primaryKeys()).toHaveLength(1);
    expect(await db.feedback.where('[department+topic]').equals(['logistics', 'doorstep']).count()).toBe(1);
    db.close();
  });

  it('opening an up-to-date database again changes nothing', async () => {
    const name = fixtureName();
    await makeV1(name);
    const first = new HuashuDB(name);
    const before = await first.promises.toArray();
    first.close();
    const second = new HuashuDB(name);
    expect(await second.promises.toArray()).toEqual(before);
    second.close();
  });

  it('a brand-new database starts at the latest version (v4) and is empty', async () => {
    const db = new HuashuDB(fixtureName());
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.promises.count()).toBe(0);
    db.close();
  });
});

// The v2 declaration as shipped (lib/db/db.ts before v3): v1 plus the promise-log indexes.
const V2_PROMISES = '++id, &uid, status, due, createdAt, doneAt, updatedAt, [status+due]';
const V2_FEEDBACK = '++id, &uid, department, topic, createdAt, updatedAt, [department+topic]';

describe('v2 → v3 (soft-deleted promises)', () => {
  async function makeV2(name: string) {
    const v2 = new Dexie(name);
    v2.version(1).stores(V1);
    v2.version(2).stores({ promises: V2_PROMISES, feedback: V2_FEEDBACK });
    await v2.open();
    await v2.table('promises').bulkAdd([
      { uid: 'a', text: '明天发', createdAt: T0, updatedAt: T0, due: T0 + 1, status: 'open', notes: [] },
      { uid: 'b', text: '已退', createdAt: T0, updatedAt: T0 + 9, due: T0, status: 'done', doneAt: T0 + 9, notes: [] },
    ]);
    await v2
      .table('feedback')
      .add({ uid: 'f', text: 'x', department: 'other', topic: 'other', createdAt: T0, updatedAt: T0 });
    v2.close();
  }

  it('keeps every row unchanged and answers the new deletedAt index', async () => {
    const name = fixtureName();
    await makeV2(name);
    const before = new Dexie(name);
    before.version(2).stores({ promises: V2_PROMISES, feedback: V2_FEEDBACK });
    await before.open();
    const rows = await before.table('promises').toArray();
    before.close();

    const db = new HuashuDB(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.promises.toArray()).toEqual(rows);
    expect(await db.feedback.count()).toBe(1);
    // No row was undone before v3: the index is empty; a soft delete lands in it.
    expect(await db.promises.orderBy('deletedAt').count()).toBe(0);
    await db.promises
      .where('uid')
      .equals('a')
      .modify({ status: 'deleted', deletedAt: T0 + 50, deletedFrom: 'open' });
    expect(await db.promises.orderBy('deletedAt').keys()).toEqual([T0 + 50]);
    db.close();
  });
});

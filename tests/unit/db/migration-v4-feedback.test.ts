/** v3 → v4 (feedback status and deadline) on a fixture database declared exactly as v3 shipped. */
import Dexie from 'dexie';
import { afterEach, expect, it } from 'vitest';
import { HuashuDB } from '@/lib/db/db';
import { V1 } from './v1-schema';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

const T0 = Date.UTC(2026, 10, 20, 2, 0);
const V2_PROMISES = '++id, &uid, status, due, createdAt, doneAt, updatedAt, [status+due]';
const V2_FEEDBACK = '++id, &uid, department, topic, createdAt, updatedAt, [department+topic]';
const V3_PROMISES = `${V2_PROMISES}, deletedAt`;

async function makeV3(name: string) {
  const v3 = new Dexie(name);
  v3.version(1).stores(V1);
  v3.version(2).stores({ promises: V2_PROMISES, feedback: V2_FEEDBACK });
  v3.version(3).stores({ promises: V3_PROMISES });
  await v3.open();
  await v3.table('feedback').bulkAdd([
    { uid: 'f-1', text: '物流太慢', department: 'logistics', topic: 'slow-delivery', createdAt: T0, updatedAt: T0 },
    { uid: 'f-2', text: '要发票', department: 'finance', topic: 'invoice', createdAt: T0, updatedAt: T0 + 5 },
  ]);
  await v3
    .table('promises')
    .add({ uid: 'p', text: '明天发', createdAt: T0, updatedAt: T0, due: T0 + 1, status: 'open', notes: [] });
  v3.close();
}

it('v3 → v4: every feedback row becomes "new" without a deadline; nothing else changes', async () => {
  const name = `migrate-v4-${crypto.randomUUID()}`;
  names.push(name);
  await makeV3(name);

  const db = new HuashuDB(name);
  await db.open();
  expect(db.verno).toBe(4);
  const rows = await db.feedback.orderBy('uid').toArray();
  expect(rows.map((f) => [f.uid, f.status, f.dueAt, f.updatedAt])).toEqual([
    ['f-1', 'new', undefined, T0],
    ['f-2', 'new', undefined, T0 + 5],
  ]);
  expect(await db.feedback.where('status').equals('new').count()).toBe(2);
  expect(await db.feedback.orderBy('dueAt').count()).toBe(0);
  expect(await db.promises.count()).toBe(1);
  db.close();

  // Opening the migrated database again changes nothing.
  const again = new HuashuDB(name);
  expect(await again.feedback.orderBy('uid').toArray()).toEqual(rows);
  again.close();
});

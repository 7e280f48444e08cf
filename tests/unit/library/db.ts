/** A fresh database per test (fake-indexeddb), and a dump of the library tables for comparisons. */
import { HuashuDB } from '@/lib/db/db';

let n = 0;
export function freshDb(): HuashuDB {
  return new HuashuDB(`huashu-test-${process.pid}-${++n}-${Math.random().toString(36).slice(2)}`);
}

/** Packs and overrides; `withRollback: false` leaves out the rollback bookkeeping (previous copies). */
export async function dumpLibrary(db: HuashuDB, withRollback = true) {
  const packs = await db.packs.toArray();
  return {
    packs: withRollback ? packs : packs.map(({ previous: _p, previousState: _s, ...row }) => row),
    overrides: await db.overrides.toArray(),
  };
}

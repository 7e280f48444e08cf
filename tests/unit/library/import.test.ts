import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HuashuDB } from '@/lib/db/db';
import { applyPackImport, previewPackImport, rollbackPack } from '@/lib/library/import';
import { loadActivePacks } from '@/lib/library/packs';
import type { Resolution } from '@/lib/pack/merge';
import type { Pack } from '@/lib/pack/schema';
import { dumpLibrary, freshDb } from './db';
import { arbOverrides, arbPack, pack, script } from './fixtures';

const dbs: HuashuDB[] = [];
const open = () => {
  const db = freshDb();
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('applyPackImport', () => {
  it('installs a new pack above the others, then updates it keeping the previous copy', async () => {
    const db = open();
    await db.packs.put({
      id: 'default',
      pack: pack([script('x')], 'default'),
      priority: 100,
      active: true,
      source: 'default',
      installedAt: 1,
    });
    const v1 = pack([script('a'), script('b')]);
    const r1 = await applyPackImport(db, v1, {}, { now: 10 });
    expect(r1.changed).toBe(true);
    expect(await db.packs.get('p')).toMatchObject({ priority: 90, active: true, source: 'import', installedAt: 10 });
    expect((await loadActivePacks(db)).map((p) => p.pack.id)).toEqual(['p', 'default']);

    const v2 = pack([script('a', 'a', 'changed'), script('c')]);
    await applyPackImport(db, v2, {}, { now: 20 });
    const row = await db.packs.get('p');
    expect(row?.pack.scripts.map((s) => s.id)).toEqual(['a', 'c']);
    expect(row?.previous?.scripts.map((s) => s.id)).toEqual(['a', 'b']);
    expect(row?.priority).toBe(90);
  });

  it('keeps the agent edit on conflict unless told to take the lead version', async () => {
    const db = open();
    await applyPackImport(db, pack([script('a'), script('b')]));
    await db.overrides.bulkPut([
      { packId: 'p', scriptId: 'a', script: script('a', 'a', 'mine'), updatedAt: 1 },
      { packId: 'p', scriptId: 'b', script: script('b', 'b', 'mine'), updatedAt: 1 },
    ]);
    const next = pack([script('a', 'a', 'lead'), script('b', 'b', 'lead')]);
    const preview = await previewPackImport(db, next);
    expect(preview.conflicts.map((c) => c.scriptId)).toEqual(['a', 'b']);
    await applyPackImport(db, next, { b: 'theirs' });
    const effective = (await loadActivePacks(db))[0];
    expect(effective.scripts.map((s) => s.answers[0].text)).toEqual(['mine', 'lead']);
  });

  it('writes nothing when the transaction fails half-way', async () => {
    const db = open();
    await applyPackImport(db, pack([script('a')]));
    await db.overrides.put({ packId: 'p', scriptId: 'a', script: script('a', 'a', 'mine'), updatedAt: 1 });
    const before = await dumpLibrary(db);
    const spy = vi.spyOn(db.overrides, 'bulkDelete').mockRejectedValue(new Error('disk full'));
    await expect(applyPackImport(db, pack([script('a', 'a', 'lead')]), { a: 'theirs' })).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await dumpLibrary(db)).toEqual(before);
  });

  it('rollback of a first install removes the pack', async () => {
    const db = open();
    await applyPackImport(db, pack([script('a')]));
    expect(await rollbackPack(db, 'p')).toBe(true);
    expect(await db.packs.count()).toBe(0);
    expect(await rollbackPack(db, 'p')).toBe(false);
  });
});

describe('import properties (fake-indexeddb)', () => {
  async function install(
    db: HuashuDB,
    installed: Pack | null,
    overrides: { scriptId: string; script: Pack['scripts'][0] | null }[],
    active: boolean,
  ) {
    if (installed)
      await db.packs.put({ id: 'p', pack: installed, priority: 50, active, source: 'import', installedAt: 1 });
    await db.overrides.bulkPut(overrides.map((o) => ({ packId: 'p', ...o, updatedAt: 1 })));
  }
  const arbResolutions = fc.dictionary(
    fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    fc.constantFrom<Resolution>('mine', 'theirs'),
  );

  it('importing the same pack twice changes nothing the second time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(arbPack, { nil: null }),
        arbOverrides,
        arbPack,
        arbResolutions,
        fc.boolean(),
        async (installed, overrides, incoming, res, active) => {
          const db = open();
          await install(db, installed, overrides, active);
          await applyPackImport(db, incoming, res, { now: 5 });
          const once = await dumpLibrary(db);
          const second = await applyPackImport(db, incoming, res, { now: 6 });
          expect(second.changed).toBe(false);
          expect(await dumpLibrary(db)).toEqual(once);
          await db.delete();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('import then rollback restores the library exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(arbPack, { nil: null }),
        arbOverrides,
        arbPack,
        arbResolutions,
        fc.boolean(),
        async (installed, overrides, incoming, res, active) => {
          const db = open();
          await install(db, installed, overrides, active);
          const before = await dumpLibrary(db, false);
          const r = await applyPackImport(db, incoming, res, { now: 5 });
          if (r.changed) expect(await rollbackPack(db, 'p')).toBe(true);
          expect(await dumpLibrary(db, false)).toEqual(before);
          await db.delete();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('import session', () => {
  it('reads .json files as packs even when they are not JSON, and spreadsheets as CSV', async () => {
    const { createImportSession } = await import('@/lib/library/import-session');
    const db = open();
    const s = createImportSession(db);
    const enc = (t: string) => new TextEncoder().encode(t).buffer as ArrayBuffer;
    const bad = await s.load(enc('format: huashu.pack'), 'team.json');
    expect(bad.kind === 'errors' && bad.errors[0]).toMatch(/not JSON/);
    const csv = await s.load(enc('问题,答案\n运费多少,包邮\n'), 'phrases.csv');
    expect(csv.kind).toBe('csv');
    const big = await s.load(new ArrayBuffer(51 * 1024 * 1024), 'huge.json');
    expect(big.kind === 'errors' && big.errors[0]).toMatch(/at most 50 MB/);
    await expect(s.apply({})).rejects.toThrow('nothing to apply');
  });
});

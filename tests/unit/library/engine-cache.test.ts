import { afterEach, describe, expect, it } from 'vitest';
import type { HuashuDB } from '@/lib/db/db';
import { createEngineCache, touchesLibrary } from '@/lib/library/engine-cache';
import { applyPackImport } from '@/lib/library/import';
import { freshDb } from './db';
import { pack, script } from './fixtures';

let db: HuashuDB;
afterEach(() => db?.delete());

describe('engine cache', () => {
  it('answers from a newly imported pack after invalidation', async () => {
    db = freshDb();
    await applyPackImport(db, pack([script('a', '怎么退货')], 'one'));
    const cache = createEngineCache(db);
    const first = await cache.get();
    expect(first.engine.size).toBe(1);
    expect(await cache.get()).toBe(first); // cached

    await applyPackImport(db, pack([script('ship', '几天发货')], 'two'));
    cache.invalidate();
    const { engine } = await cache.get();
    expect(engine.size).toBe(2);
    expect(engine.search('几天发货').map((s) => s.scriptId)).toContain('ship');
  });

  it('never hands out a build that started before an invalidation', async () => {
    db = freshDb();
    const cache = createEngineCache(db);
    const stale = cache.get();
    cache.invalidate();
    await applyPackImport(db, pack([script('a')]));
    const fresh = await cache.get();
    expect((await stale).engine.size).toBe(0);
    expect(fresh.engine.size).toBe(1);
  });

  it('recognises Dexie change keys of the library tables only', () => {
    expect(touchesLibrary('huashu', { 'idb://huashu/packs/': 1 })).toBe(true);
    expect(touchesLibrary('huashu', { 'idb://huashu/overrides/packId': 1 })).toBe(true);
    expect(touchesLibrary('huashu', { 'idb://huashu/usage/': 1, 'idb://other/packs/': 1 })).toBe(false);
  });
});

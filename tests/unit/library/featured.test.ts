import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HuashuDB } from '@/lib/db/db';
import { createEngineCache } from '@/lib/library/engine-cache';
import { isRunning, saveFeatured } from '@/lib/library/featured';
import { applyPackImport } from '@/lib/library/import';
import type { Pack } from '@/lib/pack/schema';
import { freshDb } from './db';
import { pack, script } from './fixtures';

// Watch what the engine is built from (the real buildEngine runs underneath).
const built = vi.hoisted(() => ({ packs: [] as Pack[][] }));
vi.mock('@/lib/match/engine', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/match/engine')>();
  return {
    buildEngine: (packs: Pack[]) => {
      built.packs.push(packs);
      return real.buildEngine(packs);
    },
  };
});

let db: HuashuDB;
afterEach(() => db?.delete());

const weekly = {
  id: 'x1',
  name: 'X1 跑鞋',
  pitch: '这周主推 X1～',
  from: '2026-05-04',
  until: '2026-05-10',
  keywords: ['跑鞋'],
};

describe('featured product', () => {
  it('flows from the database into the packs the engine is built from', async () => {
    db = freshDb();
    await applyPackImport(db, pack([script('a')]));
    const cache = createEngineCache(db);
    await cache.get();
    expect(built.packs.at(-1)?.[0].featured).toEqual([]);

    expect(await saveFeatured(db, 'p', [weekly])).toEqual({ ok: true });
    cache.invalidate();
    await cache.get();
    expect(built.packs.at(-1)?.[0].featured).toEqual([weekly]);
  });

  it('validates entries and dates', async () => {
    db = freshDb();
    await applyPackImport(db, pack([script('a')]));
    const r = await saveFeatured(db, 'p', [
      { ...weekly, from: '2026-5-4' },
      { ...weekly, until: '2026-05-01' },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        'featured[0].from: date as YYYY-MM-DD',
        'featured[1].until: 2026-05-01 is before "from" (2026-05-04)',
      ]);
    const r2 = await saveFeatured(db, 'p', [{ ...weekly, until: '2026-05-01' }]);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors).toEqual(['featured[0].until: 2026-05-01 is before "from" (2026-05-04)']);
    const r3 = await saveFeatured(db, 'p', [{ ...weekly, from: '2026-02-30', until: '2026-05-10' }]);
    expect(!r3.ok && r3.errors).toEqual(['featured[0].from: 2026-02-30 is not a date: February 2026 has 28 days']);
    expect((await saveFeatured(db, 'nope', [weekly])).ok).toBe(false);
  });

  it('runs on its dates, inclusive', () => {
    expect([
      isRunning(weekly, '2026-05-03'),
      isRunning(weekly, '2026-05-04'),
      isRunning(weekly, '2026-05-10'),
      isRunning(weekly, '2026-05-11'),
    ]).toEqual([false, true, true, false]);
  });
});

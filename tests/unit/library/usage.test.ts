import { afterEach, describe, expect, it } from 'vitest';
import type { HuashuDB } from '@/lib/db/db';
import { applyPackImport } from '@/lib/library/import';
import { loadActivePacks } from '@/lib/library/packs';
import { USAGE_LIMIT, acceptLearn, dismissLearn, learnCandidates, recordUsage } from '@/lib/library/usage';
import type { UsageEvent } from '@/lib/library/usage';
import { freshDb } from './db';
import { pack, script } from './fixtures';

let db: HuashuDB;
afterEach(() => db?.delete());

describe('recordUsage', () => {
  it('stores sanitised rows and ignores malformed events', async () => {
    db = freshDb();
    await recordUsage(
      db,
      { kind: 'insert', packId: 'p', scriptId: 'a', rank: 1.5, message: ` ${'x'.repeat(600)} ` },
      7,
    );
    await recordUsage(db, { kind: 'bogus' } as unknown as UsageEvent);
    const rows = await db.usage.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ at: 7, kind: 'insert', packId: 'p', scriptId: 'a' });
    expect(rows[0].rank).toBeUndefined();
    expect(rows[0].message).toHaveLength(500);
  });

  it('keeps at most `limit` rows, dropping the oldest', async () => {
    db = freshDb();
    expect(USAGE_LIMIT).toBeGreaterThanOrEqual(10_000);
    await db.usage.bulkAdd(Array.from({ length: 100 }, (_, i) => ({ at: i, kind: 'search' as const })));
    await recordUsage(db, { kind: 'miss', message: 'new' }, 101, 100);
    expect(await db.usage.count()).toBe(100);
    expect((await db.usage.orderBy('at').first())?.at).toBe(1);
  });
});

describe('learning', () => {
  it('offers messages ranked low or missed, grouped, without known wordings or first-ranked ones', async () => {
    db = freshDb();
    await applyPackImport(db, pack([script('ship', '几天发货'), script('fee', '运费多少')]));
    const ins = (scriptId: string, rank: number, message: string, at: number) =>
      recordUsage(db, { kind: 'insert', packId: 'p', scriptId, rank, message }, at);
    await ins('ship', 2, '啥时候能发出来', 1);
    await ins('ship', -1, '啥时候能发出来！', 2); // same wording once punctuation is ignored
    await ins('ship', 0, '几天能发货', 3); // ranked first: nothing to learn
    await ins('fee', 1, '运费多少', 4); // already a question
    await ins('fee', -1, '邮费谁出', 5);
    const c = learnCandidates(await db.usage.toArray(), await loadActivePacks(db));
    expect(c.map((x) => [x.scriptId, x.message, x.wording, x.count, x.rank])).toEqual([
      ['ship', '啥时候能发出来！', '啥时候能发出来', 2, 2],
      ['fee', '邮费谁出', '邮费谁出', 1, -1],
    ]);
    await acceptLearn(db, c[0]);
    await dismissLearn(db, c[1]);
    expect(learnCandidates(await db.usage.toArray(), await loadActivePacks(db))).toEqual([]);
    expect((await loadActivePacks(db))[0].scripts[0].questions).toEqual(['几天发货', '啥时候能发出来']);
  });
});

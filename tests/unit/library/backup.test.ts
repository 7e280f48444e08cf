import { describe, expect, it } from 'vitest';
import { deleteAll, exportAll } from '@/lib/library/backup';
import { applyPackImport } from '@/lib/library/import';
import { freshDb } from './db';
import { pack, script } from './fixtures';

describe('backup', () => {
  it('exports every table and the settings, then deletes everything', async () => {
    const db = freshDb();
    await applyPackImport(db, pack([script('a')]));
    await db.usage.add({ at: 1, kind: 'search' });
    const file = JSON.parse(await exportAll(db, { defaultTone: 'formal' }, new Date(0)));
    expect(file).toMatchObject({ format: 'huashu.backup', version: 1, exportedAt: '1970-01-01T00:00:00.000Z' });
    expect(Object.keys(file.tables).sort()).toEqual(['feedback', 'overrides', 'packs', 'promises', 'sites', 'usage']);
    expect(file.tables.packs[0].id).toBe('p');
    await deleteAll(db);
    for (const t of db.tables) expect(await t.count()).toBe(0);
    await db.delete();
  });
});

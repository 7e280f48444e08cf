/**
 * Installing a pack from a file: preview against the installed copy and the agent's edits, Apply in one
 * Dexie transaction (all of it or nothing), and one-step rollback. The plan itself is pure
 * (lib/pack/merge.ts); these functions only read and write it.
 */
import type { HuashuDB } from '../db/db';
import type { OverrideRow, PackRow } from '../db/schema';
import { overridesToDrop, previewImport, type ImportPreview, type Resolution } from '../pack/merge';
import type { Pack } from '../pack/schema';

export interface ApplyResult {
  /** false when the incoming copy equals the installed one: nothing was written. */
  changed: boolean;
  preview: ImportPreview;
}

/** Priority for a newly installed pack: above every installed one (lower number = higher priority). */
async function topPriority(db: HuashuDB): Promise<number> {
  const first = await db.packs.orderBy('priority').first();
  return first ? first.priority - 10 : 100;
}

export async function previewPackImport(db: HuashuDB, incoming: Pack): Promise<ImportPreview> {
  return db.transaction('r', db.packs, db.overrides, async () => {
    const row = await db.packs.get(incoming.pack.id);
    const overrides = await db.overrides.where('packId').equals(incoming.pack.id).toArray();
    return previewImport(row?.pack, incoming, overrides);
  });
}

/**
 * Install `incoming` (validated by parsePack) in place of the installed copy with the same id. The plan is
 * recomputed inside the transaction, so a change made since the preview cannot be lost; conflicts without
 * a resolution keep the agent's version.
 */
export async function applyPackImport(
  db: HuashuDB,
  incoming: Pack,
  resolutions: Record<string, Resolution> = {},
  opts: { now?: number; source?: PackRow['source'] } = {},
): Promise<ApplyResult> {
  return db.transaction('rw', db.packs, db.overrides, async () => {
    const id = incoming.pack.id;
    const row = await db.packs.get(id);
    const overrides = await db.overrides.where('packId').equals(id).toArray();
    const preview = previewImport(row?.pack, incoming, overrides);
    if (preview.identical) return { changed: false, preview };
    const drop = new Set(overridesToDrop(preview, resolutions));
    const dropped = overrides.filter((o) => drop.has(o.scriptId));
    const next: PackRow = {
      id,
      pack: incoming,
      priority: row?.priority ?? (await topPriority(db)),
      active: row?.active ?? true,
      source: opts.source ?? (row?.source === 'user' ? 'user' : 'import'),
      installedAt: opts.now ?? Date.now(),
      previousState: row
        ? { existed: true, installedAt: row.installedAt, source: row.source, overrides: dropped }
        : { existed: false, overrides: dropped },
    };
    if (row) next.previous = row.pack;
    await db.packs.put(next);
    if (dropped.length) await db.overrides.bulkDelete(dropped.map((o) => [o.packId, o.scriptId] as [string, string]));
    return { changed: true, preview };
  });
}

export function canRollback(row: PackRow): boolean {
  return !!row.previous || row.previousState?.existed === false;
}

/**
 * Undo the last import of a pack: the previous copy comes back (or the pack goes, if that import
 * installed it) with the agent's edits the import had dropped. One step only.
 */
export async function rollbackPack(db: HuashuDB, packId: string): Promise<boolean> {
  return db.transaction('rw', db.packs, db.overrides, async () => {
    const row = await db.packs.get(packId);
    if (!row || !canRollback(row)) return false;
    const state = row.previousState;
    if (row.previous) {
      const restored: PackRow = {
        id: row.id,
        pack: row.previous,
        priority: row.priority,
        active: row.active,
        source: state?.source ?? row.source,
        installedAt: state?.installedAt ?? row.installedAt,
      };
      await db.packs.put(restored);
    } else {
      await db.packs.delete(packId);
    }
    if (state?.overrides.length) await db.overrides.bulkPut(state.overrides as OverrideRow[]);
    return true;
  });
}

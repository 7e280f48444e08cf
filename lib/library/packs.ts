/**
 * The installed script library: packs in Dexie, ordered by priority, with the agent's own edits
 * (overrides) applied on top. Pure functions over a HuashuDB so tests pass their own database.
 */
import type { HuashuDB } from '../db/db';
import type { OverrideRow, PackRow } from '../db/schema';
import type { Pack } from '../pack/schema';

/** Apply the agent's override layer to a pack: edited scripts replace, null deletes, new ids append. */
export function applyOverrides(pack: Pack, overrides: OverrideRow[]): Pack {
  if (!overrides.length) return pack;
  const byId = new Map(overrides.map((o) => [o.scriptId, o]));
  const scripts = [];
  for (const s of pack.scripts) {
    const o = byId.get(s.id);
    if (!o) scripts.push(s);
    else if (o.script) scripts.push(o.script);
    byId.delete(s.id);
  }
  for (const o of byId.values()) if (o.script) scripts.push(o.script);
  return { ...pack, scripts };
}

/** Active packs, highest priority first, with overrides applied. */
export async function loadActivePacks(db: HuashuDB): Promise<Pack[]> {
  return db.transaction('r', db.packs, db.overrides, async () => {
    const rows = (await db.packs.orderBy('priority').toArray()).filter((r) => r.active);
    const out: Pack[] = [];
    for (const row of rows)
      out.push(applyOverrides(row.pack, await db.overrides.where('packId').equals(row.id).toArray()));
    return out;
  });
}

/** Whether the bundled default pack was installed once; kept apart from the packs so that removing it sticks. */
export interface FirstRunFlag {
  get(): Promise<boolean>;
  set(value: boolean): Promise<void>;
}

/**
 * First run (or after "delete all data"): install the bundled default pack. With a flag, this happens once:
 * an agent who removed the default pack does not get it back at the next browser start. Without a flag (or
 * before the flag existed, on an upgrade) a library with any pack counts as set up.
 */
export async function ensureDefaultPack(
  db: HuashuDB,
  load: () => Promise<Pack>,
  flag?: FirstRunFlag,
): Promise<boolean> {
  if (flag && (await flag.get())) return false;
  const count = await db.packs.count();
  if (count > 0) {
    await flag?.set(true);
    return false;
  }
  const pack = await load();
  await db.packs.put({
    id: pack.pack.id,
    pack,
    priority: 100,
    active: true,
    source: 'default',
    installedAt: Date.now(),
  });
  await flag?.set(true);
  return true;
}

/** Every installed pack (active or not), highest priority first, with the agent's edits applied. */
export async function loadAllPacks(db: HuashuDB): Promise<{ row: PackRow; pack: Pack }[]> {
  return db.transaction('r', db.packs, db.overrides, async () => {
    const rows = await db.packs.orderBy('priority').toArray();
    const overrides = await db.overrides.toArray();
    return rows.map((row) => ({
      row,
      pack: applyOverrides(
        row.pack,
        overrides.filter((o) => o.packId === row.id),
      ),
    }));
  });
}

/** One pack with the agent's edits applied (what "Export" writes), or undefined. */
export async function loadEffectivePack(db: HuashuDB, packId: string): Promise<Pack | undefined> {
  return db.transaction('r', db.packs, db.overrides, async () => {
    const row = await db.packs.get(packId);
    if (!row) return undefined;
    return applyOverrides(row.pack, await db.overrides.where('packId').equals(packId).toArray());
  });
}

export async function setPackActive(db: HuashuDB, packId: string, active: boolean): Promise<void> {
  await db.packs.update(packId, { active });
}

/**
 * Move a pack up (-1) or down (+1) in the priority order. Priorities are renumbered 10, 20, 30… so that
 * equal numbers (two imports at the same moment) cannot make the order ambiguous.
 */
export async function movePack(db: HuashuDB, packId: string, delta: -1 | 1): Promise<void> {
  await db.transaction('rw', db.packs, async () => {
    const rows = await db.packs.orderBy('priority').toArray();
    const i = rows.findIndex((r) => r.id === packId);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= rows.length) return;
    [rows[i], rows[j]] = [rows[j], rows[i]];
    await Promise.all(rows.map((r, k) => db.packs.update(r.id, { priority: (k + 1) * 10 })));
  });
}

/** Remove a pack and the agent's edits of it. */
export async function deletePack(db: HuashuDB, packId: string): Promise<void> {
  await db.transaction('rw', db.packs, db.overrides, async () => {
    await db.packs.delete(packId);
    await db.overrides.where('packId').equals(packId).delete();
  });
}

/** A new empty pack of the agent's own ("my scripts"), above the others. Returns its id. */
export async function createPersonalPack(db: HuashuDB, name: string, now = Date.now()): Promise<string> {
  return db.transaction('rw', db.packs, async () => {
    let id = 'personal';
    for (let n = 2; await db.packs.get(id); n++) id = `personal-${n}`;
    const first = await db.packs.orderBy('priority').first();
    await db.packs.add({
      id,
      pack: {
        format: 'huashu.pack',
        version: 1,
        pack: { id, name, locale: 'zh-CN' },
        synonyms: [],
        featured: [],
        consoles: [],
        scripts: [],
      },
      priority: first ? first.priority - 10 : 100,
      active: true,
      source: 'user',
      installedAt: now,
    });
    return id;
  });
}

/**
 * The installed script library: packs in Dexie, ordered by priority, with the agent's own edits
 * (overrides) applied on top. Pure functions over a HuashuDB so tests pass their own database.
 */
import type { HuashuDB } from '../db/db';
import type { OverrideRow } from '../db/schema';
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

/** First run: install the bundled default pack unless a pack with its id exists. */
export async function ensureDefaultPack(db: HuashuDB, load: () => Promise<Pack>): Promise<boolean> {
  const count = await db.packs.count();
  if (count > 0) return false;
  const pack = await load();
  await db.packs.put({
    id: pack.pack.id,
    pack,
    priority: 100,
    active: true,
    source: 'default',
    installedAt: Date.now(),
  });
  return true;
}

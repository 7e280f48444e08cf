/** Options › Data: everything Huashu keeps, as one JSON file, and "delete all". */
import type { HuashuDB } from '../db/db';

export interface Backup {
  format: 'huashu.backup';
  version: 1;
  exportedAt: string;
  settings: unknown;
  tables: Record<string, unknown[]>;
}

/** Every table of the database (read in one transaction, so the file is consistent) plus the settings. */
export async function exportAll(db: HuashuDB, settings: unknown, now = new Date()): Promise<string> {
  const tables = await db.transaction('r', db.tables, async () => {
    const out: Record<string, unknown[]> = {};
    for (const table of db.tables) out[table.name] = await table.toArray();
    return out;
  });
  const backup: Backup = { format: 'huashu.backup', version: 1, exportedAt: now.toISOString(), settings, tables };
  return JSON.stringify(backup, null, 2) + '\n';
}

/** Empty every table in one transaction. */
export async function deleteAll(db: HuashuDB): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}

/**
 * Everything the side panel asks of the library that touches whole packs — importing, listing, export,
 * rollback, ordering — behind one interface, so the panel can run it in a Web Worker: reading a
 * 10,000-script pack back from IndexedDB costs as much as parsing it.
 */
import type { HuashuDB } from '../db/db';
import { exportCsv, exportPack, mergePacks } from '../pack/export';
import type { Featured } from '../pack/schema';
import { saveFeatured, type SaveResult } from './featured';
import { canRollback, rollbackPack } from './import';
import { createImportSession, type ImportProgress, type ImportSession } from './import-session';
import { createPersonalPack, deletePack, loadAllPacks, movePack, setPackActive } from './packs';

export interface PackSummary {
  id: string;
  name: string;
  source: 'default' | 'import' | 'user';
  active: boolean;
  priority: number;
  installedAt: number;
  /** Scripts as the agent sees them (their edits applied). */
  scripts: number;
  /** The agent's own edits of this pack. */
  edits: number;
  canRollback: boolean;
  /** Script count of the copy a rollback restores. */
  previousScripts?: number;
}

export type ExportFormat = 'json' | 'csv';

export interface LibraryService extends ImportSession {
  summaries(): Promise<PackSummary[]>;
  /** One pack (with the agent's edits), or with `packId` null every active pack merged. */
  exportText(packId: string | null, format: ExportFormat, libraryName: string): Promise<string>;
  /** The same as an Excel workbook (.xlsx) in the CSV's column layout. */
  exportXlsx(packId: string | null, libraryName: string): Promise<ArrayBuffer>;
  rollback(packId: string): Promise<boolean>;
  remove(packId: string): Promise<void>;
  move(packId: string, delta: -1 | 1): Promise<void>;
  setActive(packId: string, active: boolean): Promise<void>;
  createPersonal(name: string): Promise<string>;
  /** The pack's featured products (the featured editor reads just these). */
  featured(packId: string): Promise<Featured[]>;
  saveFeatured(packId: string, featured: unknown[]): Promise<SaveResult>;
}

export function createLibraryService(db: HuashuDB, onProgress?: (p: ImportProgress) => void): LibraryService {
  async function packToExport(packId: string | null, libraryName: string) {
    const all = await loadAllPacks(db);
    const pack =
      packId === null
        ? mergePacks(
            all.filter((p) => p.row.active).map((p) => p.pack),
            { id: 'huashu-library', name: libraryName },
          )
        : all.find((p) => p.row.id === packId)?.pack;
    if (!pack) throw new Error(`pack "${packId}" is not installed`);
    return pack;
  }
  return {
    ...createImportSession(db, onProgress),
    async summaries() {
      const overrides = await db.overrides.toArray();
      return (await loadAllPacks(db)).map(({ row, pack }) => ({
        id: row.id,
        name: pack.pack.name,
        source: row.source,
        active: row.active,
        priority: row.priority,
        installedAt: row.installedAt,
        scripts: pack.scripts.length,
        edits: overrides.filter((o) => o.packId === row.id).length,
        canRollback: canRollback(row),
        ...(row.previous ? { previousScripts: row.previous.scripts.length } : {}),
      }));
    },
    async exportText(packId, format, libraryName) {
      const pack = await packToExport(packId, libraryName);
      return format === 'json' ? exportPack(pack) : exportCsv(pack);
    },
    async exportXlsx(packId, libraryName) {
      const pack = await packToExport(packId, libraryName);
      // Loaded on demand, like the workbook reader (see import-session.ts).
      const { exportXlsx } = await import('../pack/xlsx-export');
      return exportXlsx(pack);
    },
    rollback: (packId) => rollbackPack(db, packId),
    remove: (packId) => deletePack(db, packId),
    move: (packId, delta) => movePack(db, packId, delta),
    setActive: (packId, active) => setPackActive(db, packId, active),
    createPersonal: (name) => createPersonalPack(db, name),
    featured: async (packId) => (await db.packs.get(packId))?.pack.featured ?? [],
    saveFeatured: (packId, featured) => saveFeatured(db, packId, featured),
  };
}

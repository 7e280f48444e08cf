/** Installed packs: priority order, active switch, export (JSON / CSV), one-step rollback, delete. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '@/lib/db/db';
import { t, type MessageKey } from '@/lib/i18n';
import { canRollback, rollbackPack } from '@/lib/library/import';
import { createPersonalPack, deletePack, loadAllPacks, movePack, setPackActive } from '@/lib/library/packs';
import { exportCsv, exportPack, mergePacks } from '@/lib/pack/export';
import type { Pack } from '@/lib/pack/schema';
import { downloadText, safeFileName } from './download';
import { notifyLibraryChanged } from './notify';

const jsonName = (id: string) => `${safeFileName(id)}.huashu-pack.json`;
const csvName = (id: string) => `${safeFileName(id)}.csv`;

export function PackList() {
  const packs = useLiveQuery(() => loadAllPacks(db), []);
  const overrides = useLiveQuery(() => db.overrides.toArray(), []);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  const change = async (fn: () => Promise<unknown>) => {
    await fn();
    await notifyLibraryChanged();
  };
  const activeLibrary = (): Pack =>
    mergePacks(
      (packs ?? []).filter((p) => p.row.active).map((p) => p.pack),
      { id: 'huashu-library', name: t('libActiveLibraryName') },
    );

  if (!packs) return null;
  return (
    <section className="hs-card" data-testid="pack-section">
      <h3>{t('libPacksTitle')}</h3>
      {packs.length === 0 && <p className="hs-muted">{t('libNoPacks')}</p>}
      <ol className="hs-packs" data-testid="pack-list">
        {packs.map(({ row, pack }, i) => {
          const edits = overrides?.filter((o) => o.packId === row.id).length ?? 0;
          return (
            <li key={row.id} data-testid={`pack-${row.id}`} data-active={row.active} data-scripts={pack.scripts.length}>
              <div className="hs-pack-head">
                <label>
                  <input
                    type="checkbox"
                    checked={row.active}
                    data-testid={`pack-active-${row.id}`}
                    onChange={(e) => change(() => setPackActive(db, row.id, e.target.checked))}
                  />
                  <b>{pack.pack.name}</b>
                </label>
                <span className="hs-muted">
                  <code>{row.id}</code> · {t(`libSource_${row.source}` as MessageKey)} ·{' '}
                  {t('libScriptCount', pack.scripts.length)}
                  {edits > 0 && ` · ${t('libEditCount', edits)}`}
                </span>
              </div>
              <div className="hs-actions hs-small">
                <button
                  disabled={i === 0}
                  title={t('libMoveUp')}
                  aria-label={t('libMoveUp')}
                  data-testid={`pack-up-${row.id}`}
                  onClick={() => change(() => movePack(db, row.id, -1))}
                >
                  ↑
                </button>
                <button
                  disabled={i === packs.length - 1}
                  title={t('libMoveDown')}
                  aria-label={t('libMoveDown')}
                  data-testid={`pack-down-${row.id}`}
                  onClick={() => change(() => movePack(db, row.id, 1))}
                >
                  ↓
                </button>
                <button
                  data-testid={`pack-export-${row.id}`}
                  onClick={() => downloadText(jsonName(row.id), exportPack(pack))}
                >
                  {t('libExportJson')}
                </button>
                <button
                  data-testid={`pack-export-csv-${row.id}`}
                  onClick={() => downloadText(csvName(row.id), exportCsv(pack), 'text/csv')}
                >
                  CSV
                </button>
                <button
                  disabled={!canRollback(row)}
                  data-testid={`pack-rollback-${row.id}`}
                  title={row.previous ? t('libRollbackTo', row.previous.scripts.length) : t('libRollbackRemove')}
                  onClick={() => change(() => rollbackPack(db, row.id))}
                >
                  {t('libRollback')}
                </button>
                {confirmDelete === row.id ? (
                  <button
                    className="hs-danger"
                    data-testid={`pack-delete-confirm-${row.id}`}
                    onClick={() => change(() => deletePack(db, row.id)).then(() => setConfirmDelete(null))}
                  >
                    {t('libDeleteConfirm')}
                  </button>
                ) : (
                  <button data-testid={`pack-delete-${row.id}`} onClick={() => setConfirmDelete(row.id)}>
                    {t('libDelete')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <div className="hs-actions">
        <button
          data-testid="library-export"
          disabled={!packs.some((p) => p.row.active)}
          onClick={() => downloadText(jsonName('huashu-library'), exportPack(activeLibrary()))}
        >
          {t('libExportLibrary')}
        </button>
        <button
          data-testid="library-export-csv"
          disabled={!packs.some((p) => p.row.active)}
          onClick={() => downloadText(csvName('huashu-library'), exportCsv(activeLibrary()), 'text/csv')}
        >
          {t('libExportLibraryCsv')}
        </button>
        <button
          data-testid="pack-new-personal"
          onClick={() => change(() => createPersonalPack(db, t('libPersonalPackName')))}
        >
          {t('libNewPersonalPack')}
        </button>
      </div>
    </section>
  );
}

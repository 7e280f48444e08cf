/**
 * Installed packs: priority order, active switch, export (JSON / CSV / Excel), one-step rollback, delete. The
 * list and every action go through the library worker; the page only ever holds the summaries.
 */
import { useCallback, useEffect, useState } from 'react';
import { t, type MessageKey } from '@/lib/i18n';
import type { ExportFormat, PackSummary } from '@/lib/library/service';
import { downloadBlob, downloadText, safeFileName, XLSX_TYPE } from '../shared/download';
import { libraryClient, type LibraryClient } from './library-client';
import { notifyLibraryChanged } from './notify';
import { useLibraryVersion } from './useLibraryVersion';

const fileName = (id: string, format: ExportFormat) =>
  `${safeFileName(id)}.${format === 'json' ? 'huashu-pack.json' : 'csv'}`;

export function PackList({ client = libraryClient() }: { client?: LibraryClient }) {
  const version = useLibraryVersion();
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [error, setError] = useState('');

  const refresh = useCallback(() => client.summaries().then(setPacks, (e: Error) => setError(e.message)), [client]);
  useEffect(() => {
    void refresh();
  }, [refresh, version]);

  const change = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await notifyLibraryChanged();
    } catch (e) {
      setError((e as Error).message);
    }
    await refresh();
  };
  const download = async (packId: string | null, format: ExportFormat) => {
    try {
      const text = await client.exportText(packId, format, t('libActiveLibraryName'));
      downloadText(
        fileName(packId ?? 'huashu-library', format),
        text,
        format === 'json' ? 'application/json' : 'text/csv',
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const downloadXlsx = async (packId: string | null) => {
    try {
      const bytes = await client.exportXlsx(packId, t('libActiveLibraryName'));
      downloadBlob(`${safeFileName(packId ?? 'huashu-library')}.xlsx`, new Blob([bytes], { type: XLSX_TYPE }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!packs) return null;
  const anyActive = packs.some((p) => p.active);
  return (
    <section className="hs-card" data-testid="pack-section">
      <h3>{t('libPacksTitle')}</h3>
      {packs.length === 0 && <p className="hs-muted">{t('libNoPacks')}</p>}
      {error && (
        <p role="alert" className="hs-errors">
          {error}
        </p>
      )}
      <ol className="hs-packs" data-testid="pack-list">
        {packs.map((p, i) => (
          <li key={p.id} data-testid={`pack-${p.id}`} data-active={p.active} data-scripts={p.scripts}>
            <div className="hs-pack-head">
              <label>
                <input
                  type="checkbox"
                  checked={p.active}
                  data-testid={`pack-active-${p.id}`}
                  onChange={(e) => change(() => client.setActive(p.id, e.target.checked))}
                />
                <b>{p.name}</b>
              </label>
              <span className="hs-muted">
                <code>{p.id}</code> · {t(`libSource_${p.source}` as MessageKey)} · {t('libScriptCount', p.scripts)}
                {p.edits > 0 && ` · ${t('libEditCount', p.edits)}`}
              </span>
            </div>
            <div className="hs-actions hs-small">
              <button
                disabled={i === 0}
                title={t('libMoveUp')}
                aria-label={t('libMoveUp')}
                data-testid={`pack-up-${p.id}`}
                onClick={() => change(() => client.move(p.id, -1))}
              >
                ↑
              </button>
              <button
                disabled={i === packs.length - 1}
                title={t('libMoveDown')}
                aria-label={t('libMoveDown')}
                data-testid={`pack-down-${p.id}`}
                onClick={() => change(() => client.move(p.id, 1))}
              >
                ↓
              </button>
              <button data-testid={`pack-export-${p.id}`} onClick={() => download(p.id, 'json')}>
                {t('libExportJson')}
              </button>
              <button data-testid={`pack-export-csv-${p.id}`} onClick={() => download(p.id, 'csv')}>
                CSV
              </button>
              <button data-testid={`pack-export-xlsx-${p.id}`} onClick={() => downloadXlsx(p.id)}>
                Excel
              </button>
              <button
                disabled={!p.canRollback}
                data-testid={`pack-rollback-${p.id}`}
                title={p.previousScripts === undefined ? t('libRollbackRemove') : t('libRollbackTo', p.previousScripts)}
                onClick={() => change(() => client.rollback(p.id))}
              >
                {t('libRollback')}
              </button>
              {confirmDelete === p.id ? (
                <button
                  className="hs-danger"
                  data-testid={`pack-delete-confirm-${p.id}`}
                  onClick={() => change(() => client.remove(p.id)).then(() => setConfirmDelete(null))}
                >
                  {t('libDeleteConfirm')}
                </button>
              ) : (
                <button data-testid={`pack-delete-${p.id}`} onClick={() => setConfirmDelete(p.id)}>
                  {t('libDelete')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      <div className="hs-actions">
        <button data-testid="library-export" disabled={!anyActive} onClick={() => download(null, 'json')}>
          {t('libExportLibrary')}
        </button>
        <button data-testid="library-export-csv" disabled={!anyActive} onClick={() => download(null, 'csv')}>
          {t('libExportLibraryCsv')}
        </button>
        <button data-testid="library-export-xlsx" disabled={!anyActive} onClick={() => downloadXlsx(null)}>
          {t('libExportLibraryXlsx')}
        </button>
        <button
          data-testid="pack-new-personal"
          onClick={() => change(() => client.createPersonal(t('libPersonalPackName')))}
        >
          {t('libNewPersonalPack')}
        </button>
      </div>
    </section>
  );
}

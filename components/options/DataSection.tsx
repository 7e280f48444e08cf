/** Options › Data: export everything as one JSON file; delete everything after typing a confirmation word. */
import { useState } from 'react';
import { collapsedSitesItem } from '@/components/card/collapsed';
import { notifyLibraryChanged } from '@/components/library/notify';
import { downloadText } from '@/components/shared/download';
import { db } from '@/lib/db/db';
import { t } from '@/lib/i18n';
import { deleteAll, exportAll } from '@/lib/library/backup';
import { defaultPackInstalledItem, getSettings, settingsItem } from '@/lib/settings';

export function DataSection() {
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [done, setDone] = useState(false);
  const word = t('optDeleteWord');

  async function exportData() {
    const text = await exportAll(db, await getSettings());
    downloadText(`huashu-backup-${new Date().toISOString().slice(0, 10)}.json`, text);
  }

  async function wipe() {
    await deleteAll(db);
    await settingsItem.removeValue();
    await defaultPackInstalledItem.removeValue();
    await collapsedSitesItem.removeValue();
    await notifyLibraryChanged();
    setAsking(false);
    setTyped('');
    setDone(true);
  }

  return (
    <section className="hs-card" data-testid="options-data">
      <h3>{t('optData')}</h3>
      <p className="hs-muted">{t('optDataHelp')}</p>
      <div className="hs-actions">
        <button onClick={exportData} data-testid="opt-export-all">
          {t('optExportAll')}
        </button>
        <button className="hs-danger" onClick={() => setAsking(true)} data-testid="opt-delete-all">
          {t('optDeleteAll')}
        </button>
      </div>
      {asking && (
        <div className="hs-errors" role="alertdialog" data-testid="opt-delete-dialog">
          <p>{t('optDeleteWarning', word)}</p>
          <div className="hs-actions">
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              data-testid="opt-delete-word"
              aria-label={t('optDeleteWarning', word)}
            />
            <button
              className="hs-danger"
              disabled={typed.trim() !== word}
              onClick={wipe}
              data-testid="opt-delete-confirm"
            >
              {t('optDeleteAll')}
            </button>
            <button onClick={() => setAsking(false)}>{t('libCancel')}</button>
          </div>
        </div>
      )}
      {done && (
        <p role="status" data-testid="opt-deleted">
          {t('optDeleted')}
        </p>
      )}
    </section>
  );
}

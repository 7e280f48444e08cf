/**
 * Export the promise log (CSV / Markdown by day for the shift handover; JSON backup of promises and
 * feedback) and re-import a backup without duplicates.
 */
import { useState } from 'react';
import type { HuashuDB } from '@/lib/db/db';
import { t } from '@/lib/i18n';
import {
  importBackup,
  makeBackup,
  parseBackup,
  promisesForDay,
  promisesToCsv,
  promisesToMarkdown,
} from '@/lib/promises/export';
import { civilDateOf, isoDay } from '@/lib/time/civil';
import { JsonFileButton } from '../shared/JsonFileButton';
import { downloadText } from '../shared/download';

interface Props {
  db: HuashuDB;
  timeZone: string;
  onError(e: unknown): void;
}

export function ExportBar({ db, timeZone, onError }: Props) {
  const [scope, setScope] = useState<'today' | 'all'>('today');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  // Computed when a button is pressed: "today" is the agent's day at that moment.
  const current = async () => {
    const today = isoDay(civilDateOf(Date.now(), timeZone));
    // Undone promises are not part of a handover (they stay listed in the tab, restorable).
    const rows = (await db.promises.toArray()).filter((p) => p.status !== 'deleted');
    return {
      today,
      rows: scope === 'today' ? promisesForDay(rows, today, timeZone) : rows,
      suffix: scope === 'today' ? today : `all-${today}`,
      labels: {
        title: `${t('promisesMdTitle')} ${scope === 'today' ? today : ''}`.trim(),
        open: t('mdOpen'),
        done: t('mdDone'),
        buyer: t('labelBuyer'),
        order: t('labelOrder'),
        due: t('labelDue'),
        notes: t('labelNote'),
      },
    };
  };

  async function onImport(f: File) {
    const parsed = parseBackup(await f.text());
    if (!parsed.ok) {
      setMessage({ ok: false, text: t('importFailed', parsed.error) });
      return;
    }
    try {
      const r = await importBackup(db, parsed.backup);
      const sum = (k: 'added' | 'updated' | 'unchanged') => r.promises[k] + r.feedback[k];
      setMessage({ ok: true, text: t('importDone', sum('added'), sum('updated'), sum('unchanged')) });
    } catch (e) {
      setMessage({ ok: false, text: t('importFailed', e instanceof Error ? e.message : String(e)) });
      onError(e);
    }
  }

  return (
    <div className="hs-export" data-testid="export-bar">
      <select data-testid="export-scope" value={scope} onChange={(e) => setScope(e.target.value as 'today' | 'all')}>
        <option value="today">{t('exportScopeToday')}</option>
        <option value="all">{t('exportScopeAll')}</option>
      </select>
      <button
        data-testid="export-csv"
        onClick={() =>
          void current()
            .then((c) => downloadText(`huashu-promises-${c.suffix}.csv`, promisesToCsv(c.rows, timeZone), 'text/csv'))
            .catch(onError)
        }
      >
        {t('exportCsv')}
      </button>
      <button
        data-testid="export-md"
        onClick={() =>
          void current()
            .then((c) =>
              downloadText(
                `huashu-promises-${c.suffix}.md`,
                promisesToMarkdown(c.rows, timeZone, c.labels),
                'text/markdown',
              ),
            )
            .catch(onError)
        }
      >
        {t('exportMd')}
      </button>
      <button
        data-testid="export-json"
        onClick={() =>
          void Promise.all([db.promises.toArray(), db.feedback.toArray(), current()])
            .then(([promises, feedback, c]) =>
              downloadText(
                `huashu-backup-${c.today}.json`,
                JSON.stringify(makeBackup(promises, feedback, Date.now()), null, 1),
                'application/json',
              ),
            )
            .catch(onError)
        }
      >
        {t('exportJson')}
      </button>
      <JsonFileButton
        label={t('importJson')}
        buttonTestId="import-json"
        inputTestId="import-file"
        onFiles={([f]) => void onImport(f)}
      />
      {message && (
        <p className={message.ok ? 'hs-ok' : 'hs-error'} data-testid="import-result" role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}

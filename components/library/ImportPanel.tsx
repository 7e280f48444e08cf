/**
 * Import a `huashu.pack` JSON or a quick-phrase spreadsheet (CSV, or an .xlsx workbook with a sheet picker):
 * file → (column mapping) → preview → Apply.
 * The work runs in a Web Worker (library-client.ts); nothing installed changes before Apply succeeds.
 * A subscription's waiting update comes in as an `offer` and takes the same path from its bytes on.
 */
import { useEffect, useRef, useState } from 'react';
import { getLocale, t, type MessageKey } from '@/lib/i18n';
import type { ApplyOutcome, ImportProgress, LoadResult } from '@/lib/library/import-session';
import type { CsvMapping } from '@/lib/pack/csv';
import type { Resolution } from '@/lib/pack/merge';
import { problemText } from '@/lib/pack/problem-text';
import { CsvMappingView } from './CsvMappingView';
import { libraryClient, type LibraryClient } from './library-client';
import { notifyLibraryChanged } from './notify';
import { PreviewView } from './PreviewView';

type Stage =
  | { at: 'idle' }
  | { at: 'busy' }
  | { at: 'errors'; errors: string[]; warnings: string[] }
  | { at: 'csv'; table: Extract<LoadResult, { kind: 'csv' }>; errors: string[] }
  | { at: 'preview'; result: Extract<LoadResult, { kind: 'preview' }> }
  | { at: 'done'; packId: string; changed: boolean };

/**
 * A file that did not come from the file picker (a subscription's update): previewed and applied the same way.
 * Render the panel with `key={offer.key}`: it loads its offer when it mounts.
 */
export interface ImportOffer {
  key: string;
  name: string;
  bytes: () => Promise<ArrayBuffer>;
  onApplied?: (outcome: ApplyOutcome) => void;
}

export function ImportPanel({
  client = libraryClient(),
  offer = null,
}: {
  client?: LibraryClient;
  offer?: ImportOffer | null;
}) {
  const [stage, setStage] = useState<Stage>(offer ? { at: 'busy' } : { at: 'idle' });
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [resolutions, setResolutions] = useState<Record<string, Resolution>>({});
  const [fileName, setFileName] = useState(offer?.name ?? '');
  const csvStage = useRef<Extract<Stage, { at: 'csv' }> | null>(null);
  const applied = useRef<ImportOffer['onApplied']>(offer?.onApplied);

  useEffect(() => client.onProgress(setProgress), [client]);

  const show = (r: LoadResult) => {
    setProgress(null);
    if (r.kind === 'errors') {
      if (csvStage.current) setStage({ ...csvStage.current, errors: r.errors });
      else setStage({ at: 'errors', errors: r.errors, warnings: r.warnings });
    } else if (r.kind === 'csv') {
      csvStage.current = { at: 'csv', table: r, errors: [] };
      setStage(csvStage.current);
    } else {
      setResolutions({});
      setStage({ at: 'preview', result: r });
    }
  };
  const fail = (e: unknown) => {
    setProgress(null);
    setStage({ at: 'errors', errors: [e instanceof Error ? e.message : String(e)], warnings: [] });
  };

  async function onFile(file: File) {
    csvStage.current = null;
    applied.current = undefined;
    setFileName(file.name);
    setStage({ at: 'busy' });
    try {
      show(await client.load(await file.arrayBuffer(), file.name));
    } catch (e) {
      fail(e);
    }
  }

  // An offer is loaded once: the tab gives each offer its own key, so a new one mounts a new panel.
  useEffect(() => {
    if (!offer) return;
    let live = true;
    offer
      .bytes()
      .then((bytes) => client.load(bytes, offer.name))
      .then(
        (r) => live && show(r),
        (e: unknown) => live && fail(e),
      );
    return () => {
      live = false;
    };
  }, [offer, client]);

  async function onMapping(mapping: CsvMapping, hasHeader: boolean, pack: { id: string; name: string }) {
    setStage({ at: 'busy' });
    try {
      show(await client.buildCsv(mapping, hasHeader, pack));
    } catch (e) {
      fail(e);
    }
  }

  async function onSheet(index: number) {
    setStage({ at: 'busy' });
    try {
      show(await client.selectSheet(index));
    } catch (e) {
      fail(e);
    }
  }

  async function onApply() {
    setStage({ at: 'busy' });
    try {
      const r = await client.apply(resolutions);
      await notifyLibraryChanged();
      applied.current?.(r);
      applied.current = undefined;
      csvStage.current = null;
      setProgress(null);
      setStage({ at: 'done', packId: r.packId, changed: r.changed });
    } catch (e) {
      fail(e);
    }
  }

  const cancel = () => {
    csvStage.current = null;
    applied.current = undefined;
    setStage({ at: 'idle' });
  };

  return (
    <section className="hs-card" data-testid="pack-import" data-import-mode={client.mode}>
      <h3>{t('libImportTitle')}</h3>
      <label className="hs-file">
        <span>{t('libImportChoose')}</span>
        <input
          type="file"
          accept=".json,.pack,.csv,.tsv,.txt,.xlsx,.xlsm,.xls,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="pack-import-input"
          disabled={stage.at === 'busy'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void onFile(file);
          }}
        />
      </label>
      {fileName && stage.at !== 'idle' && <p className="hs-muted">{fileName}</p>}

      {stage.at === 'busy' && (
        <div data-testid="pack-import-progress" role="status">
          <progress max={1} value={progress?.fraction ?? undefined} />{' '}
          {progress ? t(`libStep_${progress.step}` as MessageKey) : t('libStep_read')}
        </div>
      )}

      {(stage.at === 'errors' || (stage.at === 'csv' && stage.errors.length > 0)) && (
        <div role="alert" className="hs-errors" data-testid="pack-import-errors">
          <p>{t('libImportErrors', stage.errors.length)}</p>
          <ul>
            {stage.errors.map((e, i) => (
              <li key={i}>{problemText(e, getLocale())}</li>
            ))}
          </ul>
        </div>
      )}
      {stage.at === 'errors' && stage.warnings.length > 0 && <Warnings warnings={stage.warnings} />}

      {stage.at === 'csv' && (
        <CsvMappingView
          key={stage.table.sheet ?? 0}
          table={stage.table}
          busy={false}
          onConfirm={onMapping}
          onCancel={cancel}
          onSheet={onSheet}
        />
      )}

      {stage.at === 'preview' && (
        <>
          <PreviewView
            preview={stage.result.preview}
            resolutions={resolutions}
            onResolve={(id, r) => setResolutions((x) => ({ ...x, [id]: r }))}
          />
          {stage.result.warnings.length > 0 && <Warnings warnings={stage.result.warnings} />}
          <div className="hs-actions">
            <button
              className="hs-primary"
              data-testid="pack-import-confirm"
              disabled={stage.result.preview.identical}
              onClick={onApply}
            >
              {t('libApply')}
            </button>
            <button onClick={cancel} data-testid="pack-import-cancel">
              {t('libCancel')}
            </button>
          </div>
        </>
      )}

      {stage.at === 'done' && (
        <p className="hs-note" role="status" data-testid="pack-import-done" data-pack-id={stage.packId}>
          {t(stage.changed ? 'libImportDone' : 'libImportNoChange', stage.packId)}
        </p>
      )}
    </section>
  );
}

function Warnings({ warnings }: { warnings: string[] }) {
  return (
    <details className="hs-warnings" data-testid="pack-import-warnings">
      <summary>{t('libWarnings', warnings.length)}</summary>
      <ul>
        {warnings.slice(0, 200).map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </details>
  );
}

/** Confirm which spreadsheet column is the group, code, question, answer and tone before building scripts. */
import { useState } from 'react';
import { t, type MessageKey } from '@/lib/i18n';
import type { LoadResult } from '@/lib/library/import-session';
import { CSV_ROLES, type CsvMapping } from '@/lib/pack/csv';
import { clip } from './format';

type CsvLoad = Extract<LoadResult, { kind: 'csv' }>;

interface Props {
  table: CsvLoad;
  busy: boolean;
  onConfirm: (mapping: CsvMapping, hasHeader: boolean, pack: { id: string; name: string }) => void;
  onCancel: () => void;
  /** Workbooks: show another sheet (the parent reloads the table; give this view a new `key`). */
  onSheet?: (index: number) => void;
}

export function CsvMappingView({ table, busy, onConfirm, onCancel, onSheet }: Props) {
  const [mapping, setMapping] = useState<CsvMapping>(table.mapping);
  const [hasHeader, setHasHeader] = useState(table.hasHeader);
  const [packId, setPackId] = useState(table.pack.id);
  const [packName, setPackName] = useState(table.pack.name);
  const columns = table.headers.map((h, i) =>
    hasHeader ? (table.firstRow[i] ?? '').trim() || h : t('libColumn', i + 1),
  );
  const sample = (
    hasHeader === table.hasHeader ? table.sample : hasHeader ? table.sample.slice(1) : [table.firstRow, ...table.sample]
  ).slice(0, 5);
  const roleOf = (i: number) => CSV_ROLES.find((r) => mapping[r] === i);

  return (
    <div className="hs-csv" data-testid="csv-mapping">
      {table.format === 'xlsx' && table.sheets ? (
        <>
          <p data-testid="csv-encoding" data-encoding="xlsx">
            {t('libXlsxInfo', table.sheets[table.sheet ?? 0]?.name ?? '', table.rowCount)}
          </p>
          <label>
            {t('libXlsxSheet')}{' '}
            <select
              value={table.sheet ?? 0}
              data-testid="xlsx-sheet"
              disabled={busy || table.sheets.length < 2}
              onChange={(e) => onSheet?.(Number(e.target.value))}
            >
              {table.sheets.map((s, i) => (
                <option key={i} value={i} disabled={!!s.problem} data-problem={s.problem}>
                  {s.problem ? `${clip(s.name, 30)} — ${s.problem}` : t('libXlsxSheetRows', clip(s.name, 30), s.rows)}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : (
        <p data-testid="csv-encoding" data-encoding={table.encoding}>
          {t('libCsvInfo', table.encoding.toUpperCase(), table.rowCount)}
        </p>
      )}
      <label>
        <input
          type="checkbox"
          checked={hasHeader}
          onChange={(e) => setHasHeader(e.target.checked)}
          data-testid="csv-has-header"
        />
        {t('libCsvHasHeader')}
      </label>
      <div className="hs-grid2">
        {CSV_ROLES.map((role) => (
          <label key={role}>
            {t(`libRole_${role}` as MessageKey)}
            <select
              value={mapping[role]}
              data-testid={`csv-map-${role}`}
              onChange={(e) => setMapping({ ...mapping, [role]: Number(e.target.value) })}
            >
              <option value={-1}>—</option>
              {columns.map((c, i) => (
                <option key={i} value={i}>
                  {clip(c, 30)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          {t('libPackId')}
          <input value={packId} onChange={(e) => setPackId(e.target.value)} data-testid="csv-pack-id" />
        </label>
        <label>
          {t('libPackName')}
          <input value={packName} onChange={(e) => setPackName(e.target.value)} data-testid="csv-pack-name" />
        </label>
      </div>
      <div className="hs-scroll-x">
        <table className="hs-table">
          <thead>
            <tr>
              {columns.map((c, i) => {
                const role = roleOf(i);
                return (
                  <th key={i}>
                    {clip(c, 20)}
                    {role && <div className="hs-role">{t(`libRole_${role}` as MessageKey)}</div>}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sample.map((row, r) => (
              <tr key={r}>
                {columns.map((_, i) => (
                  <td key={i}>{clip(row[i] ?? '', 40)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hs-muted">{t('libCsvHelp')}</p>
      <div className="hs-actions">
        <button
          className="hs-primary"
          disabled={busy}
          data-testid="csv-mapping-confirm"
          onClick={() => onConfirm(mapping, hasHeader, { id: packId.trim(), name: packName.trim() })}
        >
          {t('libContinue')}
        </button>
        <button onClick={onCancel} data-testid="pack-import-cancel">
          {t('libCancel')}
        </button>
      </div>
    </div>
  );
}

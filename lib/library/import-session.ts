/**
 * One file import, step by step: load (decode, parse, validate, compare with the installed copy) →
 * for spreadsheets, confirm the column mapping → preview → Apply. Runs inside a Web Worker in the
 * side panel (components/library/import-worker.ts) so a 10 MB file never freezes the panel, or inline
 * where workers do not exist (component tests).
 */
import type { HuashuDB } from '../db/db';
import {
  csvToPack,
  decodeText,
  detectMapping,
  guessMapping,
  packMetaFromFileName,
  readCsv,
  type CsvMapping,
  type Encoding,
} from '../pack/csv';
import { summarisePreview, type PreviewSummary, type Resolution } from '../pack/merge';
import { parsePack, type ParseResult } from '../pack/parse';
import { LIMITS, type Pack } from '../pack/schema';
import { applyPackImport, previewPackImport } from './import';

export type ImportStep = 'decode' | 'parse' | 'validate' | 'compare' | 'write';
export interface ImportProgress {
  step: ImportStep;
  /** 0..1 within the step. */
  fraction: number;
}

export type LoadResult =
  | { kind: 'preview'; preview: PreviewSummary; warnings: string[] }
  | { kind: 'errors'; errors: string[]; warnings: string[] }
  | {
      kind: 'csv';
      encoding: Encoding;
      /** Header cells, or "1", "2"… when the first row is data. */
      headers: string[];
      firstRow: string[];
      /** A few data rows to show next to the mapping. */
      sample: string[][];
      rowCount: number;
      mapping: CsvMapping;
      hasHeader: boolean;
      pack: { id: string; name: string };
    };

export interface ApplyOutcome {
  changed: boolean;
  packId: string;
}

export interface ImportSession {
  load(bytes: ArrayBuffer, fileName: string): Promise<LoadResult>;
  /** Spreadsheets only: turn the rows into a pack with the confirmed mapping, then preview it. */
  buildCsv(mapping: CsvMapping, hasHeader: boolean, pack: { id: string; name: string }): Promise<LoadResult>;
  apply(resolutions: Record<string, Resolution>): Promise<ApplyOutcome>;
}

const isCsvName = (name: string) => /\.(csv|tsv|txt)$/i.test(name);
const isJsonName = (name: string) => /\.(json|pack)$/i.test(name);

export function createImportSession(db: HuashuDB, onProgress: (p: ImportProgress) => void = () => {}): ImportSession {
  let pending: Pack | null = null;
  let rows: string[][] = [];
  let encoding: Encoding = 'utf-8';

  async function previewOf(parsed: ParseResult): Promise<LoadResult> {
    if (!parsed.ok) return { kind: 'errors', errors: parsed.errors, warnings: parsed.warnings };
    onProgress({ step: 'compare', fraction: 0 });
    pending = parsed.pack;
    const preview = summarisePreview(await previewPackImport(db, parsed.pack));
    onProgress({ step: 'compare', fraction: 1 });
    return { kind: 'preview', preview, warnings: parsed.warnings };
  }

  return {
    async load(bytes, fileName) {
      pending = null;
      rows = [];
      if (bytes.byteLength > LIMITS.fileBytes)
        return {
          kind: 'errors',
          errors: [`(file): ${(bytes.byteLength / 1048576).toFixed(1)} MB; at most ${LIMITS.fileBytes / 1048576} MB`],
          warnings: [],
        };
      onProgress({ step: 'decode', fraction: 0 });
      const decoded = decodeText(new Uint8Array(bytes));
      encoding = decoded.encoding;
      const text = decoded.text;
      onProgress({ step: 'decode', fraction: 1 });
      if (!text.trim()) return { kind: 'errors', errors: ['(file): the file is empty'], warnings: [] };

      if (isJsonName(fileName) || (!isCsvName(fileName) && /^\s*[{[]/.test(text))) {
        onProgress({ step: 'parse', fraction: 0 });
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch {
          return previewOf(parsePack(text)); // parsePack words the syntax error
        }
        onProgress({ step: 'validate', fraction: 0 });
        const parsed = parsePack(raw);
        onProgress({ step: 'validate', fraction: 1 });
        return previewOf(parsed);
      }

      const table = readCsv(text, encoding, (fraction) => onProgress({ step: 'parse', fraction }));
      if (table.errors.length) return { kind: 'errors', errors: table.errors.slice(0, 200), warnings: [] };
      rows = table.rows;
      if (!rows.length) return { kind: 'errors', errors: ['(file): no rows'], warnings: [] };
      const width = Math.max(...rows.slice(0, 50).map((r) => r.length));
      const detected = detectMapping(rows[0]);
      const hasHeader = detected.recognised > 0;
      const headers = Array.from(
        { length: width },
        (_, i) => (hasHeader ? (rows[0][i] ?? '').trim() : '') || String(i + 1),
      );
      return {
        kind: 'csv',
        encoding,
        headers,
        firstRow: rows[0],
        sample: rows.slice(hasHeader ? 1 : 0, (hasHeader ? 1 : 0) + 5),
        rowCount: rows.length - (hasHeader ? 1 : 0),
        mapping: hasHeader ? detected.mapping : guessMapping(width),
        hasHeader,
        pack: packMetaFromFileName(fileName),
      };
    },

    async buildCsv(mapping, hasHeader, pack) {
      onProgress({ step: 'validate', fraction: 0 });
      const { result } = csvToPack(rows, mapping, { hasHeader, packId: pack.id, packName: pack.name });
      onProgress({ step: 'validate', fraction: 1 });
      return previewOf(result);
    },

    async apply(resolutions) {
      if (!pending) throw new Error('nothing to apply: load a file first');
      onProgress({ step: 'write', fraction: 0 });
      const result = await applyPackImport(db, pending, resolutions);
      onProgress({ step: 'write', fraction: 1 });
      const packId = pending.pack.id;
      pending = null;
      return { changed: result.changed, packId };
    },
  };
}

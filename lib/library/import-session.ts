/**
 * One file import, step by step: load (decode, parse, validate, compare with the installed copy) →
 * for spreadsheets (CSV, or a sheet of an .xlsx workbook read by ../pack/xlsx.ts, loaded on demand),
 * confirm the column mapping → preview → Apply. Runs inside a Web Worker in the
 * side panel (components/library/import-worker.ts) so a 10 MB file never freezes the panel, or inline
 * where workers do not exist (component tests).
 */
import type { HuashuDB } from '../db/db';
import {
  csvToPack,
  decodeText,
  detectMapping,
  findHeaderRow,
  guessMapping,
  packMetaFromFileName,
  readCsv,
  type CsvMapping,
  type Encoding,
} from '../pack/csv';
import { summarisePreview, type PreviewSummary, type Resolution } from '../pack/merge';
import { parsePack, type ParseResult } from '../pack/parse';
import { LIMITS, type Pack } from '../pack/schema';
import type { SheetInfo } from '../pack/xlsx';
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
      /** A CSV text or a sheet of an Excel workbook (then `encoding` is the XML's, UTF-8). */
      format: 'csv' | 'xlsx';
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
      /** Workbooks: every sheet, the one shown, and those that cannot be imported with the reason. */
      sheets?: { name: string; rows: number; problem?: string }[];
      sheet?: number;
    };

export interface ApplyOutcome {
  changed: boolean;
  packId: string;
}

export interface ImportSession {
  load(bytes: ArrayBuffer, fileName: string): Promise<LoadResult>;
  /** Spreadsheets only: turn the rows into a pack with the confirmed mapping, then preview it. */
  buildCsv(mapping: CsvMapping, hasHeader: boolean, pack: { id: string; name: string }): Promise<LoadResult>;
  /** Workbooks: show another sheet in the mapping step (index into `sheets`). */
  selectSheet(index: number): Promise<LoadResult>;
  apply(resolutions: Record<string, Resolution>): Promise<ApplyOutcome>;
}

const isCsvName = (name: string) => /\.(csv|tsv|txt)$/i.test(name);
const isJsonName = (name: string) => /\.(json|pack)$/i.test(name);
const isWorkbookName = (name: string) => /\.(xlsx|xlsm|xls)$/i.test(name);
/** PK\3\4 (zip) or D0 CF 11 E0 (OLE compound file): never a CSV or JSON text. */
const looksLikeWorkbook = (b: Uint8Array) =>
  (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) ||
  (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0);

const errorsOf = (...errors: string[]): LoadResult => ({ kind: 'errors', errors, warnings: [] });

/** The mapping step's view of some rows: detected header and roles, a sample. */
function tableOf(rows: string[][], headerAt: number, fileName: string) {
  const width = Math.max(...rows.slice(0, 50).map((r) => r.length));
  const hasHeader = headerAt >= 0;
  const detected = detectMapping(rows[0]);
  const headers = Array.from(
    { length: width },
    (_, i) => (hasHeader ? (rows[0][i] ?? '').trim() : '') || String(i + 1),
  );
  return {
    headers,
    firstRow: rows[0],
    sample: rows.slice(hasHeader ? 1 : 0, (hasHeader ? 1 : 0) + 5),
    rowCount: rows.length - (hasHeader ? 1 : 0),
    mapping: hasHeader ? detected.mapping : guessMapping(width),
    hasHeader,
    pack: packMetaFromFileName(fileName),
  };
}

/** Why a failed build may come from formulas: cells that had no saved value were read as empty. */
function formulaNote(sheet: SheetInfo): string | null {
  if (!sheet.uncached.length) return null;
  return `(sheet "${sheet.name}"): formula cells without a saved value were read as empty (${sheet.uncached.join(', ')}). Open the workbook in Excel or WPS, save it so the values are stored, and import it again`;
}

interface Workbook {
  /** The checked XML parts (see `inspectWorkbook`). */
  parts: ArrayBuffer;
  fileName: string;
  sheets: SheetInfo[];
  sheet: number;
  /** Rows above the header (a title) left out of `rows`. */
  rowOffset: number;
}

export function createImportSession(db: HuashuDB, onProgress: (p: ImportProgress) => void = () => {}): ImportSession {
  let pending: Pack | null = null;
  let rows: string[][] = [];
  let encoding: Encoding = 'utf-8';
  let workbook: Workbook | null = null;

  async function previewOf(parsed: ParseResult): Promise<LoadResult> {
    if (!parsed.ok) return { kind: 'errors', errors: parsed.errors, warnings: parsed.warnings };
    onProgress({ step: 'compare', fraction: 0 });
    pending = parsed.pack;
    const preview = summarisePreview(await previewPackImport(db, parsed.pack));
    onProgress({ step: 'compare', fraction: 1 });
    return { kind: 'preview', preview, warnings: parsed.warnings };
  }

  async function loadWorkbook(bytes: ArrayBuffer, fileName: string): Promise<LoadResult> {
    onProgress({ step: 'decode', fraction: 0 });
    // Loaded on demand: the spreadsheet libraries stay out of the panel's start-up and of other imports.
    const { inspectWorkbook } = await import('../pack/xlsx');
    const inspected = inspectWorkbook(new Uint8Array(bytes));
    onProgress({ step: 'decode', fraction: 1 });
    if (!inspected.ok) return errorsOf(inspected.error);
    const { sheets } = inspected;
    const usable = sheets.findIndex((s) => !s.problem);
    if (usable < 0) return errorsOf(...sheets.map((s) => `(sheet "${s.name}"): ${s.problem}`));
    workbook = { parts: inspected.parts, fileName, sheets, sheet: usable, rowOffset: 0 };
    return showSheet(usable);
  }

  async function showSheet(index: number): Promise<LoadResult> {
    const wb = workbook!;
    const sheet = wb.sheets[index];
    if (!sheet) return errorsOf(`(file): no sheet ${index + 1}`);
    if (sheet.problem) return errorsOf(`(sheet "${sheet.name}"): ${sheet.problem}`);
    onProgress({ step: 'parse', fraction: 0 });
    const { readSheetRows } = await import('../pack/xlsx');
    let all: string[][];
    try {
      all = await readSheetRows(wb.parts, sheet);
    } catch (e) {
      return errorsOf(`(sheet "${sheet.name}"): cannot be read (${e instanceof Error ? e.message : String(e)})`);
    }
    onProgress({ step: 'parse', fraction: 1 });
    const headerAt = findHeaderRow(all);
    // Rows above the header (a title, blank rows) are not data; without a header, leading blank rows go.
    const start =
      headerAt >= 0
        ? headerAt
        : Math.max(
            0,
            all.findIndex((r) => r.some((c) => c.trim())),
          );
    rows = all.slice(start);
    if (!rows.length || rows.every((r) => r.every((c) => !c.trim())))
      return errorsOf(`(sheet "${sheet.name}"): no text`);
    wb.sheet = index;
    wb.rowOffset = start;
    encoding = 'utf-8';
    return {
      kind: 'csv',
      format: 'xlsx',
      encoding,
      ...tableOf(rows, headerAt >= 0 ? 0 : -1, wb.fileName),
      sheets: wb.sheets.map((s) => ({ name: s.name, rows: s.rows, ...(s.problem ? { problem: s.problem } : {}) })),
      sheet: index,
    };
  }

  return {
    async load(bytes, fileName) {
      pending = null;
      rows = [];
      workbook = null;
      if (bytes.byteLength > LIMITS.fileBytes)
        return {
          kind: 'errors',
          errors: [`(file): ${(bytes.byteLength / 1048576).toFixed(1)} MB; at most ${LIMITS.fileBytes / 1048576} MB`],
          warnings: [],
        };
      const head = new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength));
      if (isWorkbookName(fileName) || (!isCsvName(fileName) && !isJsonName(fileName) && looksLikeWorkbook(head)))
        return loadWorkbook(bytes, fileName);
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
      const headerAt = detectMapping(rows[0]).recognised > 0 ? 0 : -1;
      return { kind: 'csv', format: 'csv', encoding, ...tableOf(rows, headerAt, fileName) };
    },

    async buildCsv(mapping, hasHeader, pack) {
      onProgress({ step: 'validate', fraction: 0 });
      const sheet = workbook?.sheets[workbook.sheet];
      const { result } = csvToPack(rows, mapping, {
        hasHeader,
        packId: pack.id,
        packName: pack.name,
        ...(workbook ? { rowOffset: workbook.rowOffset, plainCells: true } : {}),
      });
      onProgress({ step: 'validate', fraction: 1 });
      if (sheet && workbook) {
        const note = formulaNote(sheet);
        const saved = sheet.formulas - sheet.uncachedCount;
        const formulas = saved
          ? [`(sheet "${sheet.name}"): ${saved} cells are formulas; their saved values are imported`]
          : [];
        if (!result.ok) return { ...result, kind: 'errors', errors: note ? [...result.errors, note] : result.errors };
        return previewOf({ ...result, warnings: [...formulas, ...(note ? [note] : []), ...result.warnings] });
      }
      return previewOf(result);
    },

    async selectSheet(index) {
      if (!workbook) return errorsOf('(file): no workbook is open');
      return showSheet(index);
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

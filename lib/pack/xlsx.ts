/**
 * Excel workbooks (.xlsx, as sellers export quick phrases from their chat tools or keep them in Excel/WPS)
 * → the same rows model as CSV (`string[][]`, row i is the sheet's row i + 1), so the CSV mapping step and
 * `csvToPack` do the rest. Cells are read by `read-excel-file`; this module adds what it leaves out:
 * the checks that refuse a bad workbook with a clear message before anything is parsed (not a zip,
 * password-protected, too large, too many rows), merged cells, and formulas without a saved value.
 * Runs in the library worker (or inline in tests); never in the content script.
 */
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { readSheet } from 'read-excel-file/universal';

export const XLSX_LIMITS = {
  /** Non-empty rows per sheet (a row is one answer; a pack holds at most 50,000 scripts). */
  rows: 50_000,
  /** The last row with a value: beyond this the grid alone would fill the worker's memory. */
  lastRow: 200_000,
  columns: 200,
  /** Uncompressed XML of the workbook, all parts together (a zip bomb stops here). */
  unzippedBytes: 200 * 1024 * 1024,
} as const;

export type SpreadsheetKind = 'zip' | 'cfb' | 'other';

/** By the first bytes: a zip (.xlsx) or an OLE compound file (legacy .xls, or any password-protected workbook). */
export function sniffSpreadsheet(bytes: Uint8Array): SpreadsheetKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)) return 'zip';
  const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (cfb.every((b, i) => bytes[i] === b)) return 'cfb';
  return 'other';
}

/** Whether a compound file holds an `EncryptedPackage` stream (how Office stores a workbook with a password). */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  const name = 'EncryptedPackage';
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i); // directory names are UTF-16LE
  outer: for (let i = 0; i <= bytes.length - pattern.length; i++) {
    if (bytes[i] !== pattern[0]) continue;
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** One merged range, 0-based and inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetInfo {
  name: string;
  /** Rows holding at least one value. */
  rows: number;
  /** Why this sheet cannot be imported (too many rows, no text…); absent when it can. */
  problem?: string;
  merges: MergedRange[];
  /** Cells computed by a formula (their saved values are read). */
  formulas: number;
  /** Formula cells without a saved value (read as empty): how many, and the first 20 addresses. */
  uncachedCount: number;
  uncached: string[];
}

export type WorkbookInspection =
  | {
      ok: true;
      sheets: SheetInfo[];
      /**
       * The workbook's XML parts (size-checked) in a zip without compression: what `readSheetRows` reads.
       * Only parts that passed the size check reach the parser, and stored parts need no second inflating
       * (read-excel-file would inflate large parts in extra blob: workers).
       */
      parts: ArrayBuffer;
    }
  | { ok: false; error: string };

const ERR = {
  notZip:
    '(file): this is not an Excel workbook (an .xlsx file is a zip archive, this file is not one). A CSV file must end in .csv',
  encrypted:
    '(file): the workbook is password-protected (encrypted). Open it in Excel or WPS, remove the password, save it and import it again',
  xls: '(file): this is a legacy Excel 97–2003 workbook (.xls), which Huashu does not read. Open it in Excel or WPS, save it as .xlsx (or CSV) and import that',
  noWorkbook: '(file): a zip archive without an Excel workbook inside (no xl/workbook.xml)',
  tooLarge: `(file): the workbook unpacks to more than ${XLSX_LIMITS.unzippedBytes / 1048576} MB; split it into smaller files`,
  damaged: (why: string) => `(file): the workbook is damaged and cannot be read (${why})`,
  noSheets: '(file): the workbook has no sheets',
};

/** "C12" → [11, 2] (row, column; 0-based). */
export function parseAddress(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}

const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

/** Resolve a relationship target against the folder of the part that refers to it. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/**
 * Look at a workbook without parsing its cells: refuse what cannot be read, list the sheets in workbook
 * order with their size, merged ranges and formulas. Cheap enough for a 50 MB file in the worker.
 */
export function inspectWorkbook(bytes: Uint8Array): WorkbookInspection {
  const kind = sniffSpreadsheet(bytes);
  if (kind === 'cfb') return { ok: false, error: isEncryptedOffice(bytes) ? ERR.encrypted : ERR.xls };
  if (kind === 'other') return { ok: false, error: ERR.notZip };

  let files: Record<string, Uint8Array>;
  let unzipped = 0;
  try {
    files = unzipSync(bytes, {
      filter(f) {
        const wanted = f.name.endsWith('.xml') || f.name.endsWith('.xml.rels');
        if (wanted) unzipped += f.originalSize;
        if (unzipped > XLSX_LIMITS.unzippedBytes) throw new RangeError('too large');
        return wanted;
      },
    });
  } catch (e) {
    if (e instanceof RangeError && e.message === 'too large') return { ok: false, error: ERR.tooLarge };
    return { ok: false, error: ERR.damaged(e instanceof Error ? e.message : String(e)) };
  }
  const workbook = files['xl/workbook.xml'];
  if (!workbook) return { ok: false, error: ERR.noWorkbook };
  const rels = new Map<string, string>();
  const relsXml = files['xl/_rels/workbook.xml.rels'];
  if (relsXml)
    for (const m of strFromU8(relsXml).matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attr(m[0], 'Id');
      const target = attr(m[0], 'Target');
      if (id && target) rels.set(id, resolvePart('xl/workbook.xml', unescapeXml(target)));
    }
  const sheets: SheetInfo[] = [];
  for (const m of strFromU8(workbook).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = unescapeXml(attr(m[0], 'name') ?? '');
    const rid = attr(m[0], 'r:id') ?? attr(m[0], 'id');
    const part = (rid && rels.get(rid)) || `xl/worksheets/sheet${sheets.length + 1}.xml`;
    const xml = files[part];
    sheets.push(
      xml ? inspectSheet(name, strFromU8(xml)) : { ...emptySheet(name), problem: 'not a worksheet (a chart?)' },
    );
  }
  if (!sheets.length) return { ok: false, error: ERR.noSheets };
  const parts = zipSync(files, { level: 0 });
  return {
    ok: true,
    sheets,
    parts: parts.buffer.slice(parts.byteOffset, parts.byteOffset + parts.byteLength) as ArrayBuffer,
  };
}

const emptySheet = (name: string): SheetInfo => ({
  name,
  rows: 0,
  merges: [],
  formulas: 0,
  uncachedCount: 0,
  uncached: [],
});

/** Rows, extent, merged ranges and formulas of one sheet's XML. */
export function inspectSheet(name: string, xml: string): SheetInfo {
  const info = emptySheet(name);
  let lastRow = -1;
  let lastCol = -1;
  const data = /<sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/sheetData>)/.exec(xml)?.[1] ?? '';
  for (const row of data.matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    let filled = false;
    for (const cell of (row[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const body = cell[2] ?? '';
      const hasFormula = /<f[\s>/]/.test(body);
      const hasValue = /<v\b[^>]*>[^<]|<t\b[^>]*>[^<]/.test(body);
      if (hasFormula) {
        info.formulas++;
        if (!/<v\b/.test(body) && info.uncachedCount++ < 20) info.uncached.push(attr(cell[0], 'r') ?? '?');
      }
      if (!hasValue) continue;
      filled = true;
      const at = parseAddress(attr(cell[0], 'r') ?? '');
      if (at) {
        lastRow = Math.max(lastRow, at[0]);
        lastCol = Math.max(lastCol, at[1]);
      }
    }
    if (filled && ++info.rows > XLSX_LIMITS.rows) {
      info.problem = `more than ${XLSX_LIMITS.rows.toLocaleString('en')} rows; split it into several sheets or files`;
      return info;
    }
  }
  for (const m of xml.matchAll(/<mergeCell\b[^>]*>/g)) {
    const [a, b] = (attr(m[0], 'ref') ?? '').split(':').map(parseAddress);
    if (a && b) info.merges.push({ top: a[0], left: a[1], bottom: b[0], right: b[1] });
  }
  if (lastRow >= XLSX_LIMITS.lastRow)
    info.problem = `data reaches row ${lastRow + 1}; at most ${XLSX_LIMITS.lastRow.toLocaleString('en')} rows`;
  else if (lastCol >= XLSX_LIMITS.columns) info.problem = `more than ${XLSX_LIMITS.columns} columns`;
  else if (info.rows === 0)
    info.problem = /<drawing\b|<legacyDrawing\b|<picture\b/.test(xml)
      ? 'no text, only images or shapes'
      : 'no text (an empty sheet)';
  return info;
}

/** A cell as text: numbers as written, dates as YYYY-MM-DD (with the time when there is one). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/**
 * A merged cell's value applies to every row it spans (a group written once beside several phrases);
 * only the top-left column gets it, so a title merged across columns does not fill the other roles.
 */
export function fillMerged(rows: string[][], merges: MergedRange[]): string[][] {
  for (const m of merges) {
    const value = rows[m.top]?.[m.left] ?? '';
    if (!value) continue;
    for (let r = m.top + 1; r <= m.bottom && r < rows.length; r++) {
      const row = rows[r];
      while (row.length <= m.left) row.push('');
      if (!row[m.left]) row[m.left] = value;
    }
  }
  return rows;
}

/**
 * One sheet as rows of text (row i = the sheet's row i + 1, column j = column j + 1), merged cells filled.
 * `parts` is `inspectWorkbook(…).parts`.
 */
export async function readSheetRows(parts: ArrayBuffer, sheet: SheetInfo): Promise<string[][]> {
  const data = await readSheet(parts, sheet.name);
  return fillMerged(
    data.map((row) => row.map(cellText)),
    sheet.merges,
  );
}

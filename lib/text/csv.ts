/**
 * CSV as every Huashu export writes it: UTF-8 with a byte order mark (Excel then opens Chinese text
 * correctly), CRLF line ends, and cells that a spreadsheet would run as formulas prefixed with ' (CSV
 * injection; buyer text ends up in exports). The CSV importers remove that prefix again.
 */
import Papa from 'papaparse';

/** UTF-8 byte order mark. */
export const BOM = '\ufeff';

/** A cell starting with one of these would be run by a spreadsheet as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as an export writes it: a leading apostrophe when it would start a formula. */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(fields: string[], rows: (string | number)[][]): string {
  return BOM + Papa.unparse({ fields, data: rows }, { newline: '\r\n', escapeFormulae: FORMULA_START }) + '\r\n';
}

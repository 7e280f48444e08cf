/**
 * A pack as an Excel workbook in the CSV export's column layout (分组, 快捷编码, 问题, 话术, 语气): one row
 * per answer, all questions of a script in one cell, one per line — so a lead edits it in Excel or WPS and
 * imports it back through the spreadsheet import without loss. Cells are text cells (never formulas), so
 * a reply starting with = stays text and no ' prefix is needed as in CSV.
 */
import writeXlsxFile, { type SheetData } from 'write-excel-file/universal';
import { CSV_HEADERS, TONE_LABELS } from './export';
import type { Pack } from './schema';

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Huashu'
  );
}

export function packSheetData(pack: Pack): SheetData {
  const header = CSV_HEADERS.map((h) => ({ value: h, fontWeight: 'bold' as const }));
  const rows: SheetData = [header];
  for (const s of pack.scripts)
    for (const a of s.answers)
      rows.push([
        s.category ?? '',
        s.id,
        { value: s.questions.join('\n'), wrap: true },
        { value: a.text, wrap: true },
        TONE_LABELS[a.tone],
      ]);
  return rows;
}

/** The workbook's bytes (.xlsx). */
export async function exportXlsx(pack: Pack): Promise<ArrayBuffer> {
  const blob = await writeXlsxFile(packSheetData(pack), {
    sheet: sheetName(pack.pack.name),
    columns: [{ width: 12 }, { width: 18 }, { width: 36 }, { width: 60 }, { width: 8 }],
    stickyRowsCount: 1,
  }).toBlob();
  return blob.arrayBuffer();
}

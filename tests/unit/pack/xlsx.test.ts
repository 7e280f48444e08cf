/**
 * Excel workbooks: real .xlsx files written in the test with write-excel-file (or crafted bytes for what
 * it cannot write: a password-protected file, saved formula values), read through the import session
 * exactly as the library worker does.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import writeXlsxFile, { type SheetData } from 'write-excel-file/universal';
import { afterEach, describe, expect, it } from 'vitest';
import type { HuashuDB } from '@/lib/db/db';
import { createImportSession, type LoadResult } from '@/lib/library/import-session';
import { csvToPack, detectMapping } from '@/lib/pack/csv';
import { parsePack } from '@/lib/pack/parse';
import type { Pack } from '@/lib/pack/schema';
import { inspectWorkbook, readSheetRows, XLSX_LIMITS } from '@/lib/pack/xlsx';
import { exportXlsx } from '@/lib/pack/xlsx-export';
import { dumpLibrary, freshDb } from '../library/db';

const teaText = readFileSync(new URL('../../fixtures/packs/tea-shop.json', import.meta.url), 'utf8');
const tea = (parsePack(teaText) as { pack: Pack }).pack;

type Sheets = { sheet: string; data: SheetData; images?: unknown[] }[];
const workbook = async (sheets: Sheets) => (await writeXlsxFile(sheets as never).toBlob()).arrayBuffer();

const dbs: HuashuDB[] = [];
function session() {
  const db = freshDb();
  dbs.push(db);
  return { db, s: createImportSession(db) };
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

type CsvLoad = Extract<LoadResult, { kind: 'csv' }>;
function asCsv(r: LoadResult): CsvLoad {
  if (r.kind !== 'csv') throw new Error(`expected the mapping step, got ${JSON.stringify(r)}`);
  return r;
}
function asErrors(r: LoadResult) {
  if (r.kind !== 'errors') throw new Error(`expected errors, got ${r.kind}`);
  return r.errors.join('\n');
}

/** Unzip, change one part, zip again: for what write-excel-file does not write. */
function patch(bytes: ArrayBuffer, part: string, edit: (xml: string) => string): ArrayBuffer {
  const files = unzipSync(new Uint8Array(bytes));
  files[part] = strToU8(edit(strFromU8(files[part])));
  return zipSync(files).buffer as ArrayBuffer;
}

const PHRASES: SheetData = [
  [{ value: '店铺快捷短语（2026 版）', columnSpan: 4 }, null, null, null],
  ['分组', '快捷编码', '标准问题', '相似问题', '快捷短语'],
  [{ value: '物流', rowSpan: 3 }, 'fh', '什么时候发货', '几天发货\n多久发出', '亲，48 小时内发出哦～'],
  [null, 'kd', '发什么快递', '哪家快递|用什么快递；能发顺丰吗', '默认中通，顺丰需补差价'],
  [null, 'fh', '什么时候发货', '今天能发吗', '16 点前付款当天发出'],
  [],
  ['售后', 1001, '怎么退货', null, '7 天无理由，退货地址见订单页'],
];

describe('xlsx import through the mapping step', () => {
  it('finds the header under a title, fills merged groups, skips empty rows, splits similar questions', async () => {
    const bytes = await workbook([
      { sheet: '说明', data: [] },
      { sheet: '快捷短语', data: PHRASES },
    ]);
    const { s } = session();
    const t = asCsv(await s.load(bytes, '快捷短语.xlsx'));
    expect(t.format).toBe('xlsx');
    expect(t.sheets).toEqual([
      { name: '说明', rows: 0, problem: 'no text (an empty sheet)' },
      { name: '快捷短语', rows: 6 },
    ]);
    expect(t.sheet).toBe(1);
    expect(t.hasHeader).toBe(true);
    expect(t.mapping).toEqual({ group: 0, code: 1, question: 2, similar: 3, answer: 4, tone: -1 });
    expect(t.pack).toEqual({ id: '快捷短语', name: '快捷短语' });

    const r = await s.buildCsv(t.mapping, true, { id: 'qp', name: 'Quick phrases' });
    expect(r.kind).toBe('preview');
    if (r.kind !== 'preview') return;
    expect(r.preview.counts.added).toBe(3);
    const outcome = await s.apply({});
    expect(outcome).toEqual({ changed: true, packId: 'qp' });
  });

  it('rows model: merged cells apply to every row they span; rows keep their sheet numbers', async () => {
    const bytes = await workbook([{ sheet: 'S', data: PHRASES }]);
    const inspected = inspectWorkbook(new Uint8Array(bytes));
    expect(inspected.ok).toBe(true);
    if (!inspected.ok) return;
    const rows = await readSheetRows(inspected.parts, inspected.sheets[0]);
    expect(rows.map((r) => r[0])).toEqual(['店铺快捷短语（2026 版）', '分组', '物流', '物流', '物流', '', '售后']);
    // The title merged across four columns does not spill into the code column.
    expect(rows[0][1]).toBe('');
    expect(rows[6][1]).toBe('1001');

    const body = rows.slice(1);
    const { result } = csvToPack(body, detectMapping(body[0]).mapping, {
      hasHeader: true,
      packId: 'qp',
      packName: 'QP',
      rowOffset: 1,
      plainCells: true,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [ship, courier, ret] = result.pack.scripts;
    expect(ship).toMatchObject({
      id: 'fh',
      category: '物流',
      questions: ['什么时候发货', '几天发货', '多久发出', '今天能发吗'],
    });
    expect(ship.answers.map((a) => a.text)).toEqual(['亲，48 小时内发出哦～', '16 点前付款当天发出']);
    expect(courier.questions).toEqual(['发什么快递', '哪家快递', '用什么快递', '能发顺丰吗']);
    expect(ret).toMatchObject({ id: '1001', category: '售后', questions: ['怎么退货'] });

    // An error names the row as the spreadsheet numbers it (title row 1, header row 2).
    const broken = body.map((r) => [...r]);
    broken[2][4] = '';
    const bad = csvToPack(broken, detectMapping(body[0]).mapping, {
      hasHeader: true,
      packId: 'qp',
      packName: 'QP',
      rowOffset: 1,
      plainCells: true,
    }).result;
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual(['row 4: the answer is empty']);
  });

  it('English headers; the sheet picker shows another sheet', async () => {
    const bytes = await workbook([
      {
        sheet: 'zh',
        data: [
          ['问题', '答案'],
          ['包邮吗', '满 99 包邮'],
        ],
      },
      {
        sheet: 'en',
        data: [
          ['Group', 'Code', 'Question', 'Similar questions', 'Answer'],
          ['shipping', 'ship', 'When do you ship?', 'how fast do you ship|ship today？', 'Within 48 hours.'],
        ],
      },
    ]);
    const { s } = session();
    const zh = asCsv(await s.load(bytes, 'phrases.xlsx'));
    expect(zh.sheet).toBe(0);
    expect(zh.mapping).toMatchObject({ question: 0, answer: 1 });
    const en = asCsv(await s.selectSheet(1));
    expect(en.sheet).toBe(1);
    expect(en.mapping).toEqual({ group: 0, code: 1, question: 2, similar: 3, answer: 4, tone: -1 });
    const r = await s.buildCsv(en.mapping, true, { id: 'en', name: 'EN' });
    expect(r.kind).toBe('preview');
    await s.apply({});
  });

  it('a sheet without a header row is mapped by position, like a CSV', async () => {
    const bytes = await workbook([{ sheet: 'S', data: [[], ['包邮吗', '满 99 包邮'], ['发顺丰吗', '可以，补差价']] }]);
    const { s } = session();
    const t = asCsv(await s.load(bytes, 'x.xlsx'));
    expect(t.hasHeader).toBe(false);
    expect(t.mapping).toMatchObject({ question: 0, answer: 1 });
    expect(t.rowCount).toBe(2);
  });
});

describe('xlsx export → import round trip', () => {
  it('gives back every script: ids, groups, all questions, answers and tones', async () => {
    const bytes = await exportXlsx(tea);
    const inspected = inspectWorkbook(new Uint8Array(bytes));
    expect(inspected.ok && inspected.sheets.map((x) => x.name)).toEqual([tea.pack.name.slice(0, 31)]);

    const { s, db } = session();
    const t = asCsv(await s.load(bytes, 'tea-shop.xlsx'));
    expect(t.headers).toEqual(['分组', '快捷编码', '问题', '话术', '语气']);
    const r = await s.buildCsv(t.mapping, t.hasHeader, { id: tea.pack.id, name: tea.pack.name });
    expect(r.kind).toBe('preview');
    await s.apply({});
    const back = (await db.packs.get(tea.pack.id))!.pack;
    const columns = (p: Pack) =>
      p.scripts.map((x) => ({ id: x.id, category: x.category, questions: x.questions, answers: x.answers }));
    expect(columns(back)).toEqual(columns(tea));
    // Text that a spreadsheet would run as a formula stays text, without a ' prefix.
    expect(JSON.stringify(back)).toContain('<b>不是HTML</b>');
  });

  it('keeps an answer that starts with = as text', async () => {
    const pack = {
      ...tea,
      scripts: [{ ...tea.scripts[0], answers: [{ text: '=SUM(A1:A2) 不是公式', tone: 'neutral' as const }] }],
    };
    const bytes = await exportXlsx(pack);
    const { s } = session();
    const t = asCsv(await s.load(bytes, 'x.xlsx'));
    expect(t.sample[0][3]).toBe('=SUM(A1:A2) 不是公式');
  });
});

describe('bad workbooks get a clear message and change nothing', () => {
  async function refused(bytes: ArrayBuffer | Uint8Array, name = 'bad.xlsx') {
    const { s, db } = session();
    const before = await dumpLibrary(db);
    const buf = bytes instanceof Uint8Array ? (bytes.slice().buffer as ArrayBuffer) : bytes;
    const message = asErrors(await s.load(buf, name));
    await expect(s.apply({})).rejects.toThrow('nothing to apply');
    expect(await dumpLibrary(db)).toEqual(before);
    return message;
  }

  it('not a zip', async () => {
    expect(await refused(new TextEncoder().encode('问题,答案\n包邮吗,包邮'))).toMatch(/not an Excel workbook/);
  });

  it('a damaged zip (cut short)', async () => {
    const bytes = new Uint8Array(await workbook([{ sheet: 'S', data: PHRASES }]));
    expect(await refused(bytes.slice(0, bytes.length >> 1))).toMatch(/damaged/);
  });

  it('a zip without a workbook', async () => {
    expect(await refused(zipSync({ 'readme.txt': strToU8('hi') }))).toMatch(/without an Excel workbook/);
  });

  /** A compound file (OLE) header and a directory entry named `name` (UTF-16LE), as Office writes them. */
  function compoundFile(name: string) {
    const bytes = new Uint8Array(1536);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (let i = 0; i < name.length; i++) bytes[1024 + i * 2] = name.charCodeAt(i);
    return bytes;
  }

  it('password-protected (an encrypted OLE file)', async () => {
    expect(await refused(compoundFile('EncryptedPackage'))).toMatch(/password-protected/);
  });

  it('a legacy .xls', async () => {
    expect(await refused(compoundFile('Workbook'), 'old.xls')).toMatch(/legacy Excel 97–2003/);
  });

  it('100,000 rows: refused with the limit, quickly', async () => {
    const data: SheetData = [['问题', '答案']];
    for (let i = 0; i < 100_000; i++) data.push([`问题${i}`, `答案${i}`]);
    const bytes = await workbook([{ sheet: '大表', data }]);
    const started = performance.now();
    const message = await refused(bytes);
    expect(message).toBe(
      `(sheet "大表"): more than ${XLSX_LIMITS.rows.toLocaleString('en')} rows; split it into several sheets or files`,
    );
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 60_000);

  it('formulas with saved values are imported, with a note', async () => {
    let bytes = await workbook([
      {
        sheet: 'S',
        data: [
          ['问题', '答案'],
          ['包邮吗', { type: 'Formula', value: '="满"&99&"包邮"' }],
        ],
      },
    ]);
    bytes = patch(bytes, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(/(<c r="B2"[^>]*?)>(<f>[^<]*<\/f>)<\/c>/, '$1 t="str">$2<v>满99包邮</v></c>'),
    );
    const { s, db } = session();
    const t = asCsv(await s.load(bytes, 'f.xlsx'));
    const r = await s.buildCsv(t.mapping, true, { id: 'f', name: 'F' });
    expect(r.kind).toBe('preview');
    if (r.kind !== 'preview') return;
    expect(r.warnings).toContain('(sheet "S"): 1 cells are formulas; their saved values are imported');
    await s.apply({});
    expect((await db.packs.get('f'))!.pack.scripts[0].answers[0].text).toBe('满99包邮');
  });

  it('formulas without saved values: the build says so and nothing is installed', async () => {
    const bytes = await workbook([
      {
        sheet: 'S',
        data: [
          ['问题', '答案'],
          ['包邮吗', { type: 'Formula', value: '="满"&99&"包邮"' }],
        ],
      },
    ]);
    const { s, db } = session();
    const t = asCsv(await s.load(bytes, 'f.xlsx'));
    const message = asErrors(await s.buildCsv(t.mapping, true, { id: 'f', name: 'F' }));
    expect(message).toContain('row 2: the answer is empty');
    expect(message).toContain('formula cells without a saved value were read as empty (B2)');
    expect(await db.packs.get('f')).toBeUndefined();
  });

  it('a sheet of images only', async () => {
    // A 1×1 PNG.
    const png = Uint8Array.from(
      atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
      (c) => c.charCodeAt(0),
    );
    const bytes = await workbook([
      {
        sheet: '图片',
        data: [],
        images: [
          {
            content: new Blob([png], { type: 'image/png' }),
            contentType: 'image/png',
            width: 10,
            height: 10,
            dpi: 96,
            anchor: { row: 1, column: 1 },
          },
        ],
      },
    ]);
    expect(await refused(bytes)).toBe('(sheet "图片"): no text, only images or shapes');
  });
});

/// <reference types="chrome" />
/**
 * Excel workbooks in the real browser: an .xlsx written here with write-excel-file goes through the side
 * panel's file input, the library worker reads it, the sheet picker, mapping and preview are shown, Apply
 * installs it and the background answers from it. Broken workbooks show their message and leave the
 * library as it was; a large pack exported as .xlsx and imported again comes back identical (the parts
 * over fflate's worker threshold are where the extension's CSP would bite).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import writeXlsxFile, { type SheetData } from 'write-excel-file/universal';
import { expect, test } from './fixtures';
import { dumpLibrary, topIds } from './library-helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function openScripts(openExtensionPage: (p: string) => Promise<Page>) {
  const page = await openExtensionPage('sidepanel.html#scripts');
  await expect(page.getByTestId('pack-import-input')).toBeAttached();
  // The pack list shows once the library worker has opened the database, and the background installs
  // the default pack at start-up: compare snapshots only after both.
  await expect(page.getByTestId('pack-section')).toBeVisible();
  await expect
    .poll(async () => (await dumpLibrary(page)).packs.map((p) => (p as { id: string }).id))
    .toContain('huashu-default');
  return page;
}

const workbook = async (sheets: { sheet: string; data: SheetData }[]) =>
  Buffer.from(await (await writeXlsxFile(sheets).toBlob()).arrayBuffer());

const PHRASES: SheetData = [
  [{ value: '店铺快捷短语', columnSpan: 4 }, null, null, null],
  ['分组', '快捷编码', '标准问题', '相似问题', '快捷短语'],
  [{ value: '茶叶物流', rowSpan: 2 }, 'fh', '茶叶什么时候发货', '几天能发出|多久发出', '亲，48 小时内发出哦～'],
  [null, 'kd', '茶叶发什么快递', '哪家快递；能发顺丰吗', '默认中通，顺丰需补差价'],
  [],
  ['茶叶售后', 'th', '茶叶怎么退货', null, '未拆封 7 天无理由退货'],
];

test('an .xlsx through the side panel: sheet picker, mapping, preview, Apply, answers at once', async ({
  openExtensionPage,
}) => {
  const page = await openScripts(openExtensionPage);
  const bytes = await workbook([
    {
      sheet: '订单',
      data: [
        ['订单号', '金额'],
        ['A1001', 99],
      ],
    },
    { sheet: '快捷短语', data: PHRASES },
  ]);
  const before = await dumpLibrary(page);
  await page.getByTestId('pack-import-input').setInputFiles({ name: '茶叶短语.xlsx', mimeType: XLSX, buffer: bytes });
  await expect(page.getByTestId('csv-mapping')).toBeVisible();
  await expect(page.getByTestId('pack-import')).toHaveAttribute('data-import-mode', 'worker');
  await expect(page.getByTestId('csv-encoding')).toHaveAttribute('data-encoding', 'xlsx');
  // The first sheet is shown first; the phrases are on the second.
  await expect(page.getByTestId('xlsx-sheet')).toHaveValue('0');
  await expect(page.getByTestId('csv-mapping')).toContainText('A1001');
  await page.getByTestId('xlsx-sheet').selectOption('1');
  await expect(page.getByTestId('xlsx-sheet')).toHaveValue('1');
  await expect(page.getByTestId('csv-map-question')).toHaveValue('2');
  await expect(page.getByTestId('csv-map-similar')).toHaveValue('3');
  await expect(page.getByTestId('csv-map-answer')).toHaveValue('4');
  await expect(page.getByTestId('csv-map-group')).toHaveValue('0');
  await expect(page.getByTestId('csv-mapping')).toContainText('茶叶发什么快递');
  await page.getByTestId('csv-pack-id').fill('tea-xlsx');
  await page.getByTestId('csv-mapping-confirm').click();

  await expect(page.getByTestId('preview-counts')).toHaveAttribute('data-added', '3');
  expect(await dumpLibrary(page)).toEqual(before);
  await page.getByTestId('pack-import-confirm').click();
  await expect(page.getByTestId('pack-import-done')).toHaveAttribute('data-pack-id', 'tea-xlsx');
  await expect(page.getByTestId('pack-tea-xlsx')).toHaveAttribute('data-scripts', '3');
  // A similar question from the `；`-separated cell finds its script; the merged group applies to row 2 too.
  expect((await topIds(page, '茶叶能发顺丰吗'))[0]).toBe('tea-xlsx/kd');
  const stored = (await dumpLibrary(page)).packs.find((p) => (p as { id: string }).id === 'tea-xlsx') as {
    pack: { scripts: { id: string; category?: string }[] };
  };
  expect(stored.pack.scripts.map((s) => [s.id, s.category])).toEqual([
    ['fh', '茶叶物流'],
    ['kd', '茶叶物流'],
    ['th', '茶叶售后'],
  ]);
});

test('broken workbooks show a message and change nothing', async ({ openExtensionPage }) => {
  const page = await openScripts(openExtensionPage);
  const before = await dumpLibrary(page);
  const errors = page.getByTestId('pack-import-errors');
  const encrypted = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(encrypted);
  Buffer.from('EncryptedPackage', 'utf16le').copy(encrypted, 1024);
  const cases: [string, Buffer, string][] = [
    ['renamed.xlsx', Buffer.from('问题,答案\n包邮吗,包邮\n'), 'not an Excel workbook'],
    ['locked.xlsx', encrypted, 'password-protected'],
    ['pictures.xlsx', await workbook([{ sheet: '图片', data: [] }]), '(sheet "图片"): no text'],
  ];
  for (const [name, buffer, message] of cases) {
    await page.getByTestId('pack-import-input').setInputFiles({ name, mimeType: XLSX, buffer });
    await expect(errors).toContainText(message);
    await expect(page.getByTestId('pack-import-preview')).toHaveCount(0);
    expect(await dumpLibrary(page)).toEqual(before);
  }
});

test('a large pack exported as .xlsx imports back identical', async ({ openExtensionPage }) => {
  const page = await openScripts(openExtensionPage);
  // 3,000 scripts: the workbook's parts are far over the sizes at which fflate would use blob: workers.
  const scripts = Array.from({ length: 3000 }, (_, i) => ({
    id: `s${i}`,
    category: `分组${i % 7}`,
    questions: [`第${i}号商品什么时候发货`, `商品${i}几天能到`],
    answers: [
      { text: `亲，第${i}号商品 48 小时内发出，发货后 2～3 天送达哦～`, tone: 'friendly' },
      { text: `您好，商品${i}在付款后 48 小时内发出。`, tone: 'formal' },
    ],
  }));
  const pack = { format: 'huashu.pack', version: 1, pack: { id: 'big', name: '大话术包' }, scripts };
  await page.getByTestId('pack-import-input').setInputFiles({
    name: 'big.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(pack)),
  });
  await page.getByTestId('pack-import-confirm').click();
  await expect(page.getByTestId('pack-import-done')).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('pack-export-xlsx-big').click(),
  ]);
  expect(download.suggestedFilename()).toBe('big.xlsx');
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');

  await page.getByTestId('pack-import-input').setInputFiles({ name: 'big.xlsx', mimeType: XLSX, buffer: bytes });
  await expect(page.getByTestId('csv-mapping')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('csv-encoding')).toContainText('6000');
  await page.getByTestId('csv-pack-id').fill('big');
  await page.getByTestId('csv-pack-name').fill('大话术包');
  await page.getByTestId('csv-mapping-confirm').click();
  await expect(page.getByTestId('preview-counts')).toHaveAttribute('data-changed', '0', { timeout: 15_000 });
  await expect(page.getByTestId('preview-counts')).toHaveAttribute('data-added', '0');
  await expect(page.getByTestId('preview-counts')).toHaveAttribute('data-removed', '0');
  await expect(page.getByTestId('pack-import-confirm')).toBeDisabled();
});

/// <reference types="chrome" />
/**
 * Scripts tab in the real browser: import a JSON pack and a GBK CSV through the file input (parsed in
 * the Web Worker), preview, Apply — then the background's `suggest` answers with the new scripts at once.
 * A broken file lists its errors and leaves the library alone; export → import is byte-stable; rollback
 * restores the previous copy.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { dumpLibrary, suggest, topIds } from './library-helpers';

const PACKS = resolve(import.meta.dirname, '../fixtures/packs');
const teaPath = resolve(PACKS, 'tea-shop.json');
const gbkPath = resolve(PACKS, 'quick-phrases-gbk.csv');
const tea = JSON.parse(readFileSync(teaPath, 'utf8'));

async function openScripts(openExtensionPage: (p: string) => Promise<Page>) {
  const page = await openExtensionPage('sidepanel.html#scripts');
  await expect(page.getByTestId('pack-import-input')).toBeAttached();
  return page;
}

async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByTestId('pack-import-input').setInputFiles(file);
  await expect(page.getByTestId('pack-import-preview')).toBeVisible();
  await page.getByTestId('pack-import-confirm').click();
  await expect(page.getByTestId('pack-import-done')).toBeVisible();
}

async function exportPack(page: Page, packId: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`pack-export-${packId}`).click(),
  ]);
  return readFileSync((await download.path())!, 'utf8');
}

test('a JSON pack imported through the Scripts tab answers at once, on the card too', async ({
  openExtensionPage,
  openConsole,
}) => {
  const page = await openScripts(openExtensionPage);
  expect(await topIds(page, '绿茶用多少度的水泡')).not.toContain('tea-shop/brew-temperature');
  const before = await dumpLibrary(page);

  await page.getByTestId('pack-import-input').setInputFiles(teaPath);
  await expect(page.getByTestId('preview-counts')).toHaveAttribute('data-added', '3');
  // Parsed off the main thread, in the library worker; nothing written before Apply.
  await expect(page.getByTestId('pack-import')).toHaveAttribute('data-import-mode', 'worker');
  expect(await dumpLibrary(page)).toEqual(before);

  await page.getByTestId('pack-import-confirm').click();
  const applied = Date.now();
  await expect(page.getByTestId('pack-import-done')).toBeVisible();
  const ids = await topIds(page, '绿茶用多少度的水泡');
  console.log(`[library-import] Apply click → suggest answers from the new pack: ${Date.now() - applied} ms`);
  expect(ids[0]).toBe('tea-shop/brew-temperature');
  await expect(page.getByTestId('pack-tea-shop')).toHaveAttribute('data-scripts', '3');

  // HTML in an answer stays text, in the reply and on screen.
  const reply = await suggest(page, '能便宜点吗');
  const refusal = reply.suggestions.find((s) => s.packId === 'tea-shop');
  expect(refusal?.script.answers[0].text).toContain('<b>不是HTML</b>');

  // The card in a fixture console suggests the newly imported script.
  const chat = await openConsole('/textarea.html');
  await chat.evaluate(() =>
    (window as unknown as { fixture: { buyerSays(t: string): void } }).fixture.buyerSays('绿茶用多少度的水泡呀？'),
  );
  await expect(chat.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'brew-temperature');
  await expect(chat.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-pack-id', 'tea-shop');
});

test('a GBK quick-phrase CSV: mapping confirmed, rows merged, answers at once', async ({ openExtensionPage }) => {
  const page = await openScripts(openExtensionPage);
  await page.getByTestId('pack-import-input').setInputFiles(gbkPath);
  await expect(page.getByTestId('csv-mapping')).toBeVisible();
  await expect(page.getByTestId('csv-encoding')).toHaveAttribute('data-encoding', 'gbk');
  await expect(page.getByTestId('csv-map-question')).toHaveValue('2');
  await expect(page.getByTestId('csv-map-answer')).toHaveValue('3');
  await expect(page.getByTestId('csv-map-code')).toHaveValue('1');
  await expect(page.getByTestId('csv-mapping')).toContainText('怎么退货');
  await page.getByTestId('csv-mapping-confirm').click();
  await expect(page.getByTestId('preview-counts')).toHaveAttribute('data-added', '4');
  await page.getByTestId('pack-import-confirm').click();
  await expect(page.getByTestId('pack-import-done')).toBeVisible();

  // Common questions: the bundled default pack (when installed) may answer them too, so look among all.
  const reply = await suggest(page, '怎么退货');
  const ret = reply.suggestions.find((s) => s.packId === 'quick-phrases-gbk');
  expect(ret).toMatchObject({ scriptId: 'th' });
  expect(ret?.script.answers).toHaveLength(2);
  expect(await topIds(page, '几天发货')).toContain('quick-phrases-gbk/fh');
});

test('a broken file lists every problem and leaves the library as it was', async ({ openExtensionPage }) => {
  const page = await openScripts(openExtensionPage);
  await importFile(page, teaPath);
  const before = await dumpLibrary(page);

  const broken = structuredClone(tea);
  broken.scripts[1].answers[0].text = '';
  delete broken.scripts[2].questions;
  broken.scripts.push({ id: 'brew-temperature', questions: ['x'], answers: [{ text: 'dup' }] });
  await page.getByTestId('pack-import-input').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const errors = page.getByTestId('pack-import-errors');
  await expect(errors).toContainText('scripts[1].answers[0].text: required');
  await expect(errors).toContainText('scripts[2].questions:');
  await expect(page.getByTestId('pack-import-confirm')).toHaveCount(0);

  await page.getByTestId('pack-import-input').setInputFiles({
    name: 'phrases.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('问题,答案\n怎么退货,\n,亲～\n'),
  });
  await page.getByTestId('csv-mapping-confirm').click();
  await expect(errors).toContainText('row 2: the answer is empty');
  await expect(errors).toContainText('row 3: the question is empty');

  await page.getByTestId('pack-import-input').setInputFiles({
    name: 'x.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "huashu.pack", '),
  });
  await expect(errors).toContainText('not JSON');

  expect(await dumpLibrary(page)).toEqual(before);
  expect((await topIds(page, '绿茶用多少度的水泡'))[0]).toBe('tea-shop/brew-temperature');
});

test('export → import → export is byte-stable', async ({ openExtensionPage }) => {
  const page = await openScripts(openExtensionPage);
  await importFile(page, teaPath);
  const first = await exportPack(page, 'tea-shop');
  expect(JSON.parse(first).featured[0].id).toBe('pu-er-2026');

  await page.getByTestId('pack-import-input').setInputFiles({
    name: 'tea-shop.huashu-pack.json',
    mimeType: 'application/json',
    buffer: Buffer.from(first),
  });
  await expect(page.getByTestId('preview-identical')).toBeVisible();
  await expect(page.getByTestId('pack-import-confirm')).toBeDisabled();
  expect(await exportPack(page, 'tea-shop')).toBe(first);
});

test('rollback restores the previous version', async ({ openExtensionPage }) => {
  const page = await openScripts(openExtensionPage);
  await importFile(page, teaPath);
  const v1 = await exportPack(page, 'tea-shop');
  const v1Db = await dumpLibrary(page);

  const v2 = structuredClone(tea);
  v2.scripts[0].answers = [{ text: '亲，新版：80℃ 左右就好～', tone: 'friendly' }];
  v2.scripts.push({ id: 'gift-wrap', questions: ['可以帮忙包装成礼物吗'], answers: [{ text: '可以的亲～' }] });
  await page.getByTestId('pack-import-input').setInputFiles({
    name: 'tea-v2.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(v2)),
  });
  await expect(page.getByTestId('preview-counts')).toHaveAttribute('data-added', '1');
  await expect(page.getByTestId('preview-counts')).toHaveAttribute('data-changed', '1');
  await expect(page.getByTestId('preview-changed-brew-temperature')).toContainText('80℃ 左右');
  await page.getByTestId('pack-import-confirm').click();
  await expect(page.getByTestId('pack-import-done')).toBeVisible();
  expect((await topIds(page, '可以帮忙包装成礼物吗'))[0]).toBe('tea-shop/gift-wrap');

  await page.getByTestId('pack-rollback-tea-shop').click();
  await expect(page.getByTestId('pack-tea-shop')).toHaveAttribute('data-scripts', '3');
  expect(await topIds(page, '可以帮忙包装成礼物吗')).not.toContain('tea-shop/gift-wrap');
  expect(await exportPack(page, 'tea-shop')).toBe(v1);
  // The same rows as after the first import, but for the rollback bookkeeping (one step only).
  const content = (d: { packs: unknown[] }) =>
    d.packs.map((p) => {
      const { previous: _p, previousState: _s, ...row } = p as Record<string, unknown>;
      return row;
    });
  expect(content(await dumpLibrary(page))).toEqual(content(v1Db));
  await expect(page.getByTestId('pack-rollback-tea-shop')).toBeDisabled();
});

/// <reference types="chrome" />
/**
 * Editing and learning in the real browser: an edit in the Scripts tab reaches the background's engine
 * at once; usage recorded through the background's `recordUsage` shows in Learn and Stats, and one click
 * teaches the engine the buyer's wording; the options page opens the shortcuts page and deletes all data.
 */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ask, suggest } from './library-helpers';

const teaPath = resolve(import.meta.dirname, '../fixtures/packs/tea-shop.json');

async function withTeaPack(openExtensionPage: (p: string) => Promise<Page>) {
  const page = await openExtensionPage('sidepanel.html#scripts');
  await page.getByTestId('pack-import-input').setInputFiles(teaPath);
  await page.getByTestId('pack-import-confirm').click();
  await expect(page.getByTestId('pack-import-done')).toBeVisible();
  return page;
}

test('an edit in the Scripts tab is what the background answers with', async ({ openExtensionPage }) => {
  const page = await withTeaPack(openExtensionPage);
  await page.getByTestId('scripts-view-scripts').click();
  await page.getByTestId('script-edit-tea-shop/brew-temperature').click();
  await page.getByTestId('edit-answer-0-text').fill('亲，85℃ 左右最好，我们自己也是这么泡的～');
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('script-item-tea-shop/brew-temperature')).toHaveAttribute('data-layer', 'edited');

  const reply = await suggest(page, '绿茶用多少度的水泡');
  expect(reply.suggestions[0].scriptId).toBe('brew-temperature');
  expect(reply.suggestions[0].script.answers[0].text).toBe('亲，85℃ 左右最好，我们自己也是这么泡的～');

  // Search in the tab uses the same engine.
  await page.getByTestId('script-search').fill('保质期');
  // Ranked by the engine: the matching script first (related ones may follow).
  await expect(page.locator('[data-testid^="script-item-"]').first()).toHaveAttribute(
    'data-testid',
    'script-item-tea-shop/shelf-life',
  );
});

test('recorded usage feeds Learn and Stats; one click teaches the engine', async ({ openExtensionPage }) => {
  const page = await withTeaPack(openExtensionPage);
  const wording = '开封以后还能存几个月呀';
  await ask(page, 'recordUsage', {
    kind: 'insert',
    packId: 'tea-shop',
    scriptId: 'shelf-life',
    rank: -1,
    message: wording,
    answer: 'x',
  });
  await ask(page, 'recordUsage', { kind: 'insert', packId: 'tea-shop', scriptId: 'brew-temperature', rank: 0 });
  await ask(page, 'recordUsage', { kind: 'miss', message: '可以开发票吗' });

  await page.getByTestId('scripts-view-stats').click();
  await expect(page.getByTestId('stats-totals')).toContainText('3');
  await expect(page.getByTestId('stats-missed')).toContainText('可以开发票吗');
  await expect(page.getByTestId('stats-never-used')).toContainText('no-discount');

  await page.getByTestId('scripts-view-learn').click();
  await expect(page.getByTestId('learn-item-0')).toContainText(wording);
  await page.getByTestId('learn-add-0').click();
  await expect(page.getByTestId('learn-empty')).toBeVisible();

  const reply = await suggest(page, wording);
  expect(reply.suggestions[0].scriptId).toBe('shelf-life');
  expect(reply.suggestions[0].script.questions).toContain('开封以后还能存几个月'); // particle 呀 dropped
});

test('options: shortcuts page, settings, delete all', async ({ openExtensionPage, context }) => {
  const panel = await withTeaPack(openExtensionPage);
  const page = await openExtensionPage('options.html');
  await expect(page.getByTestId('shortcut-log-promise')).toContainText('Alt+Shift+Y');
  const [tab] = await Promise.all([context.waitForEvent('page'), page.getByTestId('opt-open-shortcuts').click()]);
  await expect.poll(() => tab.url()).toBe('chrome://extensions/shortcuts');

  await page.getByTestId('opt-gift-budget').fill('120');
  await page.getByTestId('opt-save').click();
  await expect(page.getByTestId('opt-status')).toBeVisible();
  const stored = await page.evaluate(() => chrome.storage.local.get('settings'));
  expect((stored.settings as { giftBudgetPerDay: number }).giftBudgetPerDay).toBe(120);

  await page.getByTestId('opt-delete-all').click();
  await page.getByTestId('opt-delete-word').fill('删除');
  await page.getByTestId('opt-delete-confirm').click();
  await expect(page.getByTestId('opt-deleted')).toBeVisible();
  expect((await suggest(panel, '绿茶用多少度的水泡')).suggestions).toEqual([]);
  expect(await page.evaluate(() => chrome.storage.local.get('settings'))).toEqual({});
  // Back to the first run: the default pack answers again, without a browser restart.
  expect((await suggest(panel, '今天拍了什么时候发货')).suggestions[0]?.scriptId).toBe('shipping-time');
  await panel.reload();
  await expect(panel.getByTestId('pack-list').locator('li')).toHaveCount(1);
  await expect(panel.getByTestId('pack-huashu-default')).toBeVisible();
});

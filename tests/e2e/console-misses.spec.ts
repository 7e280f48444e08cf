/**
 * Misses that reach the lead (issue 9 item 4): a buyer question the card has nothing for, and a script the
 * agent had to find by search, are recorded by the content script itself (no usage row written by the test)
 * and listed in the side panel's Stats view, newest first; the search path feeds Learn too.
 */
import type { Page } from '@playwright/test';
import { buyerSays, installPack, readPack } from './console-helpers';
import { expect, test } from './fixtures';

const pack = readPack('console-test.json');

async function openWorkbench(openConsole: (path: string) => Promise<Page>) {
  const page = await openConsole('/workbench.html');
  // No free column on this layout: the strip shows the open questions without a click.
  await expect(page.getByTestId('huashu-card')).toHaveAttribute('data-layout', 'strip');
  await expect(page.getByTestId('huashu-question')).toHaveCount(2); // the open turn has been answered
  return page;
}

async function stats(openExtensionPage: (p: string) => Promise<Page>) {
  const panel = await openExtensionPage('sidepanel.html#scripts');
  await panel.getByTestId('scripts-view-stats').click();
  return panel;
}

test('a buyer question the card has nothing for is listed as a missed question in Stats', async ({
  background,
  openConsole,
  openExtensionPage,
}) => {
  await installPack(background, pack);
  const page = await openWorkbench(openConsole);
  await buyerSays(page, '你们有线下实体店吗？');
  await expect(page.getByTestId('huashu-empty')).toBeVisible();
  await buyerSays(page, '晚上几点还有客服在线？');
  await expect(page.getByTestId('huashu-question').first()).toContainText('晚上几点还有客服在线');
  await expect(page.getByTestId('huashu-empty')).toBeVisible();

  const panel = await stats(openExtensionPage);
  const missed = panel.getByTestId('missed-question');
  await expect(missed).toHaveCount(2);
  await expect(missed.nth(0)).toContainText('晚上几点还有客服在线'); // newest first
  await expect(missed.nth(1)).toContainText('你们有线下实体店吗');
  // The open turn's questions had suggestions: not misses.
  await expect(panel.getByTestId('stats-missed')).not.toContainText('发货');
});

test('a script inserted from the search box records the buyer’s message as missed, and Learn offers it', async ({
  background,
  openConsole,
  openExtensionPage,
}) => {
  await installPack(background, pack);
  const page = await openWorkbench(openConsole);
  const message = '鞋盒压坏了怎么办';
  await buyerSays(page, message);
  await expect(page.getByTestId('huashu-question-text').first()).toHaveText(message);
  await expect(page.getByTestId('huashu-question').first()).toHaveAttribute('data-status', 'ready');
  await page.getByTestId('huashu-expand').click(); // the search box is on the full card, above the strip
  await page.getByTestId('huashu-search').fill('退货');
  const result = page.getByTestId('huashu-search-result').first();
  await expect(result).toHaveAttribute('data-script-id', 'return-policy');
  await result.click();
  await expect.poll(() => page.locator('#reply').innerText()).not.toBe('');

  const panel = await stats(openExtensionPage);
  await expect(panel.getByTestId('missed-question')).toHaveCount(1);
  await expect(panel.getByTestId('missed-question')).toContainText(message);
  await expect(panel.getByTestId('missed-question')).toHaveAttribute('data-count', '1'); // counted once
  await panel.getByTestId('scripts-view-learn').click();
  await expect(panel.getByTestId('learn-item-0')).toContainText('鞋盒压坏了');
});

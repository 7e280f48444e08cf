/**
 * The featured product on the card (issue 9 item 3): a buyer choosing between models gets the active
 * featured product's pitch first, named, insertable by click or Alt+1; its insertions show in Stats.
 */
import type { Page } from '@playwright/test';
import { buyerSays, installPack, readPack } from './console-helpers';
import { expect, test } from './fixtures';

const pack = readPack('console-test.json');
const featuredPack = {
  ...pack,
  featured: [
    {
      id: 'cloud-chair',
      name: '云朵椅 Pro',
      pitch: '亲，这周主推云朵椅 Pro：加宽坐垫，久坐不累，本周下单送腰枕～',
      // Active whatever day the test runs.
      from: '2020-01-01',
      until: '2099-12-31',
      keywords: ['椅子', '云朵椅'],
    },
  ],
};

async function openWorkbench(openConsole: (path: string) => Promise<Page>) {
  const page = await openConsole('/workbench.html?editor=textarea');
  // No free column on this layout: the strip shows the open questions without a click.
  await expect(page.getByTestId('huashu-card')).toHaveAttribute('data-layout', 'strip');
  await expect(page.getByTestId('huashu-question')).toHaveCount(2); // the open turn has been answered
  return page;
}

test('a choice question shows the featured pitch first; click and Alt+1 insert it; Stats counts them', async ({
  background,
  openConsole,
  openExtensionPage,
}) => {
  await installPack(background, featuredPack);
  const page = await openWorkbench(openConsole);
  const featured = page.getByTestId('huashu-featured');
  await expect(featured).toHaveCount(0); // not for the open turn's shipping and discount questions

  await buyerSays(page, '这两款椅子哪个更好一点？');
  await expect(featured).toBeVisible();
  await expect(featured).toContainText('云朵椅 Pro');
  // It is the first thing on the card.
  const first = page.getByTestId('huashu-question').first().locator('button').first();
  await expect(first).toHaveAttribute('data-testid', 'huashu-featured');

  await featured.click();
  await expect(page.locator('#reply')).toHaveValue(/云朵椅 Pro：加宽坐垫/);
  await page.locator('#reply').fill('');
  await page.locator('#reply').focus();
  await page.keyboard.press('Alt+1');
  await expect(page.locator('#reply')).toHaveValue(/云朵椅 Pro：加宽坐垫/);

  const panel = await openExtensionPage('sidepanel.html#scripts');
  await panel.getByTestId('scripts-view-stats').click();
  const row = panel.getByTestId('stats-featured').locator('li');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('云朵椅 Pro');
  await expect(row).toHaveAttribute('data-count', '2');
});

test('a question that is not a choice gets no featured pitch', async ({ background, openConsole }) => {
  await installPack(background, featuredPack);
  const page = await openWorkbench(openConsole);
  await buyerSays(page, '椅子什么时候发货');
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'shipping-time');
  await expect(page.getByTestId('huashu-featured')).toHaveCount(0);
});

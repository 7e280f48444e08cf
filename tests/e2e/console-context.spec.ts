/**
 * The conversation as context (issue 11): the content script passes the rows before a buyer message to the
 * engine, as `npm run eval -- --conversations` does. An acknowledgement after the agent's answer gets no card;
 * a short follow-up is read with the buyer's earlier question. Without the context neither holds (the same
 * messages on their own: 好的 那我退货吧 matches return-policy, 那拆了包装呢 matches nothing).
 */
import type { Page } from '@playwright/test';
import { agentSays, answeredDuring, buyerSays, installPack, readPack } from './console-helpers';
import { expect, test } from './fixtures';

const suggestedCount = (page: Page) =>
  page.evaluate(() => Number(document.documentElement.dataset.huashuSuggested ?? 0));

/** The buyer writes `text`; resolves once the engine's reply for it is on the card (data-huashu-suggested moved). */
async function buyerAsks(page: Page, text: string): Promise<void> {
  const before = await suggestedCount(page);
  expect(await answeredDuring(page, () => buyerSays(page, text))).toBe(1);
  await page.waitForFunction((n) => Number(document.documentElement.dataset.huashuSuggested ?? 0) > n, before);
}

test.beforeEach(async ({ background }) => {
  await installPack(background, readPack('console-test.json'));
});

test('an acknowledgement after the agent’s answer gets no card', async ({ openConsole }) => {
  const page = await openConsole('/textarea.html');
  const suggestions = page.getByTestId('huashu-suggestion');
  await buyerSays(page, '可以退货吗');
  await expect(suggestions.first()).toHaveAttribute('data-script-id', 'return-policy');
  await agentSays(page, '亲，支持七天无理由退货的哦');

  await buyerAsks(page, '好的 那我退货吧');
  await expect(page.getByTestId('huashu-card')).toHaveAttribute('data-status', 'ready');
  await expect(suggestions).toHaveCount(0);
});

test('a short follow-up is answered with the buyer’s earlier question', async ({ openConsole }) => {
  const page = await openConsole('/textarea.html');
  const first = page.getByTestId('huashu-suggestion').first();
  await buyerSays(page, '可以退货吗');
  await expect(first).toHaveAttribute('data-script-id', 'return-policy');
  await agentSays(page, '亲，支持七天无理由退货的哦');

  await buyerAsks(page, '那拆了包装呢');
  await expect(page.getByTestId('huashu-card')).toHaveAttribute('data-status', 'ready');
  await expect(first).toHaveAttribute('data-script-id', 'return-policy');
  await expect(page.getByTestId('huashu-empty')).toHaveCount(0);
});

/// <reference types="chrome" />
/**
 * The plain textarea console (generic adapter): detection of new buyer messages only, the card's
 * ranking, insertion without sending, follow-ups, compensations within the gift budget, keyboard.
 */
import type { Page } from '@playwright/test';
import { agentSays, answeredDuring, buyerSays, installPack, readPack, sent } from './console-helpers';
import { expect, test } from './fixtures';
import { readFeedback, readPromises } from './promises-helpers';

const pack = readPack('console-test.json');

async function open(background: Parameters<typeof installPack>[0], openConsole: (p: string) => Promise<Page>) {
  await installPack(background, pack);
  return openConsole('/textarea.html');
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('history on load and the agent’s own messages trigger nothing', async ({ background, openConsole }) => {
  const page = await open(background, openConsole);
  const card = page.getByTestId('huashu-card');
  await expect(card).toHaveAttribute('data-status', 'idle');
  expect(await answeredDuring(page, () => agentSays(page, '亲，什么时候发货我帮您查一下'))).toBe(0);
  await expect(card).toHaveAttribute('data-status', 'idle');
  await expect(page.getByTestId('huashu-suggestion')).toHaveCount(0);
});

test('a buyer question shows the expected script first; a click inserts and sends nothing', async ({
  background,
  openConsole,
}) => {
  const page = await open(background, openConsole);
  await buyerSays(page, '请问什么时候发货呀');
  const first = page.getByTestId('huashu-suggestion').first();
  await expect(first).toHaveAttribute('data-script-id', 'shipping-time');
  await first.click();
  // {buyer} filled from the conversation header; the page's own Send was not pressed.
  await expect(page.locator('#reply')).toHaveValue(/小雨.*16/);
  expect(await sent(page)).toEqual([]);
  await expect(page.locator('.msg.from-agent')).toHaveCount(1);

  // The card sits next to the conversation, never over it.
  const cardBox = (await page.getByTestId('huashu-card').boundingBox())!;
  const logBox = (await page.locator('.chat-log').boundingBox())!;
  expect(overlaps(cardBox, logBox)).toBe(false);

  // A follow-up chip inserts its multiple-choice question at the caret, after the answer.
  await page.getByTestId('huashu-followup').first().click();
  await expect(page.locator('#reply')).toHaveValue(
    /16.*方便告诉我收货城市吗？我帮您看看快递时效 A\. 江浙沪 \/ B\. 北京/s,
  );
  expect(await sent(page)).toEqual([]);
});

test('a refused request offers compensations; gifts within today’s budget, which is counted', async ({
  background,
  openConsole,
}) => {
  const page = await open(background, openConsole);
  await buyerSays(page, '能便宜点吗亲');
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'discount');
  const comps = page.getByTestId('huashu-compensation');
  // shift + the 3-yuan gift; the 80-yuan gift is over the default 50/day budget.
  await expect(comps).toHaveCount(2);
  await expect(page.getByTestId('huashu-over-budget')).toBeVisible();
  await comps.filter({ hasText: '鞋带' }).click();
  await expect(page.locator('#reply')).toHaveValue(/替换鞋带/);
  const use = await background.evaluate(async () => (await chrome.storage.local.get('giftBudgetUse')).giftBudgetUse);
  expect(use).toMatchObject({ used: 3 });
  expect(await sent(page)).toEqual([]);
});

test('Alt+1 inserts the first suggestion; Esc hides the card for this message only', async ({
  background,
  openConsole,
}) => {
  const page = await open(background, openConsole);
  const card = page.getByTestId('huashu-card');
  await page.locator('#reply').click();
  // No suggestions showing: Alt+1 is left to the page.
  await page.keyboard.press('Alt+1');
  await expect(page.locator('#reply')).toHaveValue('');

  await buyerSays(page, '可以开专票吗');
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'vat-invoice');
  await page.keyboard.press('Alt+1');
  await expect(page.locator('#reply')).toHaveValue(/开户行及账号/);

  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await page.locator('#reply').fill('');
  await page.keyboard.press('Alt+1');
  await expect(page.locator('#reply')).toHaveValue('');

  await buyerSays(page, '我再问问我老婆吧');
  await expect(card).toBeVisible();
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'ask-family');
});

test('a gentle one-line hint when the reply says 但是/but', async ({ background, openConsole }) => {
  const page = await open(background, openConsole);
  await page.locator('#reply').pressSequentially('亲，这个可以，但是');
  await expect(page.getByTestId('huashu-hint')).toBeVisible();
  await page.locator('#reply').fill('亲，这个可以的');
  await expect(page.getByTestId('huashu-hint')).toHaveCount(0);
  // Never blocking: the agent can still send.
  await page.locator('#send').click();
  expect(await sent(page)).toEqual(['亲，这个可以的']);
});

test('the search box finds another script and inserts it', async ({ background, openConsole }) => {
  const page = await open(background, openConsole);
  await page.getByTestId('huashu-search').fill('退货');
  const result = page.getByTestId('huashu-search-result').first();
  await expect(result).toHaveAttribute('data-script-id', 'return-policy');
  await result.click();
  await expect(page.locator('#reply')).toHaveValue(/7天无理由/);
});

test('the card follows a dark page', async ({ background, openConsole }) => {
  await installPack(background, pack);
  const page = await openConsole('/textarea.html?dark');
  await expect(page.getByTestId('huashu-card')).toHaveAttribute('data-theme', 'dark');
});

test('with no room beside the conversation the card is a strip above the reply box, readable at once', async ({
  background,
  openConsole,
}) => {
  const page = await open(background, openConsole);
  await page.setViewportSize({ width: 700, height: 800 });
  await buyerSays(page, '请问什么时候发货呀');
  const card = page.getByTestId('huashu-card');
  await expect(card).toHaveAttribute('data-layout', 'strip');
  const first = page.getByTestId('huashu-suggestion').first();
  await expect(first).toHaveAttribute('data-script-id', 'shipping-time');
  await expect(first).toBeVisible();
  // Docked to the reply box's top edge: above it, not over it.
  const strip = (await card.boundingBox())!;
  const reply = (await page.locator('#reply').boundingBox())!;
  expect(overlaps(strip, reply)).toBe(false);
  expect(strip.y + strip.height).toBeLessThanOrEqual(reply.y);
  expect(reply.y - (strip.y + strip.height)).toBeLessThan(40);
  await page.locator('#reply').click();
  await page.keyboard.press('Alt+1'); // the strip shows suggestions: the key inserts the first
  await expect(page.locator('#reply')).toHaveValue(/16/);
  // Collapsed by the agent, it is a corner bar and the key goes back to the page.
  await page.getByTestId('huashu-collapse').click();
  await expect(card).toHaveAttribute('data-collapsed', 'true');
  await expect(page.getByTestId('huashu-count')).toHaveText(/[1-3]/);
  await page.locator('#reply').fill('');
  await page.keyboard.press('Alt+1');
  await expect(page.locator('#reply')).toHaveValue('');
  await page.getByTestId('huashu-collapse').click();
  await expect(first).toHaveAttribute('data-script-id', 'shipping-time');
});

test('the card’s log-promise and feedback buttons log to the background, with a toast', async ({
  background,
  openConsole,
}) => {
  const page = await open(background, openConsole);
  await buyerSays(page, '衣服和图片上颜色差太多了吧');
  await expect(page.getByTestId('huashu-card')).toBeVisible();
  await page.locator('#reply').fill('明天上午一定给您发出');
  await page.getByTestId('huashu-log-promise').click();
  await expect(page.getByTestId('huashu-toast')).toHaveAttribute('data-kind', 'promise');
  await expect
    .poll(async () => (await readPromises(background)).map((p) => [p.text, p.buyer]))
    .toEqual([['明天上午一定给您发出', '小雨']]);
  await page.getByTestId('huashu-log-feedback').click();
  await expect(page.getByTestId('huashu-toast')).toHaveAttribute('data-kind', 'feedback');
  await expect
    .poll(async () => (await readFeedback(background)).map((f) => f.text))
    .toEqual(['衣服和图片上颜色差太多了吧']);
  expect(await sent(page)).toEqual([]);
});

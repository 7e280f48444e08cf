/**
 * The demo console end to end: the scripted buyer's everyday situations one by one, each answered by
 * the expected script; the agent inserts, edits and sends with the page's own button.
 */
import { answeredDuring, installPack, readPack, sent, settled } from './console-helpers';
import { expect, test } from './fixtures';

const SITUATIONS = [
  ['shipping-time', '亲～老陈，16点前付款'],
  ['discount', '活动价'],
  ['ask-family', '商量好了'],
  ['differs-from-photo', '自然光'],
  ['vat-invoice', '开户行及账号'],
] as const;

test('the scripted buyer’s situations each get the expected script; insert never sends', async ({
  background,
  openConsole,
}) => {
  await installPack(background, readPack('console-test.json'));
  const page = await openConsole('/demo/index.html?manual');
  const card = page.getByTestId('huashu-card');
  const first = page.getByTestId('huashu-suggestion').first();
  const reply = page.locator('#reply');
  await expect(card).toHaveAttribute('data-status', 'idle');

  for (const [scriptId, expected] of SITUATIONS) {
    await page.getByRole('button', { name: '买家下一句' }).click();
    await expect(first).toHaveAttribute('data-script-id', scriptId);
    await first.click();
    await expect(reply).toHaveValue(new RegExp(expected));
    if (scriptId === 'discount') {
      await page.getByTestId('huashu-compensation').first().click();
      await expect(reply).toHaveValue(/头层牛皮/);
    }
    const before = (await sent(page)).length;
    // The agent's own message does not start a new round.
    expect(await answeredDuring(page, () => page.locator('#send').click())).toBe(0);
    expect((await sent(page)).length).toBe(before + 1);
    await expect(first).toHaveAttribute('data-script-id', scriptId);
  }
  expect((await sent(page)).map((s) => (s as [string, string])[0])).toEqual(['老陈', '老陈', '老陈', '老陈', '老陈']);
});

test('the demo’s other buyers keep their own suggestions', async ({ background, openConsole }) => {
  await installPack(background, readPack('console-test.json'));
  const page = await openConsole('/demo/index.html?manual');
  await page.getByRole('button', { name: '买家下一句' }).click();
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'shipping-time');
  await page.getByRole('option', { name: /Emma/ }).click();
  await expect(page.getByTestId('huashu-suggestion')).toHaveCount(0);
  await settled(page, 'Emma');
  await page.getByRole('button', { name: '买家下一句' }).click();
  const first = page.getByTestId('huashu-suggestion').first();
  await expect(first).toHaveAttribute('data-script-id', 'shipping-time-en');
  await expect(first).toContainText('Hi Emma!');
  await page.getByRole('option', { name: /老陈/ }).click();
  await expect(first).toHaveAttribute('data-script-id', 'shipping-time');
});

test('what `npm run demo` shows: the built-in default pack answers each of the scripted buyer’s situations', async ({
  openConsole,
}) => {
  const page = await openConsole('/demo/index.html?manual');
  const card = page.getByTestId('huashu-card');
  const first = page.getByTestId('huashu-suggestion').first();
  await expect(card).toHaveAttribute('data-status', 'idle');
  const expected = ['shipping-time', 'discount-request', 'ask-family', 'color-difference', 'invoice-vat-special'];
  for (const scriptId of expected) {
    await page.getByRole('button', { name: '买家下一句' }).click();
    await expect(first).toHaveAttribute('data-script-id', scriptId);
    if (scriptId === 'discount-request') await expect(page.getByTestId('huashu-compensation').first()).toBeVisible();
    if (scriptId === 'ask-family') await expect(page.getByTestId('huashu-followup').first()).toBeVisible();
    await first.click();
    expect(await answeredDuring(page, () => page.locator('#send').click())).toBe(0);
  }
});

/**
 * Emotion first (issue 14), on the plain textarea console with the default pack: an angry buyer gets a card
 * marked upset whose calming opener (no apology: the script is not a seller error) is inserted before the answer.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buyerSays, sent } from './console-helpers';
import { expect, test } from './fixtures';

const defaultPack = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/packs/default.json'), 'utf8'),
) as { openers: { upset: { text: string; apology?: boolean }[] } };
const calming = defaultPack.openers.upset.filter((o) => !o.apology).map((o) => o.text);

test('an angry buyer: data-emotion="upset" and the opener inserted before the answer', async ({ openConsole }) => {
  const page = await openConsole('/textarea.html');
  const card = page.getByTestId('huashu-card');
  await buyerSays(page, '等了五天了物流一直不动！！什么破快递，再不处理我就给差评');
  await expect(card).toHaveAttribute('data-status', 'ready');
  await expect(card).toHaveAttribute('data-emotion', 'upset');
  const opener = page.getByTestId('huashu-opener');
  await expect(opener).toBeVisible();
  await expect(opener).toHaveAttribute('data-apology', 'false');
  const shown = (await opener.textContent()) ?? '';
  const text = calming.find((t) => shown.includes(t));
  expect(text, `opener on the card: ${shown}`).toBeDefined();

  const first = page.getByTestId('huashu-suggestion').first();
  await expect(first).toHaveAttribute('data-script-id', 'logistics-stuck');
  const answer = (await first.locator('.hs-text').textContent()) ?? '';
  await first.click();
  // Opener first, then the answer; a greeting both open with (亲，) is said once.
  const body = text!.startsWith('亲') ? answer.replace(/^亲[，,]?/, '') : answer;
  await expect(page.locator('#reply')).toHaveValue(`${text}${body}`);
  expect(await sent(page)).toEqual([]);
});

test('a calm buyer: data-emotion="calm", no opener', async ({ openConsole }) => {
  const page = await openConsole('/textarea.html');
  const card = page.getByTestId('huashu-card');
  await buyerSays(page, '请问什么时候发货呀');
  await expect(card).toHaveAttribute('data-status', 'ready');
  await expect(card).toHaveAttribute('data-emotion', 'calm');
  await expect(page.getByTestId('huashu-suggestion').first()).toBeVisible();
  await expect(page.getByTestId('huashu-opener')).toHaveCount(0);
});

test('the buyer type comes from all buyer rows: impatient → the short answer, switchable in one click', async ({
  openConsole,
}) => {
  const page = await openConsole('/textarea.html');
  const card = page.getByTestId('huashu-card');
  await buyerSays(page, '在吗');
  await buyerSays(page, '在吗');
  await buyerSays(page, '什么时候发货');
  await expect(card).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('huashu-buyer-type')).toHaveAttribute('data-buyer-type', 'impatient');
  const first = page.getByTestId('huashu-suggestion').first();
  await expect(first).toHaveAttribute('data-script-id', 'shipping-time');
  await expect(first).toHaveAttribute('data-style', 'short');
  await page.getByTestId('huashu-style').click();
  await expect(first).toHaveAttribute('data-style', 'detailed');
});

/** A console with a conversation list: suggestions stay with their buyer; switching is not a new message. */
import { answeredDuring, buyerSays, installPack, readPack, settled } from './console-helpers';
import { expect, test } from './fixtures';

test('switching conversations keeps each buyer’s suggestions apart', async ({ background, openConsole }) => {
  await installPack(background, readPack('console-test.json'));
  const page = await openConsole('/conversations.html');
  const first = page.getByTestId('huashu-suggestion').first();
  const card = page.getByTestId('huashu-card');

  await buyerSays(page, '请问什么时候发货呀');
  await expect(first).toHaveAttribute('data-script-id', 'shipping-time');

  // A message to a conversation that is not open changes nothing on the card.
  expect(await answeredDuring(page, () => buyerSays(page, '能便宜点吗亲', '老王'))).toBe(0);
  await expect(first).toHaveAttribute('data-script-id', 'shipping-time');

  // Opening 老王 shows his history, which ends with that question and no reply: it is his open turn
  // (issue 9: the rows after the agent's last message get suggestions when the conversation opens).
  await page.getByRole('option', { name: /老王/ }).click();
  await expect(first).toHaveAttribute('data-script-id', 'discount');
  await expect(card).toHaveAttribute('data-status', 'ready');

  await settled(page, '老王'); // the history of a just-opened conversation settles first
  await buyerSays(page, '我再问问我老婆吧');
  await expect(first).toHaveAttribute('data-script-id', 'ask-family');
  // The earlier question of the same turn stays on the card below the newest one.
  await expect(page.getByTestId('huashu-question-text').filter({ hasText: '能便宜点吗亲' })).toHaveCount(1);

  await page.getByRole('option', { name: /小雨/ }).click();
  await expect(first).toHaveAttribute('data-script-id', 'shipping-time');
  await expect(page.getByTestId('huashu-suggestion').first()).toContainText('小雨');

  await page.getByRole('option', { name: /老王/ }).click();
  await expect(first).toHaveAttribute('data-script-id', 'ask-family');
});

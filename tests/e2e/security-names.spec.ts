/**
 * Buyers whose nickname is an Object.prototype name (issue 12): the per-conversation card table is keyed
 * by the conversation's name, which the page provides. Each still gets a card with suggestions, and the
 * {buyer} placeholder is filled with the nickname.
 */
import { buyerSays, installPack, readPack } from './console-helpers';
import { expect, test } from './fixtures';

const pack = readPack('console-test.json');

for (const buyer of ['constructor', '__proto__', 'toString']) {
  test(`a buyer named ${buyer} gets a card`, async ({ background, openConsole }) => {
    await installPack(background, pack);
    const page = await openConsole(`/textarea.html?buyer=${encodeURIComponent(buyer)}`);
    await expect(page.locator('.nick')).toHaveText(buyer);
    await buyerSays(page, '请问什么时候发货呀');
    const card = page.getByTestId('huashu-card');
    await expect(card).toHaveAttribute('data-status', 'ready');
    const first = page.getByTestId('huashu-suggestion').first();
    await expect(first).toHaveAttribute('data-script-id', 'shipping-time');
    await first.click();
    await expect(page.locator('#reply')).toHaveValue(new RegExp(`${buyer}，16点前付款`));
  });
}

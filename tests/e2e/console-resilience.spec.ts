/** The host page never breaks: an exception inside Huashu is caught and logged, the console keeps working. */
import { buyerSays, installPack, readPack, sent } from './console-helpers';
import { expect, test } from './fixtures';

test('the engine throwing leaves the console page working', async ({ background, openConsole }) => {
  await installPack(background, readPack('console-test.json'));
  // Make every suggestion request fail inside the background.
  await background.evaluate(() => {
    const hooks = (globalThis as unknown as { huashu: { engineCache: { get(): Promise<unknown> } } }).huashu;
    hooks.engineCache.get = () => Promise.reject(new Error('engine exploded (test)'));
  });
  const page = await openConsole('/textarea.html');
  const pageErrors: Error[] = [];
  const logs: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e));
  page.on('console', (m) => logs.push(m.text()));

  await buyerSays(page, '请问什么时候发货呀');
  await expect(page.getByTestId('huashu-error')).toBeVisible();
  await expect.poll(() => logs.some((l) => l.startsWith('[huashu] suggest'))).toBe(true);

  // The page's own features still work: new messages render, typing and Send work.
  await buyerSays(page, '还在吗');
  await expect(page.locator('.msg.from-buyer').last()).toHaveText('还在吗');
  await page.locator('#reply').fill('在的亲');
  await page.locator('#send').click();
  expect(await sent(page)).toEqual(['在的亲']);
  expect(pageErrors).toEqual([]);
});

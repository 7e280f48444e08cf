/**
 * Console profiles: a console with hashed class names read through a profile imported in a pack, and
 * teach mode producing a working profile for a console the generic adapter misreads.
 */
import { agentSays, answeredDuring, buyerSays, installPack, readPack, sent } from './console-helpers';
import { expect, test } from './fixtures';

const pack = readPack('console-test.json');

test('hashed class names: a profile from a pack reads the console and fills placeholders', async ({
  background,
  openConsole,
}) => {
  await installPack(background, pack);
  const page = await openConsole('/hashed.html');
  const card = page.getByTestId('huashu-card');
  await expect(card).toContainText('Hashed desk (fixture)');
  await expect(page.getByTestId('huashu-unverified')).toHaveCount(0); // the fixture profile is marked verified

  expect(await answeredDuring(page, () => agentSays(page, '请问什么时候发货呀'))).toBe(0);
  await expect(card).toHaveAttribute('data-status', 'idle');

  await buyerSays(page, '请问什么时候发货呀');
  const first = page.getByTestId('huashu-suggestion').first();
  await expect(first).toHaveAttribute('data-script-id', 'shipping-time');
  await page.getByTestId('huashu-tone').click();
  await expect(first).toHaveAttribute('data-tone', 'formal');
  await first.click();
  await expect(page.locator('textarea')).toHaveValue(
    '陈女士您好，16:00前付款的订单当天发出，预计2–3天送达。订单号 TB20241105888。',
  );
  expect(await sent(page)).toEqual([]);
});

test('teach mode: three clicks make a profile that reads buyer and agent rows apart', async ({
  background,
  openConsole,
  context,
}) => {
  await installPack(background, pack);
  const page = await openConsole('/teach.html');
  await page.getByTestId('huashu-teach').click();
  const panel = page.getByTestId('huashu-teach-panel');
  await expect(panel).toHaveAttribute('data-step', 'list');
  await expect(page.getByTestId('huashu-card')).toHaveCount(0); // the card steps aside while teaching
  await page.locator('.jilu .tiao.kf .nr').click(); // a click inside the history picks the scrolling list
  await expect(panel).toHaveAttribute('data-step', 'buyer');
  await page.locator('.jilu .tiao.mj .nr').first().click();
  await expect(panel).toHaveAttribute('data-step', 'reply');
  await page.locator('textarea').click();
  await expect(panel).toHaveAttribute('data-step', 'name');
  await page.locator('.mjnc').click();
  await expect(panel).toHaveAttribute('data-step', 'review');
  await expect(page.getByTestId('huashu-teach-summary')).toContainText(/3.*2/);
  await expect(page.getByTestId('huashu-teach-summary')).toContainText('好的');
  await expect(page.getByTestId('huashu-teach-problem')).toHaveCount(0);
  // The page's own controls were not triggered by the teaching clicks.
  expect(await sent(page)).toEqual([]);
  await page.getByTestId('huashu-teach-save').click();
  await expect(panel).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-huashu', 'ready');
  await expect(page.getByTestId('huashu-card')).toBeVisible();

  expect(await answeredDuring(page, () => agentSays(page, '亲，什么时候发货我帮您查一下'))).toBe(0);
  await expect(page.getByTestId('huashu-suggestion')).toHaveCount(0);
  await buyerSays(page, '请问什么时候发货呀');
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'shipping-time');
  await expect(page.getByTestId('huashu-suggestion').first()).toContainText('周先生');

  // Saved for the site: a fresh page load reads the console with the taught profile.
  const stored = await background.evaluate(async () => {
    const { db } = (globalThis as unknown as { huashu: { db: { sites: { toArray(): Promise<unknown[]> } } } }).huashu;
    return db.sites.toArray();
  });
  expect(stored).toEqual([
    expect.objectContaining({
      pattern: 'http://127.0.0.1/*',
      profile: expect.objectContaining({ buyerMessage: expect.any(String) }),
    }),
  ]);
  expect(JSON.stringify(stored)).not.toMatch(/css-/);
  const again = await context.newPage();
  await again.goto(page.url());
  await expect(again.locator('html')).toHaveAttribute('data-huashu', 'ready');
  await expect(again.getByTestId('huashu-card')).toContainText('needs teaching');
  expect(await answeredDuring(again, () => agentSays(again, '亲，什么时候发货我帮您查一下'))).toBe(0);
  // The history ends with the buyer's "好的" (his open turn, issue 9): it was read when the page opened and
  // is no question, so the card suggests nothing.
  expect(await again.evaluate(() => document.documentElement.dataset.huashuAnswered)).toBe('1');
  await expect(again.getByTestId('huashu-suggestion')).toHaveCount(0);
});

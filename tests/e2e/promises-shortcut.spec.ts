/// <reference types="chrome" />
import { expect, test } from './fixtures';
import { hasXdotool, pressShortcut, readPromises } from './promises-helpers';

test.beforeEach(() => {
  test.skip(!hasXdotool(), 'needs an X display and xdotool (run under tests/tools/with-display.sh)');
});

test('a real Alt+Shift+Y on the fixture console logs the promise', async ({ openConsole, background }) => {
  const page = await openConsole('/promises.html');
  await page.locator('#reply').fill('好的亲，明天上午给您补发一个新的杯子');
  await pressShortcut(page, 'alt+shift+y');
  const toast = page.getByTestId('huashu-toast');
  await expect(toast).toBeVisible();
  await expect.poll(async () => (await readPromises(background)).length).toBe(1);
  const [p] = await readPromises(background);
  expect(p).toMatchObject({
    text: '好的亲，明天上午给您补发一个新的杯子',
    buyer: '小雨',
    orderId: '3312456789012345678',
    source: 'replyBox',
    status: 'open',
  });
});

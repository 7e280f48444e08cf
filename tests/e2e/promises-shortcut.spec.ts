/// <reference types="chrome" />
/**
 * The log-promise shortcut, pressed for real (xdotool under Xvfb) on the fixture console: stored with
 * buyer, order and due time; the side panel page (opened as a tab) shows it live; Done moves it; the
 * toast's Undo and Edit work.
 */
import { answeredDuring } from './console-helpers';
import { expect, test } from './fixtures';
import {
  SHANGHAI_SETTINGS,
  hasXdotool,
  logWithShortcut,
  pressShortcut,
  readPromises,
  setSettings,
  shanghaiEpoch,
} from './promises-helpers';

// Several real key presses per test on a shared 2-core machine.
test.describe.configure({ timeout: 60_000 });

test.beforeEach(async ({ background }) => {
  test.skip(!hasXdotool() && !process.env.CI, 'needs an X display and xdotool (run under tools/with-display.sh)');
  await setSettings(background, SHANGHAI_SETTINGS);
});

test('Alt+Shift+Y logs the promise; the side panel shows it live; Done moves it', async ({
  openConsole,
  openExtensionPage,
  background,
  context,
}) => {
  const panel = await openExtensionPage('sidepanel.html');
  await expect(panel.getByTestId('promises-empty')).toBeVisible();

  const page = await openConsole('/promises.html');
  const text = '好的亲，明天上午给您补发一个新的杯子';
  await page.locator('#reply').fill(text);
  await pressShortcut(page, 'alt+shift+y');

  const toast = page.getByTestId('huashu-toast');
  await expect(toast).toBeVisible();
  await expect(toast).toHaveAttribute('data-kind', 'promise');
  await expect(toast.getByTestId('toast-due')).toContainText('明天 12:00');

  const [stored] = await readPromises(background);
  expect(stored).toMatchObject({
    text,
    buyer: '小雨',
    orderId: '3312456789012345678',
    source: 'replyBox',
    status: 'open',
    due: shanghaiEpoch(1, 12),
    dueExplicit: true,
  });
  expect(stored.url).toContain('/promises.html');

  // Live: the panel was open before the promise was logged, and is not reloaded.
  const row = panel.getByTestId('promise-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('promise-text')).toHaveText(text);
  await expect(row.getByTestId('promise-buyer')).toHaveText('小雨');
  await expect(row.getByTestId('promise-order')).toContainText('3312456789012345678');
  await expect(row.getByTestId('promise-due')).toHaveText('明天 12:00');
  await expect(row).toHaveAttribute('data-due', String(shanghaiEpoch(1, 12)));
  await expect(panel.getByTestId('group-later').getByTestId('promise-row')).toHaveCount(1);

  // "Open the conversation" brings the console tab back to the front (no new tab).
  await panel.bringToFront();
  // The active tab of the browser's one window; `lastFocusedWindow` would depend on the X server's focus,
  // which a key press sent to another window can take away.
  const activeUrl = () => background.evaluate(() => chrome.tabs.query({ active: true }).then((t) => t[0]?.url));
  await expect.poll(activeUrl).toContain('/sidepanel.html');
  const tabs = context.pages().length;
  await row.getByTestId('promise-open').click();
  await expect.poll(activeUrl).toContain('/promises.html');
  expect(context.pages()).toHaveLength(tabs);
  await panel.bringToFront();

  await row.getByTestId('promise-done').click();
  await expect(panel.getByTestId('group-done').getByTestId('promise-row')).toHaveCount(1);
  await expect(panel.getByTestId('group-later')).toHaveCount(0);
  await expect.poll(async () => (await readPromises(background))[0].status).toBe('done');
});

test('without a selection or reply text, the agent’s last message is logged; a selection wins', async ({
  openConsole,
  background,
}) => {
  const page = await openConsole('/promises.html');
  await pressShortcut(page, 'alt+shift+y');
  await expect(page.getByTestId('huashu-toast').getByTestId('toast-text')).toHaveText('收到，明天上午给您补发一个新的');
  await page.getByText('另外快递员没送上楼').selectText();
  await pressShortcut(page, 'alt+shift+y');
  await expect(page.getByTestId('huashu-toast').getByTestId('toast-text')).toContainText('另外快递员没送上楼');
  const rows = await readPromises(background);
  expect(rows.map((r) => r.source).sort()).toEqual(['lastAgentMessage', 'selection']);
});

test('the toast’s Undo takes the promise back (restorable in the panel) and Edit changes it', async ({
  openConsole,
  openExtensionPage,
  background,
}) => {
  const page = await openConsole('/promises.html');
  await logWithShortcut(page, '今天一定给您发出');
  const toast = page.getByTestId('huashu-toast');
  await toast.getByTestId('toast-undo').click();
  await expect(toast).toHaveAttribute('data-kind', 'undone');
  await expect.poll(async () => (await readPromises(background)).map((p) => p.status)).toEqual(['deleted']);

  // The Promises tab lists it under Undone (not among the open ones); Restore brings it back open.
  const panel = await openExtensionPage('sidepanel.html');
  await expect(panel.getByTestId('promises-empty')).toBeVisible();
  const undone = panel.getByTestId('group-deleted').getByTestId('deleted-row');
  await expect(undone).toHaveCount(1);
  await expect(undone.getByTestId('promise-text')).toHaveText('今天一定给您发出');
  await undone.getByTestId('promise-restore').click();
  await expect(panel.getByTestId('group-deleted')).toHaveCount(0);
  await expect(panel.getByTestId('promise-row')).toHaveCount(1);
  await expect.poll(async () => (await readPromises(background)).map((p) => p.status)).toEqual(['open']);
  await panel.getByTestId('promise-row').getByTestId('promise-done').click();
  await expect.poll(async () => (await readPromises(background)).map((p) => p.status)).toEqual(['done']);
  await page.bringToFront();

  await logWithShortcut(page, '后天给您寄出');
  await toast.getByTestId('toast-edit').click();
  await toast.getByTestId('toast-edit-text').fill('后天上午给您寄出');
  const due = shanghaiEpoch(2, 11, 30);
  const local = new Date(due + 8 * 3600_000).toISOString().slice(0, 16);
  await toast.getByTestId('toast-edit-due').fill(local);
  await toast.getByTestId('toast-save').click();
  await expect(toast.getByTestId('toast-text')).toHaveText('后天上午给您寄出');
  await expect
    .poll(async () => (await readPromises(background)).find((p) => p.status === 'open'))
    .toMatchObject({ text: '后天上午给您寄出', due });
});

test('an agent message that reads like a promise gets a one-click offer', async ({ openConsole, background }) => {
  const page = await openConsole('/promises.html');
  await page.locator('#reply').fill('抱歉亲，我这边周五前给您补寄一个');
  await page.locator('#send').click();
  const toast = page.getByTestId('huashu-toast');
  await expect(toast).toHaveAttribute('data-kind', 'offer');
  await toast.getByTestId('toast-offer-log').click();
  await expect(toast).toHaveAttribute('data-kind', 'promise');
  const [p] = await readPromises(background);
  expect(p).toMatchObject({ text: '抱歉亲，我这边周五前给您补寄一个', source: 'offer', buyer: '小雨' });

  // Not a promise: no offer.
  await page.getByTestId('toast-close').click();
  await page.locator('#reply').fill('好的，感谢您的支持');
  expect(await answeredDuring(page, () => page.locator('#send').click())).toBe(0);
  await expect(toast).toHaveCount(0);
});

/// <reference types="chrome" />
/**
 * Bad input: no conversation open, an empty selection, a 20,000-character selection, a page without
 * Huashu, IndexedDB quota exceeded, a closed or crashed side panel, two tabs logging at once. Each gives a
 * clear message and loses no promise already logged.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR } from '../../tools/browser/extension';
import { expect, test } from './fixtures';
import {
  SHANGHAI_SETTINGS,
  hasXdotool,
  logWithShortcut,
  pressShortcut,
  readPromises,
  setSettings,
} from './promises-helpers';

// Several real key presses per test on a shared 2-core machine.
test.describe.configure({ timeout: 60_000 });

test.beforeEach(async ({ background }) => {
  test.skip(!hasXdotool() && !process.env.CI, 'needs an X display and xdotool (run under tools/with-display.sh)');
  await setSettings(background, SHANGHAI_SETTINGS);
});

test('no conversation open, or nothing to capture: a message in the toast, nothing logged', async ({
  openConsole,
  background,
}) => {
  const empty = await openConsole('/promises.html?empty', 'waiting');
  await pressShortcut(empty, 'alt+shift+y');
  const toast = empty.getByTestId('huashu-toast');
  await expect(toast.getByTestId('toast-error')).toHaveAttribute('data-error', 'noConversation');
  await expect(toast).toContainText('没有打开的会话');

  // A conversation with no agent message, an empty reply box and a blank selection.
  const quiet = await openConsole('/promises.html?noagent');
  await quiet.evaluate(() => {
    const r = document.createRange();
    r.selectNodeContents(document.querySelector('aside')!.appendChild(document.createTextNode('   ')));
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
  });
  await pressShortcut(quiet, 'alt+shift+y');
  await expect(quiet.getByTestId('huashu-toast').getByTestId('toast-error')).toHaveAttribute('data-error', 'empty');
  expect(await readPromises(background)).toHaveLength(0);
});

test('a 20,000-character selection is stored cut, with a note', async ({
  openConsole,
  openExtensionPage,
  background,
}) => {
  const page = await openConsole('/promises.html');
  const huge = `明天给您补发。${'很长的说明'.repeat(4000)}`.slice(0, 20_000);
  await page.locator('#reply').fill(huge);
  await page.locator('#reply').evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, el.value.length));
  await pressShortcut(page, 'alt+shift+y');
  const toast = page.getByTestId('huashu-toast');
  await expect(toast.getByTestId('toast-truncated')).toContainText('20000');
  const [p] = await readPromises(background);
  expect(p.truncatedFrom).toBe(20_000);
  expect([...p.text]).toHaveLength(2001);
  expect(p.source).toBe('selection');
  const panel = await openExtensionPage('sidepanel.html');
  await expect(panel.getByTestId('promise-row')).toContainText('原文 20000 字，已截取');
});

test('on a page without Huashu the shortcut says so in a notification and logs nothing', async ({
  context,
  background,
}) => {
  const page = await context.newPage();
  await page.goto('data:text/html,<title>plain page</title><p>not a console</p>');
  await pressShortcut(page, 'alt+shift+y');
  await expect
    .poll(async () => Object.keys(await background.evaluate(() => chrome.notifications.getAll())))
    .toContain('huashu-not-console');
  expect(await readPromises(background)).toHaveLength(0);
});

test('IndexedDB quota exceeded: a clear message, earlier promises kept, later ones work again', async ({
  openConsole,
  background,
}) => {
  const page = await openConsole('/promises.html');
  await logWithShortcut(page, '今天给您发出');
  // Make the service worker's IndexedDB refuse writes the way a full disk does.
  await background.evaluate(() => {
    const g = globalThis as unknown as { __add: unknown };
    g.__add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.locator('#reply').fill('明天给您补发');
  await pressShortcut(page, 'alt+shift+y');
  const toast = page.getByTestId('huashu-toast');
  await expect(toast.getByTestId('toast-error')).toHaveAttribute('data-error', 'quota');
  await expect(toast).toContainText('存储空间已满');
  expect((await readPromises(background)).map((p) => p.text)).toEqual(['今天给您发出']);

  await background.evaluate(() => {
    IDBObjectStore.prototype.add = (globalThis as unknown as { __add: typeof IDBObjectStore.prototype.add }).__add;
  });
  await logWithShortcut(page, '明天给您补发');
  expect((await readPromises(background)).map((p) => p.text).sort()).toEqual(['今天给您发出', '明天给您补发'].sort());
});

test('a closed side panel loses nothing; it shows everything when opened again', async ({
  openConsole,
  openExtensionPage,
}) => {
  const panel = await openExtensionPage('sidepanel.html');
  const page = await openConsole('/promises.html');
  await logWithShortcut(page, '今天给您发出');
  await expect(panel.getByTestId('promise-row')).toHaveCount(1);
  await panel.close();
  await logWithShortcut(page, '明天给您补发');
  const again = await openExtensionPage('sidepanel.html');
  await expect(again.getByTestId('promise-row')).toHaveCount(2);
});

/** Kill the Chromium processes started on profile `dir` (only those this test started), by pid. */
function stopBrowserOf(dir: string) {
  const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  for (const line of ps.split('\n')) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (m && m[2].includes(`--user-data-dir=${dir}`)) {
      try {
        process.kill(Number(m[1]), 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  for (const f of ['SingletonLock', 'SingletonSocket', 'SingletonCookie']) rmSync(join(dir, f), { force: true });
}

test('a crashed side panel (Chrome then stops the whole extension) loses nothing after a restart', async ({
  server,
}) => {
  test.setTimeout(120_000); // two browser starts on a busy machine
  // Own profile directory, so that the browser can be started again on the same data.
  const dir = mkdtempSync(join(tmpdir(), 'huashu-crash-'));
  const launch = async () => {
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM,
      headless: false,
      args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--lang=zh-CN'],
      locale: 'zh-CN',
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate((s) => chrome.storage.local.set({ settings: s }), SHANGHAI_SETTINGS);
    return { context, id: new URL(worker.url()).host };
  };
  try {
    let { context, id } = await launch();
    const page = await context.newPage();
    await page.goto(server.url('/promises.html'));
    await expect(page.locator('html')).toHaveAttribute('data-huashu', 'ready');
    await logWithShortcut(page as never, '今天给您发出');
    await logWithShortcut(page as never, '明天给您补发');
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
    await expect(panel.getByTestId('promise-row')).toHaveCount(2);
    const cdp = await context.newCDPSession(panel);
    const crashed = panel.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => {});
    await crashed;
    await expect(panel.evaluate(() => 1)).rejects.toThrow(/crash/i);
    // After an extension crash Playwright's close can wait forever: stop this profile's browser by pid
    // first; the closed connection then ends the context at once.
    const closed = new Promise((r) => context.once('close', r));
    stopBrowserOf(dir);
    await closed;

    ({ context, id } = await launch());
    const reopened = await context.newPage();
    await reopened.goto(`chrome-extension://${id}/sidepanel.html`);
    await expect(reopened.getByTestId('promise-text')).toHaveText(['今天给您发出', '明天给您补发']);
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('two tabs logging at once: both promises are stored', async ({ openConsole, background }) => {
  const a = await openConsole('/promises.html?buyer=阿杰&order=100000000001');
  const b = await openConsole('/promises.html?buyer=Bella&order=200000000002');
  for (const [page, text] of [
    [a, '明天给您补发一个'],
    [b, "I'll refund the shipping fee tomorrow"],
  ] as const) {
    await page.locator('#reply').fill(text);
    await page.locator('#send').click();
    await expect(page.getByTestId('huashu-toast')).toHaveAttribute('data-kind', 'offer');
  }
  await Promise.all([a.getByTestId('toast-offer-log').click(), b.getByTestId('toast-offer-log').click()]);
  await expect(a.getByTestId('huashu-toast')).toHaveAttribute('data-kind', 'promise');
  await expect(b.getByTestId('huashu-toast')).toHaveAttribute('data-kind', 'promise');
  const rows = await readPromises(background);
  expect(rows.map((r) => [r.buyer, r.orderId]).sort()).toEqual([
    ['Bella', '200000000002'],
    ['阿杰', '100000000001'],
  ]);
});

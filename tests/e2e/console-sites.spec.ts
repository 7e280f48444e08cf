/// <reference types="chrome" />
/**
 * Where Huashu runs: the demo origins from install; any other console only after the agent enables it
 * from the side panel header (optional host permission under the agent's click, then a content script
 * registered at runtime, started on the open tab at once, kept across reloads, removed when turned off).
 */
import { execSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import type { BrowserContext, Worker } from 'playwright-core';
import { buyerSays, installPack, readPack } from './console-helpers';
import { launchWithExtension } from '../../tools/browser/extension';
import { expect, test } from './fixtures';

/** A browser of its own where console.test (a site not enabled) resolves to the fixture server; the test pack active. */
async function launchOnConsoleTest() {
  const launched = await launchWithExtension({ args: ['--host-resolver-rules=MAP console.test 127.0.0.1'] });
  await installPack(launched.worker, readPack('console-test.json'));
  return launched;
}

async function tabIdOf(background: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  // The active tab of the one window (not `lastFocusedWindow`, which follows the X server's focus).
  return background.evaluate(async () => (await chrome.tabs.query({ active: true }))[0].id!);
}

async function openPanel(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

test('the side panel header shows a demo console as on and starts teach mode on it', async ({
  background,
  context,
  extensionId,
  openConsole,
}) => {
  const page = await openConsole('/teach.html');
  const panel = await openPanel(context, extensionId, await tabIdOf(background, page));
  await expect(panel.getByTestId('huashu-sitebar')).toHaveAttribute('data-state', 'on');
  await expect(panel.getByTestId('huashu-site-state')).toHaveText('演示控制台：话术助手已开启');
  await expect(panel.getByTestId('huashu-site-profile')).toHaveText('控制台：通用识别');
  await panel.getByTestId('huashu-site-teach').click();
  await expect(page.getByTestId('huashu-teach-panel')).toHaveAttribute('data-step', 'list');
});

test('enabling a new site from the side panel registers the content script; turning it off removes it', async ({
  server,
}) => {
  test.skip(!process.env.DISPLAY, 'the permission prompt needs a display and xdotool (run under xvfb-run)');
  const launched = await launchOnConsoleTest();
  try {
    const { context, extensionId, worker } = launched;
    const url = `http://console.test:${new URL(server.origin).port}/textarea.html`;
    const page = await context.newPage();
    await page.goto(url);
    // Nothing can run here: no content script is registered and the extension has no access to the site.
    expect(await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length)).toBe(0);
    await expect(page.locator('html')).not.toHaveAttribute('data-huashu', 'ready');
    expect(await worker.evaluate(() => chrome.permissions.contains({ origins: ['http://console.test/*'] }))).toBe(
      false,
    );

    const panel = await openPanel(context, extensionId, await tabIdOf(worker, page));
    // Without access to the tab, its address is unknown: the agent pastes it.
    await panel.getByTestId('huashu-site-address').fill(url);
    await expect(panel.getByTestId('huashu-site-state')).toHaveText('话术助手未在此网站开启');
    await panel.getByTestId('huashu-site-enable').click();
    // Chrome's permission prompt: focus starts on Deny; Tab moves to Allow (a real key press, via X).
    // The prompt is drawn inside the browser window and gives the page, CDP and X no signal that it is
    // open (checked: no new X window, focus and document.hasFocus() unchanged), so this one wait stays.
    await panel.waitForTimeout(800);
    execSync('xdotool key --clearmodifiers Tab Return'); // X delivers the two keys in order

    await expect(page.locator('html')).toHaveAttribute('data-huashu', 'ready', { timeout: 10_000 });
    await buyerSays(page, '请问什么时候发货呀');
    await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'shipping-time');
    const registered = await worker.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.matches),
    );
    expect(registered).toEqual([['http://console.test/*']]);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-huashu', 'ready');

    await panel.bringToFront();
    await expect(panel.getByTestId('huashu-site-state')).toHaveText('话术助手已在此网站开启');
    await panel.getByTestId('huashu-site-disable').click();
    await expect(panel.getByTestId('huashu-site-state')).toHaveText('话术助手未在此网站开启');
    expect(await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length)).toBe(0);
    expect(await worker.evaluate(() => chrome.permissions.contains({ origins: ['http://console.test/*'] }))).toBe(
      false,
    );
    await page.reload();
    await expect(page.locator('html')).not.toHaveAttribute('data-huashu', 'ready');
  } finally {
    await launched.close();
  }
});

test('a chat frame from another site: the side panel offers to enable it too, then Huashu watches and teaches in it', async ({
  server,
}) => {
  test.skip(!process.env.DISPLAY, 'the permission prompt needs a display and xdotool (run under xvfb-run)');
  const launched = await launchOnConsoleTest();
  try {
    const { context, extensionId, worker } = launched;
    const page = await context.newPage();
    // The page shell on a demo origin (Huashu on), the chat frame from console.test (not enabled).
    await page.goto(server.url('/frames.html?cross=console.test'));
    const chat = page.frameLocator('#chat');
    await expect(chat.locator('#reply')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-huashu', 'waiting');
    // The chat frame's site is neither in the manifest nor registered: nothing runs in it.
    expect(await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length)).toBe(0);
    await expect(chat.locator('html')).not.toHaveAttribute('data-huashu');

    const panel = await openPanel(context, extensionId, await tabIdOf(worker, page));
    const row = panel.getByTestId('huashu-frame-site');
    await expect(row).toHaveAttribute('data-pattern', 'http://console.test/*');
    await expect(row).toHaveAttribute('data-state', 'off');
    await row.getByTestId('huashu-frame-enable').click();
    await panel.waitForTimeout(800);
    execSync('xdotool key --clearmodifiers Tab Return'); // X delivers the two keys in order
    await expect(row).toHaveAttribute('data-state', 'on');

    // Started in the open tab's frame at once, and registered for all frames of that site.
    await expect(chat.locator('html')).toHaveAttribute('data-huashu', 'ready', { timeout: 10_000 });
    await expect(page.locator('html')).toHaveAttribute('data-huashu', 'in-frame');
    const frame = page.frames().find((f) => f.url().startsWith('http://console.test:'))!;
    await buyerSays(frame, '请问什么时候发货呀');
    await expect(chat.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'shipping-time');
    const registered = await worker.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).map((s) => [s.matches, s.allFrames]),
    );
    expect(registered).toEqual([[['http://console.test/*'], true]]);

    // Teach mode starts in the frame that holds the chat, not in the page shell.
    await panel.bringToFront();
    await panel.getByTestId('huashu-site-teach').click();
    await expect(chat.getByTestId('huashu-teach-panel')).toHaveAttribute('data-step', 'list');
    await expect(page.getByTestId('huashu-teach-panel')).toHaveCount(0);

    await page.reload();
    await expect(page.frameLocator('#chat').locator('html')).toHaveAttribute('data-huashu', 'ready');
  } finally {
    await launched.close();
  }
});

/// <reference types="chrome" />
import { expect, test } from './fixtures';

test('the content script marks a fixture console ready', async ({ openConsole }) => {
  const page = await openConsole('/textarea.html');
  await expect(page.locator('html')).toHaveAttribute('data-huashu', 'ready');
});

test('the side panel page renders its tabs', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('sidepanel.html');
  await expect(page.getByTestId('tab-promises')).toBeVisible();
});

test('Chromium assigns both shortcuts (a clash shows as an empty shortcut)', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('sidepanel.html');
  const commands = await page.evaluate(() => chrome.commands.getAll());
  const byName = Object.fromEntries(commands.map((c) => [c.name, c.shortcut]));
  expect(byName['log-promise']).toBe('Alt+Shift+Y');
  expect(byName['log-feedback']).toBe('Alt+Shift+L');
});

test('the side panel speaks the UI language chosen in Options, and follows a change live', async ({
  background,
  openExtensionPage,
}) => {
  const setLanguage = (uiLanguage: string) =>
    background.evaluate(async (lang) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings ?? {}), uiLanguage: lang } });
    }, uiLanguage);
  await setLanguage('en');
  const page = await openExtensionPage('sidepanel.html');
  await expect(page.getByTestId('tab-promises')).toHaveText('Promises');
  await setLanguage('zh_TW');
  await expect(page.getByTestId('tab-promises')).toHaveText('承諾');
});

test('the extension cannot reach the network: its pages and service worker are limited to itself', async ({
  background,
  openExtensionPage,
  server,
}) => {
  const url = server.url('/textarea.html'); // a reachable local server, so only the policy can stop it
  const tryFetch = (u: string) =>
    fetch(u).then(
      () => 'reached',
      () => 'blocked',
    );
  expect(await background.evaluate(tryFetch, url)).toBe('blocked');
  const panel = await openExtensionPage('sidepanel.html');
  expect(await panel.evaluate(tryFetch, url)).toBe('blocked');
  // Its own files stay reachable (the default pack is read this way).
  expect(await panel.evaluate(tryFetch, '/packs/default.json')).toBe('reached');
});

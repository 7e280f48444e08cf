/// <reference types="chrome" />
import { launchWithExtension } from '../../tools/browser/extension';
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

test('the extension reaches no network but a subscribed pack file: its pages and service worker are limited by the CSP', async ({
  server,
}) => {
  // console.test resolves to the local fixture server, so only the policy can stop a request to it. The CSP's
  // connect-src allows the extension itself, https: (pack subscriptions) and http: on loopback only
  // (wxt.config.ts); what the extension really asks for is checked in library-subscribe.spec.ts.
  const launched = await launchWithExtension({ args: ['--host-resolver-rules=MAP console.test 127.0.0.1'] });
  try {
    const url = `http://console.test:${new URL(server.origin).port}/textarea.html`;
    // no-cors: without a host permission for console.test, CORS alone would fail a plain fetch; an opaque
    // answer still means the request went out, and only the CSP stops a no-cors request.
    const tryFetch = (u: string) =>
      fetch(u, { mode: 'no-cors' }).then(
        () => 'reached',
        () => 'blocked',
      );
    expect(await launched.worker.evaluate(tryFetch, url)).toBe('blocked');
    const panel = await launched.context.newPage();
    await panel.goto(`chrome-extension://${launched.extensionId}/sidepanel.html`);
    expect(await panel.evaluate(tryFetch, url)).toBe('blocked');
    // The policy, not the address, stops it: a page of the same server under that name is reachable.
    const page = await launched.context.newPage();
    await page.goto(url);
    expect(await page.evaluate(tryFetch, url)).toBe('reached');
    // Its own files stay reachable (the default pack is read this way).
    expect(await panel.evaluate(tryFetch, '/packs/default.json')).toBe('reached');
  } finally {
    await launched.close();
  }
});

/// <reference types="chrome" />
/**
 * The page cannot switch Huashu off (issue 12, item 5). WXT's ctx stops a content script when a newer copy
 * announces itself with a DOM event whose name is public; Huashu ignores that event and hands over only
 * between its own copies (entrypoints/content/one-copy.ts). A page that defines Huashu's element names as
 * custom elements first gets `div` hosts (components/shared/page-ui-host.ts).
 */
import type { Page } from '@playwright/test';
import { buyerSays, installPack, readPack } from './console-helpers';
import { expect, test } from './fixtures';

const pack = readPack('console-test.json');

/** The buyer's next message gets its own suggestion: the content script still watches and answers. */
async function cardFollows(page: Page) {
  await buyerSays(page, '可以退货吗');
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'return-policy');
}

test('a page dispatching WXT’s started-event with another id does not switch Huashu off', async ({
  background,
  extensionId,
  openConsole,
}) => {
  await installPack(background, pack);
  const page = await openConsole('/textarea.html');
  await buyerSays(page, '请问什么时候发货呀');
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'shipping-time');

  // Page script: the event exactly as a newer copy of the content script sends it (WXT 0.21), every way.
  await page.evaluate((id) => {
    const type = `${id}:content:wxt:content-script-started`;
    const detail = { contentScriptName: 'content', messageId: 'page-forged' };
    document.dispatchEvent(new CustomEvent(type, { detail }));
    window.dispatchEvent(new CustomEvent(type, { detail }));
    window.postMessage({ type, ...detail }, '*');
  }, extensionId);

  await cardFollows(page);
  await expect(page.getByTestId('huashu-card')).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('data-huashu', 'ready');
});

test('a second copy started by the extension replaces the first: one card, still answering', async ({
  background,
  openConsole,
}) => {
  await installPack(background, pack);
  const page = await openConsole('/textarea.html');
  await buyerSays(page, '请问什么时候发货呀');
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'shipping-time');

  // What enabling a site on an open tab does (entrypoints/background/sites.ts).
  await page.bringToFront();
  await background.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true });
    await chrome.scripting.executeScript({ target: { tabId: tab.id! }, files: ['/content-scripts/content.js'] });
  });
  await expect(page.locator('[data-huashu-ui="card"]')).toHaveCount(1);
  await cardFollows(page);
  await expect(page.locator('[data-huashu-ui="card"]')).toHaveCount(1);
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'return-policy');
});

test('a page that defines huashu-card and huashu-toast first still gets the card and the toast', async ({
  background,
  context,
  server,
}) => {
  await installPack(background, pack);
  const page = await context.newPage();
  // Page script before Huashu starts: classes that take the names over and would remove our hosts.
  await page.addInitScript(() => {
    for (const name of ['huashu-card', 'huashu-toast', 'huashu-teach'])
      customElements.define(
        name,
        class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'open' }).textContent = 'squatted';
          }
          connectedCallback() {
            this.remove();
          }
        },
      );
  });
  await page.goto(server.url('/textarea.html'));
  await expect(page.locator('html')).toHaveAttribute('data-huashu', 'ready');
  expect(await page.evaluate(() => !!customElements.get('huashu-card'))).toBe(true);

  await buyerSays(page, '请问什么时候发货呀');
  const host = page.locator('div[data-huashu-ui="card"]');
  await expect(host).toHaveCount(1);
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'shipping-time');
  await page.getByTestId('huashu-suggestion').first().click();
  await expect(page.locator('#reply')).toHaveValue(/16点前付款/);
  await page.getByTestId('huashu-log-promise').click();
  await expect(page.getByTestId('huashu-toast')).toHaveAttribute('data-kind', 'promise');
  await expect(page.locator('div[data-huashu-ui="toast"]')).toHaveCount(1);
  await expect(page.locator('huashu-card, huashu-toast')).toHaveCount(0);
});

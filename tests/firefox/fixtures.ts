/**
 * Test fixtures for Firefox: a fresh Firefox ESR profile with the Firefox build of Huashu installed as a
 * temporary add-on, and the fixture-console server. Pages are puppeteer-core pages (WebDriver BiDi); the card
 * lives in an open shadow root, reached with puppeteer's `>>>` (pierce) combinator.
 */
import { test as base, expect } from '@playwright/test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launchFirefox, type LaunchedFirefox } from '../../tools/browser/firefox';
import { FIXTURE_MOUNTS, serveStatic, type StaticServer } from '../../tools/browser/server';

interface Fixtures {
  firefox: LaunchedFirefox;
  /** Open a fixture console (path under tests/fixtures/consoles); resolves once Huashu watches it. */
  openConsole: (path: string) => Promise<Page>;
  /** Open an extension page (e.g. "sidepanel.html#scripts") in a tab; resolves once `selector` is there. */
  openExtensionPage: (path: string, selector: string) => Promise<Page>;
}

export const test = base.extend<Fixtures, { server: StaticServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await serveStatic(FIXTURE_MOUNTS);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  firefox: async ({}, use) => {
    const firefox = await launchFirefox();
    await use(firefox);
    await firefox.close();
  },
  openConsole: async ({ firefox, server }, use) => {
    await use(async (path) => {
      const page = await firefox.browser.newPage();
      await page.goto(server.url(path));
      await page.waitForFunction(() => document.documentElement.dataset.huashu === 'ready');
      return page;
    });
  },
  openExtensionPage: async ({ firefox }, use) => {
    await use(async (path, selector) => {
      const page = await firefox.browser.newPage();
      // Navigation to a moz-extension:// page never reports its load over BiDi (Firefox 153): start it, then
      // wait for the page's own content.
      page.goto(`${firefox.extensionOrigin}/${path}`).catch(() => undefined);
      await page.waitForSelector(selector);
      return page;
    });
  },
});

/**
 * An element of Huashu's card (or toast) by data-testid, inside its shadow root (waits for it). Polled: a
 * selector wait watches the page's own DOM, and the shadow root fills after its host is added.
 */
export async function inCard(page: Page, testId: string, host = 'huashu-card'): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (h, id) => document.querySelector(h)?.shadowRoot?.querySelector(`[data-testid="${id}"]`),
    { polling: 50 },
    host,
    testId,
  );
  const el = handle.asElement() as ElementHandle<Element> | null;
  if (!el) throw new Error(`no ${testId} in ${host}`);
  return el;
}

export async function buyerSays(page: Page, text: string): Promise<void> {
  await page.evaluate(
    (t) => (window as unknown as { fixture: { buyerSays(t: string): void } }).fixture.buyerSays(t),
    text,
  );
}

export async function attr(el: ElementHandle<Element>, name: string): Promise<string | null> {
  return el.evaluate((e, n) => e.getAttribute(n), name);
}

export { expect };

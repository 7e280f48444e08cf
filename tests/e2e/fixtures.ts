/**
 * Playwright fixtures: a fresh Chromium profile with Huashu loaded, its extension id, and the
 * fixture-console server. A page is ready when the content script marks <html data-huashu="ready">.
 */
import { test as base, expect, type Page } from '@playwright/test';
import type { BrowserContext, Worker } from 'playwright-core';
import { launchWithExtension } from '../../tools/browser/extension';
import { FIXTURE_MOUNTS, serveStatic, type StaticServer } from '../../tools/browser/server';
import { canStartXvfb, startXvfb } from '../../tools/browser/xvfb';

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
  /**
   * Open a fixture console (path under tests/fixtures/consoles) and wait for Huashu to watch it
   * (`data-huashu="ready"`), or only to run on it (`"waiting"`: no conversation open).
   */
  openConsole: (path: string, state?: 'ready' | 'waiting') => Promise<Page>;
  /** Open an extension page (e.g. "sidepanel.html") in a tab. */
  openExtensionPage: (path: string) => Promise<Page>;
}

export const test = base.extend<Fixtures, { server: StaticServer; display: string | undefined }>({
  // Each worker gets its own X display when Xvfb is installed (headed Chromium, real key presses).
  display: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      if (!canStartXvfb()) return use(process.env.DISPLAY);
      const display = await startXvfb();
      process.env.DISPLAY = display.name;
      await use(display.name);
      display.stop();
    },
    { scope: 'worker', auto: true },
  ],
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
  context: async ({}, use) => {
    const launched = await launchWithExtension();
    await use(launched.context);
    await launched.close();
  },
  background: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ background }, use) => {
    await use(new URL(background.url()).host);
  },
  openConsole: async ({ context, server }, use) => {
    await use(async (path, state = 'ready') => {
      const page = await context.newPage();
      await page.goto(server.url(path));
      await expect(page.locator('html')).toHaveAttribute('data-huashu', state);
      return page;
    });
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export { expect };

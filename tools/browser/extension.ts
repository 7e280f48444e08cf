/**
 * Launch Debian's Chromium with the built extension loaded in a fresh profile (TOOLCHAIN.md recipe).
 * Shared by the Playwright fixtures, the browser benchmark and `npm run demo`.
 */
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** The test build (`npm run build:test`: demo origins, open shadow roots, test hooks); see lib/build-mode.ts. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3-test');
/** The production build (`npm run build`), what users install. */
export const PRODUCTION_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

export async function launchWithExtension(opts: { headless?: boolean; extensionDir?: string; args?: string[] } = {}) {
  const dir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`No built extension in ${dir}: run \`npm run build:test\` first.`);
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium).`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'huashu-profile-'));
  const headless = opts.headless ?? !process.env.DISPLAY;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--lang=zh-CN', ...(opts.args ?? [])],
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  } satisfies LaunchedExtension;
}

/**
 * Launch Debian's Firefox ESR with the built Firefox add-on (`wxt build -b firefox`) in a fresh profile, over
 * WebDriver BiDi with puppeteer-core (no browser download: Firefox speaks BiDi itself). The add-on is installed
 * as a temporary add-on; its moz-extension:// host is fixed through the `extensions.webextensions.uuids` pref,
 * so tests can open the sidebar page in a tab.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

/** The Firefox test build (`npm run build:test:firefox`); the production one is `.output/firefox-mv2`. */
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2-test');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface LaunchedFirefox {
  browser: Browser;
  /** `moz-extension://<uuid>` of the installed add-on. */
  extensionOrigin: string;
  close(): Promise<void>;
}

/** The add-on id the build declares (browser_specific_settings.gecko.id in wxt.config.ts). */
function geckoId(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

export async function launchFirefox(
  opts: { extensionDir?: string; width?: number; height?: number } = {},
): Promise<LaunchedFirefox> {
  const dir = opts.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`No Firefox build in ${dir}: run \`npm run build:test:firefox\` first.`);
  if (!existsSync(FIREFOX))
    throw new Error(`${FIREFOX} not found: install Debian's firefox-esr (apt-get install -y firefox-esr).`);
  const id = geckoId(dir);
  const uuid = randomUUID();
  const userDataDir = mkdtempSync(join(tmpdir(), 'huashu-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir,
    // Firefox 153 lets WebDriver navigate to moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: opts.width ?? 1366, height: opts.height ?? 768 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
      'intl.locale.requested': 'zh-CN',
      'intl.accept_languages': 'zh-CN, zh',
    },
  });
  try {
    const installed = await browser.installExtension(dir);
    if (installed !== id) throw new Error(`installed add-on ${installed}, expected ${id}`);
  } catch (e) {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    browser,
    extensionOrigin: `moz-extension://${uuid}`,
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

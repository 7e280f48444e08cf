import { defineConfig } from '@playwright/test';

// The core browser tests in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi; see fixtures.ts).
// One worker: Firefox is heavier than Chromium on the 2-core CI machine; the suite is short.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: '../../.tmp/firefox-results',
});

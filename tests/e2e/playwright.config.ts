import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Bundles the editor fixture consoles (real npm editors) once per run.
  globalSetup: './global-setup.ts',
  // Two CPU cores on CI; each test has its own browser profile.
  workers: process.env.CI ? 2 : 1,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: '../../.tmp/e2e-results',
  use: { trace: 'retain-on-failure' },
});

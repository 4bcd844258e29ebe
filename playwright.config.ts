import { defineConfig } from '@playwright/test';

// End-to-end tests: Debian Chromium (/usr/bin/chromium) with the built extension, on fixture
// pages served at the sites' real URLs (see tests/e2e/harness.ts). One worker: a 2-core machine.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  use: { actionTimeout: 15_000, navigationTimeout: 30_000 },
});

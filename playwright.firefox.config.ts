import { defineConfig } from '@playwright/test';
import { FIXTURE_PORT } from './playwright.config';

/**
 * The Firefox end-to-end suite (tests/firefox): Playwright's runner and expect, driving Firefox ESR
 * through puppeteer-core over WebDriver BiDi (Playwright's own Firefox cannot load extensions).
 * One Firefox at a time, a fresh profile per spec file; the same fixture server as the Chromium suite.
 */
export default defineConfig({
  testDir: 'tests/firefox',
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  webServer: {
    command: `npx tsx tests/server.ts`,
    url: `http://127.0.0.1:${FIXTURE_PORT}/index.html`,
    env: { PORT: String(FIXTURE_PORT) },
    reuseExistingServer: !process.env.CI,
  },
});

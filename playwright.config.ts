import { defineConfig } from '@playwright/test';

/** TERMLIGHT_PORT lets several checkouts run their e2e suites at once on one machine. */
export const FIXTURE_PORT = Number(process.env.TERMLIGHT_PORT ?? 4178);

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  webServer: {
    command: `npx tsx tests/server.ts`,
    url: `http://127.0.0.1:${FIXTURE_PORT}/index.html`,
    env: { PORT: String(FIXTURE_PORT) },
    reuseExistingServer: !process.env.CI,
  },
});

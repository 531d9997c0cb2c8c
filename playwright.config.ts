import { defineConfig } from '@playwright/test';

export const FIXTURE_PORT = 4178;

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

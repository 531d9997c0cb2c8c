import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    testTimeout: 60_000,
    // Suites that compile the whole glossary (4,000+ entries) in a hook need more than the default 10 s on a loaded 2-core machine.
    hookTimeout: 300_000,
  },
});

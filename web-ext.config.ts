import { defineWebExtConfig } from 'wxt';

export default defineWebExtConfig({
  binaries: { chrome: process.env.TERMLIGHT_CHROMIUM ?? '/usr/bin/chromium' },
  chromiumArgs: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});

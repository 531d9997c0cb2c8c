import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { glossaryPlugin } from './src/glossary/vite-plugin';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  manifestVersion: 3,
  // The benchmark builds a second copy with a synthetic glossary (TERMLIGHT_GLOSSARY_DIR) elsewhere.
  ...(process.env.TERMLIGHT_OUT_DIR ? { outDir: process.env.TERMLIGHT_OUT_DIR } : {}),
  vite: () => ({
    plugins: [preact(), glossaryPlugin(projectRoot)],
  }),
  manifest: ({ browser }) => ({
    name: 'Termlight',
    description: 'Highlights medical terms on any page and explains them in plain language. Nothing you read leaves your browser.',
    // unlimitedStorage: the notebook must never hit storage.local's 10 MB quota (the store still
    // reports a full disk clearly). WXT adds sidePanel for Chrome's side panel entrypoint.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'scripting'],
    // The page gate runs on every http(s) page and the background injects the main script
    // (scripting) into the frames that need it; the PDF reader (an extension page) fetches the one
    // document the reader asked it to open. Neither adds an install warning beyond "read and change
    // data on all websites", which the content script always needed.
    host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'explain-selection': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Explain the selected words with Termlight',
      },
      'explain-next-term': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Explain the next term from where you are reading',
      },
      'open-notebook': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Open the Termlight notebook (side panel)',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: {
            gecko: {
              id: 'termlight@termlight.example',
              strict_min_version: '142.0',
              // Termlight collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android: the popover, highlights, notebook (in a tab: Android has no
            // sidebar) and settings all use APIs it has; the context menu and shortcuts are extras.
            gecko_android: { strict_min_version: '142.0' },
          } }
      : {}),
  }),
});

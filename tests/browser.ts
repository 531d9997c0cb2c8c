import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built extension: TERMLIGHT_EXTENSION (e.g. a copy, safe from a rebuild running meanwhile), else .output/chrome-mv3. */
export const EXTENSION_PATH = process.env.TERMLIGHT_EXTENSION ?? fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url));

/** Chromium to drive: TERMLIGHT_CHROMIUM, else Debian's, else Playwright's own download. */
export function chromiumPath(): string | undefined {
  const configured = process.env.TERMLIGHT_CHROMIUM;
  if (configured) return configured;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Chromium with the built extension loaded, in a fresh profile. */
export async function launchWithExtension(
  options: { headless?: boolean; hasTouch?: boolean; extensionPath?: string; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const extension = options.extensionPath ?? EXTENSION_PATH;
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error(`No built extension at ${extension}: run npm run build first`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'termlight-profile-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    // A desktop window unless a test asks for another size (a phone: 375 x 667).
    viewport: options.viewport ?? { width: 1100, height: 800 },
    // A touch screen for tap tests (page.touchscreen needs it); off by default like a desktop.
    hasTouch: options.hasTouch ?? false,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      '--disable-gpu',
    ],
  });
}

export async function extensionId(context: BrowserContext): Promise<string> {
  const [existing] = context.serviceWorkers();
  const worker = existing ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

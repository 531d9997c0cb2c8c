import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/**
 * The Firefox driver layer: Firefox ESR started by puppeteer-core over WebDriver BiDi, with the built
 * Termlight (.output/firefox-mv3) installed as a temporary add-on, in a fresh profile that puppeteer
 * deletes on close. Everything browser-independent lives in tests/shared/page-probes.ts.
 */

/** Firefox to drive: TERMLIGHT_FIREFOX, else Debian's ESR. */
export const FIREFOX_PATH = process.env.TERMLIGHT_FIREFOX ?? '/usr/bin/firefox-esr';
/** The built extension: TERMLIGHT_FIREFOX_EXTENSION (e.g. a copy, safe from a rebuild meanwhile), else .output/firefox-mv3. */
export const FIREFOX_EXTENSION_PATH = process.env.TERMLIGHT_FIREFOX_EXTENSION ?? fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));
/** The add-on id from wxt.config.ts (browser_specific_settings.gecko.id). */
export const ADDON_ID = 'termlight@termlight.example';
/**
 * Firefox gives each add-on a random internal UUID (its moz-extension:// host). The profile's
 * `extensions.webextensions.uuids` pref fixes it in advance, so the tests know the extension's pages.
 */
export const EXTENSION_UUID = '6f1d3c2a-5b4e-4d7a-9c1b-2e3f4a5b6c7d';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxSession {
  browser: Browser;
  /** A new tab (a real tab of the one window). */
  newPage(): Promise<Page>;
  /** One of the extension's own pages (e.g. `popup.html?tab=3`), opened in a new tab and loaded. */
  extensionPage(path: string): Promise<Page>;
  /** The extension's id for the tab showing `page` (asked from an extension page, by the page's unique URL). */
  tabIdOf(page: Page): Promise<number>;
  /** Sends a message to a tab's top-frame content script from an extension page, as the popup does (the background starts it there first). */
  sendToContentScript<T = unknown>(tabId: number, message: Record<string, unknown>): Promise<T>;
  /** URLs of the tab's frames that run Termlight's main script (asked of their isolated world: the page is not touched). */
  framesWithPageScript(tabId: number): Promise<string[]>;
  /** Reads every key of the extension's storage.local. */
  storage(): Promise<Record<string, unknown>>;
  /** Closes every tab not in `keep` (the extension's control page too: it is reopened when needed). */
  closeTabsExcept(keep: ReadonlySet<Page>): Promise<void>;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(options: { extensionPath?: string; headless?: boolean } = {}): Promise<FirefoxSession> {
  const extension = options.extensionPath ?? FIREFOX_EXTENSION_PATH;
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error(`No built Firefox extension at ${extension}: run npm run build first`);
  if (!existsSync(FIREFOX_PATH)) throw new Error(`No Firefox at ${FIREFOX_PATH}: apt-get install firefox-esr, or set TERMLIGHT_FIREFOX`);
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    defaultViewport: { width: 1100, height: 800 },
    // WebDriver BiDi refuses to navigate to moz-extension:// pages unless system access is allowed.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
    },
    protocolTimeout: 120_000,
  });
  try {
    await firefox.installExtension(extension);
  } catch (error) {
    await firefox.close();
    throw error;
  }

  let control: Page | undefined;
  /** A quiet extension page (the options page) kept open to call extension APIs from. */
  const controlPage = async () => {
    control ??= await extensionPage('options.html');
    return control;
  };

  async function extensionPage(path: string): Promise<Page> {
    const page = await firefox.newPage();
    const url = `${EXTENSION_ORIGIN}/${path}`;
    // The navigation crosses into the extension's process, after which puppeteer never sees the load
    // event of this navigation: start it, then wait for the document itself.
    void page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 }).catch(() => undefined);
    await waitFor(async () => {
      const state = await page.evaluate(() => [location.href, document.readyState] as const).catch(() => null);
      return state !== null && state[0] === url && state[1] === 'complete';
    }, `extension page ${path} to load`);
    return page;
  }

  return {
    browser: firefox,
    newPage: () => firefox.newPage(),
    extensionPage,
    async tabIdOf(page) {
      const control = await controlPage();
      const url = page.url();
      let ids: number[] = [];
      await waitFor(async () => {
        ids = (await control.evaluate(
          // All tabs, filtered here: a match pattern with a port is not portable.
          async (pageUrl: string) => (await (globalThis as unknown as ExtensionGlobal).browser.tabs.query({})).filter((t) => t.url === pageUrl).map((t) => t.id!),
          url,
        )) as number[];
        return ids.length > 0;
      }, `a tab showing ${url}`);
      if (ids.length > 1) throw new Error(`${ids.length} tabs show ${url}: give each test page a URL of its own`);
      return ids[0]!;
    },
    async sendToContentScript<T>(tabId: number, message: Record<string, unknown>) {
      const control = await controlPage();
      return (await control.evaluate(
        async ([id, msg]: readonly [number, Record<string, unknown>]) => {
          const api = (globalThis as unknown as ExtensionGlobal).browser;
          await api.runtime.sendMessage({ type: 'ensure-page-script', tabId: id, frameId: 0 });
          return api.tabs.sendMessage(id, msg, { frameId: 0 });
        },
        [tabId, message] as const,
      )) as T;
    },
    async framesWithPageScript(tabId: number) {
      const control = await controlPage();
      return (await control.evaluate(async (id: number) => {
        const api = (globalThis as unknown as ExtensionGlobal).browser;
        const results = await api.scripting.executeScript({
          target: { tabId: id, allFrames: true },
          func: () => ((globalThis as unknown as Record<string, unknown>).termlightPageScript === true ? location.href : null),
        });
        return results.map((r) => r.result as string | null).filter((url): url is string => url !== null).sort();
      }, tabId)) as string[];
    },
    async storage() {
      const control = await controlPage();
      return (await control.evaluate(async () => (globalThis as unknown as ExtensionGlobal).browser.storage.local.get(null))) as Record<string, unknown>;
    },
    async closeTabsExcept(keep) {
      control = undefined;
      for (const open of await firefox.pages()) if (!keep.has(open)) await open.close().catch(() => undefined);
    },
    async close() {
      await firefox.close();
    },
  };
}

/** An extension page's global `browser` (the WebExtension API), for the few calls made from the control page. */
type ExtensionGlobal = { browser: typeof import('wxt/browser').browser };

/** Polls until `ready` is true: generous, for a loaded machine; no timing is asserted. */
export async function waitFor(ready: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await ready()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

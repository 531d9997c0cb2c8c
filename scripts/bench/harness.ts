import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { createServer } from 'node:net';
import { chromiumPath } from '../../tests/browser';
import { startFixtureServer } from '../../tests/server';
import type { BenchApi } from './page-entry';
import { MARK_JS } from './bundle';

/**
 * One headless Chromium (a plain context: the bench injects Termlight's code itself), one tab that
 * is reloaded before every run, and a CDP session for garbage collection and heap figures.
 */
export class Harness {
  private page!: Page;
  private cdp!: CDPSession;

  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    private readonly server: { close: () => Promise<void> },
    readonly baseUrl: string,
    private readonly bundle: string,
    private readonly indexJson: string,
  ) {}

  static async start(roots: Record<string, string>, bundle: string, indexJson: string): Promise<Harness> {
    const port = await freePort();
    const server = await startFixtureServer(port, roots);
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      // The launch flags of tests/browser.ts, minus the extension ones.
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--disable-gpu'],
    });
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const harness = new Harness(browser, context, server, `http://127.0.0.1:${port}`, bundle, indexJson);
    await harness.newTab();
    return harness;
  }

  get version(): string {
    return this.browser.version();
  }

  private async newTab(): Promise<void> {
    this.page = await this.context.newPage();
    this.page.setDefaultTimeout(0);
    this.cdp = await this.context.newCDPSession(this.page);
    await this.cdp.send('HeapProfiler.enable');
    await this.cdp.send('Performance.enable');
  }

  /** The page's main-thread CPU time so far (Chromium's ThreadTime metric), ms. */
  async threadTimeMs(): Promise<number> {
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
  }

  /**
   * Loads `url` afresh, injects the bench bundle (and the term index or mark.js), waits two frames
   * so the page's own load-time layout is over, and collects garbage. Returns the index parse time.
   */
  async load(url: string, options: { index?: boolean; mark?: boolean } = {}): Promise<number | undefined> {
    await this.page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await this.page.addScriptTag({ content: this.bundle });
    if (options.mark) await this.page.addScriptTag({ path: MARK_JS });
    const parseMs = options.index ? await this.page.evaluate((json) => window.__termlight.setIndex(json), this.indexJson) : undefined;
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await this.gc();
    return parseMs;
  }

  async gc(): Promise<void> {
    await this.cdp.send('HeapProfiler.collectGarbage');
  }

  /** JS heap in use (after a GC), in MB. */
  async heapMb(): Promise<number> {
    await this.gc();
    const { usedSize } = await this.cdp.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  }

  /**
   * Calls `window.__termlight[name](...args)` in the page. Past `hardLimitMs` the tab is thrown away
   * (a synchronous mark.js batch cannot be interrupted from inside) and undefined is returned.
   */
  async call<K extends keyof BenchApi>(name: K, args: Parameters<BenchApi[K]>, hardLimitMs = 0): Promise<Awaited<ReturnType<BenchApi[K]>> | undefined> {
    type Result = Awaited<ReturnType<BenchApi[K]>>;
    const evaluation = this.page.evaluate(
      ({ name, args }) => (window.__termlight[name] as (...a: unknown[]) => unknown)(...args),
      { name, args: args as unknown[] },
    ) as Promise<Result>;
    if (!hardLimitMs) return evaluation;
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), hardLimitMs)));
    const result = await Promise.race([evaluation, limit]);
    clearTimeout(timer);
    if (result === undefined) {
      evaluation.catch(() => {});
      await this.page.close({ runBeforeUnload: false }).catch(() => {});
      await this.newTab();
    }
    return result;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
  }
}

declare global {
  interface Window {
    __termlight: BenchApi;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

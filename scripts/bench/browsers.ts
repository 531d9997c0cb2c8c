/**
 * `npm run bench -- --firefox`: the real built extension in Firefox ESR (puppeteer-core over WebDriver
 * BiDi) next to Chromium (Playwright), measured the same way in both from inside the page, because
 * BiDi has no trace of the extension's own slices (the Chromium-only "real extension" table does).
 *
 * An init script (added before the page's own scripts) watches every animation frame from navigation
 * until a few seconds after load: when Termlight's `termlight-term` highlight first has a range, when
 * its range count last changed (settled), and the longest gap between two frames (a main-thread block,
 * the page's own or Termlight's; the generated pages run no script of their own).
 */
import type { Page as PlaywrightPage } from '@playwright/test';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { launchWithExtension } from '../../tests/browser';
import { launchFirefoxWithExtension } from '../../tests/firefox/driver';
import { median } from './contenders';

export interface BrowserSample {
  /** ms from navigation start to the first registered highlight range (null: none registered). */
  firstHighlightMs: number | null;
  /** ms from navigation start to the last change of the range count (null: none registered). */
  settledMs: number | null;
  ranges: number;
  /** Longest gap between two animation frames from load until the end of the watch, ms. */
  longestFrameGapMs: number;
  loadMs: number;
}

export interface BrowserSummary {
  browser: string;
  page: string;
  runs: number;
  firstHighlightMs: number | null;
  settledMs: number | null;
  ranges: number;
  longestFrameGapMs: number;
  loadMs: number;
}

/** How long after load the probe keeps watching: long enough for the 1mb page's background scan. */
const WATCH_MS = 6000;

/** In the page, from navigation start: records highlight timings on every animation frame. */
const PROBE = `(() => {
  const probe = { first: null, settled: null, ranges: 0, longestGap: 0, load: null, done: false };
  window.__termlightBrowserBench = probe;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    if (probe.load !== null) probe.longestGap = Math.max(probe.longestGap, now - last);
    last = now;
    const size = CSS.highlights.get('termlight-term')?.size ?? 0;
    if (size > 0 && probe.first === null) probe.first = now;
    if (size !== probe.ranges) { probe.ranges = size; probe.settled = now; }
    if (probe.load !== null && now - probe.load > ${WATCH_MS}) { probe.done = true; return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  addEventListener('load', () => { probe.load = performance.now(); last = probe.load; }, { once: true });
})();`;

type Probe = { first: number | null; settled: number | null; ranges: number; longestGap: number; load: number | null; done: boolean };

async function collect(read: () => Promise<Probe | undefined>): Promise<BrowserSample> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const probe = await read();
    if (probe?.done) {
      const r = (n: number | null) => (n === null ? null : Math.round(n));
      return { firstHighlightMs: r(probe.first), settledMs: r(probe.settled), ranges: probe.ranges, longestFrameGapMs: Math.round(probe.longestGap), loadMs: Math.round(probe.load!) };
    }
    if (Date.now() > deadline) throw new Error('the in-page probe never finished');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const readProbe = (page: { evaluate(fn: () => unknown): Promise<unknown> }) =>
  page.evaluate(() => (window as unknown as { __termlightBrowserBench?: Probe }).__termlightBrowserBench) as Promise<Probe | undefined>;

async function chromiumSample(newPage: () => Promise<PlaywrightPage>, url: string): Promise<BrowserSample> {
  const page = await newPage();
  try {
    await page.addInitScript(PROBE);
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    return await collect(() => readProbe(page));
  } finally {
    await page.close();
  }
}

async function firefoxSample(newPage: () => Promise<PuppeteerPage>, url: string): Promise<BrowserSample> {
  const page = await newPage();
  try {
    await page.evaluateOnNewDocument(PROBE);
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    return await collect(() => readProbe(page));
  } finally {
    await page.close();
  }
}

function summarize(browser: string, page: string, samples: BrowserSample[]): BrowserSummary {
  const med = (values: Array<number | null>) => (values.some((v) => v === null) ? null : Math.round(median(values as number[])));
  return {
    browser,
    page,
    runs: samples.length,
    firstHighlightMs: med(samples.map((s) => s.firstHighlightMs)),
    settledMs: med(samples.map((s) => s.settledMs)),
    ranges: Math.round(median(samples.map((s) => s.ranges))),
    longestFrameGapMs: Math.round(median(samples.map((s) => s.longestFrameGapMs))),
    loadMs: Math.round(median(samples.map((s) => s.loadMs))),
  };
}

/** One browser at a time (Chromium, then Firefox), each with its build of the extension; a warm-up load per page. */
export async function benchBrowsers(
  baseUrl: string,
  pages: string[],
  runs: number,
  log: (message: string) => void,
  builds: { chrome: string; firefox: string },
): Promise<BrowserSummary[]> {
  const out: BrowserSummary[] = [];
  const context = await launchWithExtension({ extensionPath: builds.chrome });
  try {
    const version = context.browser()?.version() ?? '';
    for (const name of pages) {
      const url = `${baseUrl}/gen/${name}.html`;
      log(`Chromium ${version} + extension: ${name}`);
      await chromiumSample(() => context.newPage(), url);
      const samples: BrowserSample[] = [];
      for (let i = 0; i < runs; i++) samples.push(await chromiumSample(() => context.newPage(), url));
      out.push(summarize(`Chromium ${version}`.trim(), name, samples));
    }
  } finally {
    await context.close();
  }
  const firefox = await launchFirefoxWithExtension({ extensionPath: builds.firefox });
  try {
    const version = (await firefox.browser.version()).replace(/^firefox\//i, 'Firefox ');
    for (const name of pages) {
      const url = `${baseUrl}/gen/${name}.html`;
      log(`${version} + extension: ${name}`);
      await firefoxSample(() => firefox.newPage(), url);
      const samples: BrowserSample[] = [];
      for (let i = 0; i < runs; i++) samples.push(await firefoxSample(() => firefox.newPage(), url));
      out.push(summarize(version, name, samples));
    }
  } finally {
    await firefox.close();
  }
  return out;
}

export function browsersTable(rows: BrowserSummary[]): string {
  const ms = (n: number | null) => (n === null ? 'none' : `${n} ms`);
  const lines = [
    '| browser | page | load | first highlight | highlights settled | ranges | longest frame gap after load | runs |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.browser} | ${r.page} | ${ms(r.loadMs)} | ${ms(r.firstHighlightMs)} | ${ms(r.settledMs)} | ${r.ranges} | ${ms(r.longestFrameGapMs)} | ${r.runs} |`),
  ];
  return `Real extension, Chromium and Firefox (medians; ms from navigation start, measured in the page):\n\n${lines.join('\n')}`;
}

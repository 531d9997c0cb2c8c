/**
 * The PDF reader on a 300-page document (tests/pdf/make-pdfs.ts): time to the first page's text
 * layer and to the first highlights, Termlight's main-thread time, JS heap, and long tasks while
 * scrolling through every page. Run after `npm run build`: `npx tsx scripts/bench/reader.ts`.
 * Long tasks are the page's, all sources: PDF.js paints canvases on the main thread too, so the
 * count is an upper bound on Termlight's (whose slices are 8 ms; its total is reported apart).
 */
import { writeFileSync } from 'node:fs';
import { extensionId, launchWithExtension } from '../../tests/browser';
import { startFixtureServer } from '../../tests/server';

const PORT = Number(process.env.TERMLIGHT_PORT ?? 4178) + 50;
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 3;

async function once(): Promise<Record<string, number>> {
  const context = await launchWithExtension({});
  try {
    const id = await extensionId(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    /** The page's main-thread CPU so far (CDP: script and all tasks), in ms: a shared machine inflates wall time far more. */
    const cpuMs = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => Math.round((metrics.find((m) => m.name === name)?.value ?? 0) * 1000);
      return { script: get('ScriptDuration'), tasks: get('TaskDuration') };
    };
    const heapMb = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Math.round((metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 1024 / 1024) * 10) / 10;
    };
    // TERMLIGHT_PROFILE=file.cpuprofile: a CPU profile of the page from navigation to first highlights.
    const profilePath = process.env.TERMLIGHT_PROFILE;
    if (profilePath) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(`chrome-extension://${id}/reader.html?src=${encodeURIComponent(`http://127.0.0.1:${PORT}/pdf/long.pdf`)}`);
    await page.locator('.textLayer').first().waitFor({ state: 'attached', timeout: 120_000 });
    const firstTextLayerMs = await page.evaluate(() => Math.round(performance.now()));
    await page.waitForFunction(() => document.documentElement.dataset.firstHighlightsMs !== undefined, null, { timeout: 120_000 });
    const firstHighlightsMs = Number(await page.evaluate(() => document.documentElement.dataset.firstHighlightsMs));
    if (profilePath) writeFileSync(profilePath, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const heapOpenMb = await heapMb();
    const cpuOpen = await cpuMs();
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
    // Scroll through all 300 pages, a screen at a time, giving each a frame or two to render.
    await page.evaluate(async () => {
      const container = document.getElementById('viewer-container')!;
      while (container.scrollTop + container.clientHeight < container.scrollHeight - 2) {
        container.scrollTop += container.clientHeight;
        await new Promise((r) => setTimeout(r, 60));
      }
    });
    await page.waitForFunction(() => document.documentElement.dataset.indexed === 'true', null, { timeout: 300_000 });
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const cpuEnd = await cpuMs();
    process.stderr.write(`Termlight's longest piece of work by phase (ms): ${await page.evaluate(() => document.documentElement.dataset.termlightLongestByPhase)}\n`);
    return {
      pageScriptCpuToFirstHighlightsMs: cpuOpen.script,
      pageTaskCpuToFirstHighlightsMs: cpuOpen.tasks,
      pageScriptCpuTotalMs: cpuEnd.script,
      pageTaskCpuTotalMs: cpuEnd.tasks,
      firstTextLayerMs,
      firstHighlightsMs,
      termlightMainThreadMs: Number(await page.evaluate(() => document.documentElement.dataset.termlightMs)),
      termlightLongestTaskMs: Number(await page.evaluate(() => document.documentElement.dataset.termlightLongestTaskMs)),
      heapOpenMb,
      heapAfterScrollMb: await heapMb(),
      pageLongTasksWhileScrolling: longTasks.length,
      pageLongestTaskMs: Math.round(Math.max(0, ...longTasks)),
    };
  } finally {
    await context.close();
  }
}

const server = await startFixtureServer(PORT);
await fetch(`http://127.0.0.1:${PORT}/pdf/long.pdf`); // generate it before the clock matters
const results: Array<Record<string, number>> = [];
for (let i = 0; i < runs; i++) {
  results.push(await once());
  process.stderr.write(`run ${i + 1}: ${JSON.stringify(results.at(-1))}\n`);
}
await server.close();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const keys = Object.keys(results[0]!);
console.log('| reader, 300-page PDF (median of ' + runs + ') | value |\n|---|---|');
for (const key of keys) console.log(`| ${key} | ${median(results.map((r) => r[key]!))} |`);

/**
 * The side panel with a 5,000-term notebook: long tasks (PerformanceObserver `longtask`, all sources
 * in the panel's page) and the longest one, for each thing a reader does: opening the notebook view,
 * typing a search, changing the grouping, and deleting a term then undoing. The panel is opened as a
 * tab (sidepanel.html?view=notebook), as the end-to-end tests do. Not part of `npm test`.
 *
 *   npm run build && npx tsx scripts/bench/notebook.ts [--runs 3] [--baseline /path/to/chrome-mv3] [--profile]
 *
 * `--baseline` measures another build the same way, run for run, alternating (so load on a shared
 * machine hits both alike). `--profile` prints the functions with the most self time in each phase
 * (CDP Profiler), to find where a long task comes from.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_PATH, extensionId, launchWithExtension } from '../../tests/browser';
import { generatedNotebook } from '../../tests/notebook-data';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg('--runs') ?? 3);
const baseline = arg('--baseline');
const profile = process.argv.includes('--profile');
const TERMS = 5000;

type Phase = 'open' | 'search' | 'grouping' | 'delete+undo';
type Figures = Record<Phase, { count: number; longest: number }>;

async function seed(context: BrowserContext): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async (items) => {
    await (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.local.set(items);
  }, generatedNotebook());
}

/** Long tasks since the last call (the observer's list is emptied), after the page has been quiet a moment. */
async function takeLongTasks(panel: Page): Promise<number[]> {
  await panel.waitForTimeout(300);
  return panel.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    const tasks = w.__longTasks;
    w.__longTasks = [];
    return tasks.map(Math.round);
  });
}

async function once(extensionPath: string): Promise<Figures> {
  const context = await launchWithExtension({ extensionPath });
  try {
    const id = await extensionId(context);
    await seed(context);
    const panel = await context.newPage();
    await panel.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    const cdp = profile ? await context.newCDPSession(panel) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    }
    const phases: Partial<Figures> = {};
    const measure = async (phase: Phase, work: () => Promise<void>) => {
      if (cdp) await cdp.send('Profiler.start');
      await work();
      const tasks = await takeLongTasks(panel);
      phases[phase] = { count: tasks.length, longest: Math.max(0, ...tasks) };
      if (cdp) printProfile(phase, (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile);
    };
    const count = panel.getByTestId('notebook-count');
    await measure('open', async () => {
      await panel.goto(`chrome-extension://${id}/sidepanel.html?view=notebook`);
      await count.filter({ hasText: `${TERMS} saved terms` }).waitFor({ timeout: 60_000 });
      await panel.getByTestId('notebook-loading').waitFor({ state: 'detached', timeout: 60_000 });
      // The definitions arrive after the first cards (the export buttons wait for them).
      await panel.locator('[data-testid="export-csv"]:not([disabled])').first().waitFor({ timeout: 60_000 });
    });
    const search = panel.getByTestId('notebook-search');
    await measure('search', async () => {
      await search.click();
      await panel.keyboard.type('test term 4321', { delay: 60 });
      await panel.locator('.entry .headword', { hasText: 'test term 4321' }).waitFor();
      await panel.waitForFunction(() => document.querySelectorAll('.entry').length === 1);
      await search.fill('');
      await count.filter({ hasText: `${TERMS} saved terms` }).waitFor();
    });
    await measure('grouping', async () => {
      await panel.getByTestId('group-az').check();
      await panel.locator('.entry .headword').first().filter({ hasText: 'test term 0000' }).waitFor();
      await panel.getByRole('radio', { name: 'By page' }).check();
      await panel.locator('.group-heading').first().waitFor();
    });
    await measure('delete+undo', async () => {
      await panel.locator('.entry').first().getByTestId('entry-delete').click();
      await count.filter({ hasText: `${TERMS - 1} saved terms` }).waitFor();
      await panel.getByTestId('undo').click();
      await count.filter({ hasText: `${TERMS} saved terms` }).waitFor();
    });
    return phases as Figures;
  } finally {
    await context.close();
  }
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

function printProfile(phase: string, p: CpuProfile): void {
  const byNode = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  const top = [...self].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 12);
  process.stderr.write(`  [${phase}] most self time: ${top.map(([k, ms]) => `${k} ${Math.round(ms)} ms`).join('; ')}\n`);
}

const builds: Array<[string, string]> = [['this build', EXTENSION_PATH], ...(baseline ? [['baseline', baseline] as [string, string]] : [])];
const results = new Map<string, Figures[]>(builds.map(([name]) => [name, []]));
for (let run = 0; run < runs; run++) {
  for (const [name, path] of run % 2 ? [...builds].reverse() : builds) {
    const figures = await once(path);
    results.get(name)!.push(figures);
    process.stderr.write(`run ${run + 1}, ${name}: ${JSON.stringify(figures)}\n`);
  }
}
console.log(`\nSide panel, ${TERMS.toLocaleString('en')} saved terms: long tasks (count / longest ms), per run`);
for (const [name, list] of results) {
  console.log(`\n${name}`);
  for (const phase of ['open', 'search', 'grouping', 'delete+undo'] as Phase[]) {
    console.log(`  ${phase.padEnd(12)} ${list.map((f) => `${f[phase].count} / ${f[phase].longest}`).join('   ')}`);
  }
}

/**
 * npm run bench [-- --quick] [-- --json] [-- --runs N] [-- --cap-ms MS] [-- --only a,b] [-- --skip-living] [-- --firefox]
 *
 * Termlight's page scan against mark.js and a bare TreeWalker floor in headless Chromium, on
 * generated pages and the eval seed articles, plus living pages. Progress goes to stderr; stdout
 * gets the table, or with --json exactly one JSON object. The latest results go to RESULTS.md.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildGlossary } from '../../src/glossary/build';
import { encodeTermIndex } from '../../src/match/index-encode';
import { benchBrowsers, browsersTable, type BrowserSummary } from './browsers';
import { bundlePageEntry, markTerms, PROJECT_ROOT } from './bundle';
import { checkContentScript, load, machine } from './checks';
import { benchPage, median, type BenchPage } from './contenders';
import { iframesPage, startExtensionBrowser, traceExtension, type ExtensionSample } from './extension';
import { Harness } from './harness';
import { benchLiving, summarizeLiving } from './living';
import { articlePage, GENERATED, paragraphs, vocabulary } from './pages';
import {
  evaluateTargets,
  extensionTable,
  livingTable,
  phasesTable,
  resultsMarkdown,
  resultsTable,
  sizesTable,
  summarizePage,
  targetsTable,
  type ExtensionSummary,
  type SizeSummary,
  type Summary,
} from './report';
import { realSize, syntheticSize } from './sizes';

// ../shared next to a checkout; a git worktree under /work/wt/NAME finds it one level further up.
const SEEDS =
  process.env.TERMLIGHT_SEEDS ??
  [join(PROJECT_ROOT, '..', 'shared', 'eval', 'seeds'), join(PROJECT_ROOT, '..', '..', 'shared', 'eval', 'seeds')].find((dir) => existsSync(dir)) ??
  join(PROJECT_ROOT, '..', 'shared', 'eval', 'seeds');
const RESULTS = join(PROJECT_ROOT, 'scripts/bench/RESULTS.md');

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'cap-ms': { type: 'string' },
    'mark-budget-ms': { type: 'string', default: '30000' },
    only: { type: 'string' },
    'skip-living': { type: 'boolean', default: false },
    'skip-extension': { type: 'boolean', default: false },
    'skip-synthetic': { type: 'boolean', default: false },
    synthetic: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    firefox: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(
    'usage: npm run bench [-- --quick] [--json] [--runs N] [--cap-ms MS] [--mark-budget-ms MS] [--only page,page] [--skip-living] [--skip-extension] [--skip-synthetic] [--synthetic] [--baseline PATH] [--firefox]\nSee scripts/bench/README.md.\n',
  );
  process.exit(0);
}
const quick = args.quick;
const runs = Number(args.runs ?? (quick ? 3 : 5));
const capMs = Number(args['cap-ms'] ?? 20_000);
/** The headline pages of a quick run; the full run adds the seed articles. */
const QUICK_PAGES = ['1mb', '5mb', 'no-terms'];
const markBudgetMs = Number(args['mark-budget-ms']);
const startedAt = Date.now();
const log = (message: string) => process.stderr.write(`[bench ${Math.round((Date.now() - startedAt) / 1000)} s] ${message}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = load();
  log('compiling the glossary');
  const glossary = buildGlossary(PROJECT_ROOT);
  const index = glossary.termIndex;
  const compact = encodeTermIndex(index);
  const vocab = vocabulary(index);
  const checkResult = checkContentScript(PROJECT_ROOT, glossary);
  log('generating the pages');

  // Generated pages go to a temp dir; the seeds are served from where they are (never copied).
  const dir = mkdtempSync(join(tmpdir(), 'termlight-bench-'));
  const generated = new Map<string, string>();
  for (const spec of GENERATED) {
    const html = articlePage(spec, vocab);
    writeFileSync(join(dir, `${spec.name}.html`), html);
    generated.set(spec.name, html);
  }
  log('bundling the page driver, starting Chromium');
  const bundle = await bundlePageEntry();
  const harness = await Harness.start({ gen: `${dir}/`, seeds: `${SEEDS}/` }, bundle, JSON.stringify(compact));
  // The page with twenty frames from another origin (localhost, where the page is 127.0.0.1).
  const frameSet = iframesPage(harness.baseUrl.replace('127.0.0.1', 'localhost') + '/gen/frames', paragraphs(8, 3003, vocab).join('\n'));
  mkdirSync(join(dir, 'frames'));
  writeFileSync(join(dir, 'iframes.html'), frameSet.page);
  for (const [name, html] of Object.entries(frameSet.frames)) writeFileSync(join(dir, 'frames', name), html);
  try {
    const seedPages: BenchPage[] = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ name: `seed-${basename(f, '.html')}`, url: `${harness.baseUrl}/seeds/${f}`, bytes: statSync(join(SEEDS, f)).size }));
    const genPages: BenchPage[] = GENERATED.map((s) => ({ name: s.name, url: `${harness.baseUrl}/gen/${s.name}.html`, bytes: Buffer.byteLength(generated.get(s.name)!) }));
    const only = args.only?.split(',') ?? (quick ? QUICK_PAGES : undefined);
    // Smallest first, so a mark.js mode that times out is not retried on bigger pages.
    const pages = [...seedPages, ...genPages].filter((p) => !only || only.includes(p.name)).sort((a, b) => a.bytes - b.bytes);

    const markModes = quick ? (['markjs_regexp'] as const) : (['markjs', 'markjs_regexp'] as const);
    const options = {
      runs,
      capMs,
      markBudgetMs,
      markTerms: markTerms(index),
      markModes: [...markModes],
      log,
      // A quick run: mark.js once per page at a cap of 25x Termlight's median (5mb: none), and no warm-up on the big pages.
      ...(quick ? { quickMark: { factor: 25, minMs: 1000, skip: ['5mb'] }, warmUpBelowBytes: 1_000_000 } : {}),
    };
    log(`${pages.length} pages, ${options.markTerms.length} mark.js terms, Chromium ${harness.version}`);
    const knownTimeouts = new Set<'markjs' | 'markjs_regexp'>();
    const summaries = [];
    for (const page of pages) summaries.push(summarizePage(await benchPage(harness, page, options, knownTimeouts)));

    const extension: ExtensionSummary[] = [];
    if (!args['skip-extension']) {
      const builds: Array<[string, string]> = [['this build', join(PROJECT_ROOT, '.output/chrome-mv3')]];
      if (args.baseline) builds.push(['baseline', args.baseline]);
      for (const [build, path] of builds) {
        const context = await startExtensionBrowser(path);
        try {
          for (const name of ['no-terms', 'iframes']) {
            const url = `${harness.baseUrl}/gen/${name}.html`;
            log(`real extension (${build}): ${name}`);
            await traceExtension(context, url); // warm-up: the browser's first page load is slower for reasons of its own
            const samples: ExtensionSample[] = [];
            for (let i = 0; i < runs; i++) samples.push(await traceExtension(context, url));
            extension.push(summarizeExtension(name, build, samples));
          }
        } finally {
          await context.close();
        }
      }
    }
    // --firefox: the real extension in Firefox ESR and Chromium, timed from inside the page (browsers.ts).
    const browsers: BrowserSummary[] = args.firefox
      ? await benchBrowsers(harness.baseUrl, ['no-terms', '1mb'], runs, log, { chrome: join(PROJECT_ROOT, '.output/chrome-mv3'), firefox: join(PROJECT_ROOT, '.output/firefox-mv3') })
      : [];
    const sizes: SizeSummary[] = [realSize(PROJECT_ROOT, index.entries.length, compact)];
    // Twice the real glossary's entries, so the size's growth with the glossary is measured. A quick
    // run leaves it out (a whole extension build) unless asked for with --synthetic.
    if (!args['skip-synthetic'] && (!quick || args.synthetic)) sizes.push(syntheticSize(PROJECT_ROOT, 2 * index.entries.length, log));

    const base = GENERATED[0]!;
    const living = args['skip-living'] || quick
      ? null
      : summarizeLiving(
          await benchLiving(harness, base.name, `${harness.baseUrl}/gen/${base.name}.html`, paragraphs(1000, 1001, vocab), paragraphs(60, 2002, vocab), log),
        );
    const summary: Summary = {
      pages: summaries,
      living,
      targets: evaluateTargets(summaries, capMs, checkResult, extension, sizes),
      content_script: checkResult,
      machine: machine(harness.version, loadBefore),
      extension,
      sizes,
    };
    const policy = runPolicy(runs, capMs, markBudgetMs, Date.now() - started);
    // RESULTS.md holds the latest full run; a quick or partial run only prints.
    if (!quick && !args.only) {
      writeFileSync(RESULTS, resultsMarkdown(summary, capMs, policy));
      log(`wrote ${RESULTS}`);
    }
    if (args.json) {
      process.stdout.write(`${JSON.stringify(browsers.length > 0 ? { ...summary, browsers } : summary)}\n`);
    } else {
      const sections = [
        resultsTable(summary.pages, capMs),
        phasesTable(summary.pages),
        extensionTable(summary.extension),
        browsers.length > 0 ? browsersTable(browsers) : '',
        sizesTable(summary.sizes),
        targetsTable(summary.targets),
        summary.living ? livingTable(summary.living) : '',
        `Whole run: ${Math.round((Date.now() - started) / 1000)} s.`,
      ];
      process.stdout.write(`${sections.filter(Boolean).join('\n\n')}\n`);
    }
  } finally {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function summarizeExtension(page: string, build: string, samples: ExtensionSample[]): ExtensionSummary {
  const r2 = (n: number) => Math.round(n * 100) / 100;
  const top = samples.map((s) => s[0] ?? { frames: 0, mainThreadMs: 0, wallMs: 0, evaluateMs: 0 });
  const rest = samples.map((s) => s.slice(1));
  const sum = (list: ExtensionSample, key: 'frames' | 'mainThreadMs' | 'wallMs' | 'evaluateMs') => list.reduce((n, p) => n + p[key], 0);
  return {
    page,
    build,
    runs: samples.length,
    top_ms: r2(median(top.map((t) => t.mainThreadMs))),
    top_evaluate_ms: r2(median(top.map((t) => t.evaluateMs))),
    top_wall_ms: r2(median(top.map((t) => t.wallMs))),
    frames: Math.max(0, ...rest.map((r) => sum(r, 'frames'))),
    frames_ms: r2(median(rest.map((r) => sum(r, 'mainThreadMs')))),
    frames_evaluate_ms: r2(median(rest.map((r) => sum(r, 'evaluateMs')))),
    frames_wall_ms: r2(median(rest.map((r) => sum(r, 'wallMs')))),
  };
}

function runPolicy(runs: number, capMs: number, markBudgetMs: number, elapsedMs: number): string {
  return [
    `Runs: one warm-up, then ${runs} measured runs per contender and page, contenders alternating, the page reloaded before every run.`,
    `mark.js runs are capped at ${capMs / 1000} s (checked between batches of 100 terms; a tab still busy 30 s later is killed).`,
    `A mark.js mode whose warm-up takes longer than ${markBudgetMs / 1000} s / ${runs} gets fewer runs (as many as fit in ${markBudgetMs / 1000} s, at least one; the slow warm-up counts as a run),`,
    `and a mode that timed out is not run again on larger pages. Termlight and the floor always get ${runs}. Whole run: ${Math.round(elapsedMs / 1000)} s.`,
  ].join(' ');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * npm run bench [-- --json] [-- --runs N] [-- --cap-ms MS] [-- --only a,b] [-- --skip-living]
 *
 * Termlight's page scan against mark.js and a bare TreeWalker floor in headless Chromium, on
 * generated pages and the eval seed articles, plus living pages. Progress goes to stderr; stdout
 * gets the table, or with --json exactly one JSON object. The latest results go to RESULTS.md.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildGlossary } from '../../src/glossary/build';
import { bundlePageEntry, markTerms, PROJECT_ROOT } from './bundle';
import { checkContentScript, load, machine } from './checks';
import { benchPage, type BenchPage } from './contenders';
import { Harness } from './harness';
import { benchLiving, summarizeLiving } from './living';
import { articlePage, GENERATED, paragraphs, vocabulary } from './pages';
import { evaluateTargets, resultsMarkdown, resultsTable, summarizePage, targetsTable, livingTable, type Summary } from './report';

// ../shared next to a checkout; a git worktree under /work/wt/NAME finds it one level further up.
const SEEDS =
  process.env.TERMLIGHT_SEEDS ??
  [join(PROJECT_ROOT, '..', 'shared', 'eval', 'seeds'), join(PROJECT_ROOT, '..', '..', 'shared', 'eval', 'seeds')].find((dir) => existsSync(dir)) ??
  join(PROJECT_ROOT, '..', 'shared', 'eval', 'seeds');
const RESULTS = join(PROJECT_ROOT, 'scripts/bench/RESULTS.md');

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    'cap-ms': { type: 'string', default: '60000' },
    'mark-budget-ms': { type: 'string', default: '30000' },
    only: { type: 'string' },
    'skip-living': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write('usage: npm run bench [-- --json] [--runs N] [--cap-ms MS] [--mark-budget-ms MS] [--only page,page] [--skip-living]\nSee scripts/bench/README.md.\n');
  process.exit(0);
}
const runs = Number(args.runs);
const capMs = Number(args['cap-ms']);
const markBudgetMs = Number(args['mark-budget-ms']);
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = load();
  log('compiling the glossary');
  const glossary = buildGlossary(PROJECT_ROOT);
  const index = glossary.termIndex;
  const vocab = vocabulary(index);
  const checkResult = checkContentScript(PROJECT_ROOT, glossary);

  // Generated pages go to a temp dir; the seeds are served from where they are (never copied).
  const dir = mkdtempSync(join(tmpdir(), 'termlight-bench-'));
  const generated = new Map<string, string>();
  for (const spec of GENERATED) {
    const html = articlePage(spec, vocab);
    writeFileSync(join(dir, `${spec.name}.html`), html);
    generated.set(spec.name, html);
  }
  const bundle = await bundlePageEntry();
  const harness = await Harness.start({ gen: `${dir}/`, seeds: `${SEEDS}/` }, bundle, JSON.stringify(index));
  try {
    const seedPages: BenchPage[] = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ name: `seed-${basename(f, '.html')}`, url: `${harness.baseUrl}/seeds/${f}`, bytes: statSync(join(SEEDS, f)).size }));
    const genPages: BenchPage[] = GENERATED.map((s) => ({ name: s.name, url: `${harness.baseUrl}/gen/${s.name}.html`, bytes: Buffer.byteLength(generated.get(s.name)!) }));
    const only = args.only?.split(',');
    // Smallest first, so a mark.js mode that times out is not retried on bigger pages.
    const pages = [...seedPages, ...genPages].filter((p) => !only || only.includes(p.name)).sort((a, b) => a.bytes - b.bytes);

    const options = { runs, capMs, markBudgetMs, markTerms: markTerms(index), log };
    log(`${pages.length} pages, ${options.markTerms.length} mark.js terms, Chromium ${harness.version}`);
    const knownTimeouts = new Set<'markjs' | 'markjs_regexp'>();
    const summaries = [];
    for (const page of pages) summaries.push(summarizePage(await benchPage(harness, page, options, knownTimeouts)));

    const base = GENERATED[0]!;
    const living = args['skip-living']
      ? null
      : summarizeLiving(
          await benchLiving(harness, base.name, `${harness.baseUrl}/gen/${base.name}.html`, paragraphs(1000, 1001, vocab), paragraphs(60, 2002, vocab), log),
        );
    const summary: Summary = {
      pages: summaries,
      living,
      targets: evaluateTargets(summaries, capMs, checkResult),
      content_script: checkResult,
      machine: machine(harness.version, loadBefore),
    };
    const policy = runPolicy(runs, capMs, markBudgetMs, Date.now() - started);
    writeFileSync(RESULTS, resultsMarkdown(summary, capMs, policy));
    log(`wrote ${RESULTS}`);
    if (args.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      const sections = [resultsTable(summary.pages, capMs), targetsTable(summary.targets), summary.living ? livingTable(summary.living) : ''];
      process.stdout.write(`${sections.filter(Boolean).join('\n\n')}\n`);
    }
  } finally {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  }
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

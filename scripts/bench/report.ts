import { median, type MarkSample, type PageSamples } from './contenders';
import type { ContentScriptCheck, Machine } from './checks';
import type { LivingSummary } from './living';

const r1 = (n: number) => Math.round(n * 10) / 10;
const r2 = (n: number) => Math.round(n * 100) / 100;

export interface MarkSummary {
  /** null when the median run did not finish within the cap. */
  median_ms: number | null;
  min_ms: number | null;
  max_ms: number | null;
  runs: number;
  timed_out: boolean;
  marks: number | null;
}

export interface PageSummary {
  name: string;
  bytes: number;
  termlight: {
    median_ms: number;
    first_viewport_ms: number | null;
    longest_task_ms: number;
    heap_mb: number;
    longest_render_ms: number;
    min_ms: number;
    max_ms: number;
    runs: number;
    matches: number;
    matcher_ms: number;
    main_thread_ms: number;
    heap_delta_mb: number;
    index_parse_ms: number;
  };
  markjs: MarkSummary;
  markjs_regexp: MarkSummary;
  floor: { median_ms: number; min_ms: number; max_ms: number; runs: number };
  notes: string[];
}

export interface Target {
  target: string;
  met: boolean;
  detail: string;
}

export interface Summary {
  pages: PageSummary[];
  living: LivingSummary | null;
  targets: Target[];
  content_script: ContentScriptCheck;
  machine: Machine;
}

function summarizeMark(runs: MarkSample[]): MarkSummary {
  const done = runs.filter((r) => !r.timedOut).map((r) => r.ms);
  // A run that hit the cap counts as slower than any finished run.
  const mid = median(runs.map((r) => (r.timedOut ? Infinity : r.ms)));
  return {
    median_ms: Number.isFinite(mid) ? r1(mid) : null,
    min_ms: done.length ? r1(Math.min(...done)) : null,
    max_ms: done.length ? r1(Math.max(...done)) : null,
    runs: runs.length,
    timed_out: runs.some((r) => r.timedOut),
    marks: runs.find((r) => !r.timedOut)?.marks ?? null,
  };
}

export function summarizePage(s: PageSamples): PageSummary {
  const t = s.termlight;
  const viewport = t.map((r) => r.firstViewportMs).filter((v): v is number => v !== null);
  return {
    name: s.page.name,
    bytes: s.page.bytes,
    termlight: {
      median_ms: r1(median(t.map((r) => r.ms))),
      first_viewport_ms: viewport.length ? r1(median(viewport)) : null,
      longest_task_ms: r1(Math.max(...t.map((r) => r.longestTaskMs))),
      heap_mb: r2(median(t.map((r) => r.heapMb))),
      longest_render_ms: r1(Math.max(...t.map((r) => r.longestRenderMs))),
      min_ms: r1(Math.min(...t.map((r) => r.ms))),
      max_ms: r1(Math.max(...t.map((r) => r.ms))),
      runs: t.length,
      matches: t[0]?.matches ?? 0,
      matcher_ms: r1(median(t.map((r) => r.matcherMs))),
      main_thread_ms: r1(median(t.map((r) => r.mainThreadMs))),
      heap_delta_mb: r2(median(t.map((r) => r.heapDeltaMb))),
      index_parse_ms: r1(median(t.map((r) => r.parseMs))),
    },
    markjs: summarizeMark(s.markjs),
    markjs_regexp: summarizeMark(s.markjs_regexp),
    floor: { median_ms: r2(median(s.floor)), min_ms: r2(Math.min(...s.floor)), max_ms: r2(Math.max(...s.floor)), runs: s.floor.length },
    notes: s.notes,
  };
}

export function evaluateTargets(pages: PageSummary[], capMs: number, check: ContentScriptCheck): Target[] {
  const targets: Target[] = [];
  const page = (name: string) => pages.find((p) => p.name === name);
  const mb1 = page('1mb');
  if (mb1) {
    const t = mb1.termlight.median_ms;
    // A mode that timed out is counted at the cap: the ratio is then a lower bound.
    const best = [mb1.markjs, mb1.markjs_regexp]
      .map((m) => ({ ms: m.median_ms ?? capMs, lowerBound: m.median_ms === null }))
      .reduce((a, b) => (a.ms <= b.ms ? a : b));
    const bound = best.ms;
    const lowerBound = best.lowerBound;
    const ratio = bound / t;
    targets.push({
      target: '1mb: at least 20x faster than the faster mark.js mode',
      met: ratio >= 20,
      detail: `termlight ${t} ms vs ${lowerBound ? `>= ${bound}` : bound} ms: ${lowerBound ? '>= ' : ''}${r1(ratio)}x`,
    });
    const floorRatio = t / mb1.floor.median_ms;
    targets.push({ target: '1mb: within 3x the floor', met: floorRatio <= 3, detail: `termlight ${t} ms vs floor ${mb1.floor.median_ms} ms: ${r1(floorRatio)}x` });
  }
  const mb5 = page('5mb');
  if (mb5) {
    const longest = mb5.termlight.longest_task_ms;
    targets.push({ target: '5mb: no task of 50 ms or more caused by Termlight', met: longest < 50, detail: `longest task in ${mb5.termlight.runs} runs: ${longest} ms` });
  }
  const none = page('no-terms');
  if (none) {
    const t = none.termlight;
    targets.push({
      target: 'no-terms page: under 2 ms of main-thread time',
      met: t.main_thread_ms < 2,
      detail: `${t.main_thread_ms} ms of main-thread time, ${t.median_ms} ms from start to done (${none.bytes} bytes; matcher construction ${t.matcher_ms} ms; index JSON.parse at load, not included: ${t.index_parse_ms} ms)`,
    });
  }
  targets.push({
    target: 'content script carries no definitions',
    met: check.definitionsFound === 0,
    detail: `content.js ${check.bytes} bytes; ${check.definitionsFound} of ${check.definitionsChecked} definition texts found in it (e.g. "${check.sample}")`,
  });
  return targets;
}

function fmt(n: number | null | undefined, suffix = ''): string {
  return n === null || n === undefined ? '-' : `${n}${suffix}`;
}

function markCell(m: MarkSummary, capMs: number): string[] {
  const mid = m.median_ms === null ? `timeout (> ${capMs / 1000} s)` : String(m.median_ms);
  return [mid, fmt(m.min_ms), fmt(m.max_ms), '', '', '', `${m.runs}`];
}

export function resultsTable(pages: PageSummary[], capMs: number): string {
  const rows = [
    ['page', 'bytes', 'contender', 'median ms', 'min ms', 'max ms', 'first viewport ms', 'longest task ms', 'heap MB', 'runs'],
    ['---', '---:', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:'],
  ];
  for (const p of pages) {
    const t = p.termlight;
    rows.push([p.name, String(p.bytes), 'termlight', String(t.median_ms), String(t.min_ms), String(t.max_ms), fmt(t.first_viewport_ms), String(t.longest_task_ms), String(t.heap_mb), String(t.runs)]);
    rows.push(['', '', 'markjs', ...markCell(p.markjs, capMs)]);
    rows.push(['', '', 'markjs_regexp', ...markCell(p.markjs_regexp, capMs)]);
    rows.push(['', '', 'floor', String(p.floor.median_ms), String(p.floor.min_ms), String(p.floor.max_ms), '', '', '', String(p.floor.runs)]);
  }
  return rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export function targetsTable(targets: Target[]): string {
  return ['| target | met | figures |', '| --- | --- | --- |', ...targets.map((t) => `| ${t.target} | ${t.met ? 'yes' : '**no**'} | ${t.detail} |`)].join('\n');
}

export function livingTable(l: LivingSummary): string {
  const b = l.burst;
  const t = l.ticker;
  return [
    `Base page: \`${l.base}\`.`,
    '',
    '| living page | figure | with Termlight | page alone |',
    '| --- | --- | ---: | ---: |',
    `| burst of ${b.paragraphs} appended paragraphs (${b.expected_matches} terms) | time until all their terms are handled (incl. the 100 ms mutation batching delay) | ${fmt(b.handled_ms, ' ms')} | |`,
    `| | the page's own append task | ${b.append_task_ms} ms | |`,
    `| | longest other task, any kind (max of 3 runs) | ${b.longest_task_ms} ms | ${b.baseline_longest_task_ms} ms |`,
    `| | longest other task that ran script, not rendering (max of 3 runs) | ${b.longest_script_ms} ms | ${b.baseline_longest_script_ms} ms |`,
    `| text rewritten every ${t.period_ms} ms for ${t.duration_ms / 1000} s (${t.ticks} rewrites) | frame time median / p95 / max | ${t.frame_median_ms} / ${t.frame_p95_ms} / ${t.frame_max_ms} ms | ${t.baseline.frame_median_ms} / ${t.baseline.frame_p95_ms} / ${t.baseline.frame_max_ms} ms |`,
    `| | longest task, any kind | ${t.longest_task_ms} ms | ${t.baseline.longest_task_ms} ms |`,
    `| | longest task that ran script | ${t.longest_script_ms} ms | ${t.baseline.longest_script_ms} ms |`,
    `| | matches in the live region after the last rewrite / a fresh scan's count | ${fmt(t.live_matches)} / ${fmt(t.live_expected)} | |`,
  ].join('\n');
}

export function resultsMarkdown(summary: Summary, capMs: number, policy: string): string {
  const m = summary.machine;
  const notes = summary.pages.flatMap((p) => p.notes.map((n) => `- ${p.name}: ${n}`));
  const details = summary.pages.map(
    (p) => `| ${p.name} | ${p.termlight.matches} | ${p.termlight.longest_render_ms} | ${p.termlight.main_thread_ms} | ${p.termlight.matcher_ms} | ${p.termlight.index_parse_ms} | ${p.termlight.heap_delta_mb} | ${fmt(p.markjs.marks)} | ${fmt(p.markjs_regexp.marks)} |`,
  );
  return `# Termlight benchmark results

Generated by \`npm run bench\` (scripts/bench/run.ts) on ${m.date}. See README.md in this folder for what is measured and how.

Machine: ${m.nproc} cores, ${m.cpu}, ${m.memory}; ${m.chromium}; Node ${m.node}. Load average ${m.loadBefore} before and ${m.loadAfter} after the run (other work shares this machine, so timings are noisy).

${policy}

## Results (ms; medians of the measured runs)

${resultsTable(summary.pages, capMs)}

${notes.length ? `Notes:\n${notes.join('\n')}\n` : ''}
Termlight details (medians; longest rendering task: max over runs, the rendering part of long animation frames, already included in "longest task" above): matches found, TermMatcher construction (included in the time above), term index JSON.parse (done at content script load, not included), JS heap retained by the run; mark.js marks.

| page | matches | longest rendering task ms | main-thread ms | matcher ms | index parse ms | heap delta MB | markjs marks | markjs_regexp marks |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${details.join('\n')}

## Targets

${targetsTable(summary.targets)}

## Living pages

${summary.living ? livingTable(summary.living) : 'Not run (--skip-living).'}

## Content script

\`.output/chrome-mv3/content-scripts/content.js\`: ${summary.content_script.bytes} bytes (${summary.content_script.termIndexBytes} of them the term index JSON). Definitions checked against it: ${summary.content_script.definitionsChecked}, found: ${summary.content_script.definitionsFound}.
`;
}

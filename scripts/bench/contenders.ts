import type { Harness } from './harness';
import type { MarkRun, Phases, TermlightRun } from './page-entry';

export type Contender = 'termlight' | 'markjs' | 'markjs_regexp' | 'floor';
export const CONTENDERS: Contender[] = ['termlight', 'markjs', 'markjs_regexp', 'floor'];
type MarkMode = 'markjs' | 'markjs_regexp';

export interface BenchPage {
  name: string;
  url: string;
  bytes: number;
}

export interface TermlightSample extends TermlightRun {
  /** Main-thread CPU time during the run (ThreadTime), which a loaded machine inflates far less than wall time. */
  cpuMs: number;
  heapMb: number;
  heapDeltaMb: number;
  parseMs: number;
}

export interface MarkSample extends MarkRun {
  /** Set when the run did not finish: the cap was passed, or the tab had to be killed. */
  note?: string;
  /** The cap this run had (a quick run sets it per page). */
  capMs: number;
}

export interface PageSamples {
  page: BenchPage;
  /** One unsliced pass, phase by phase, on a freshly loaded page. */
  phases?: Phases;
  termlight: TermlightSample[];
  markjs: MarkSample[];
  markjs_regexp: MarkSample[];
  floor: number[];
  /** Why a mark.js mode has fewer than the planned runs. */
  notes: string[];
}

export interface BenchOptions {
  runs: number;
  capMs: number;
  /** Time a slow mark.js mode may take per page; above it, fewer runs (at least one). */
  markBudgetMs: number;
  markTerms: string[];
  /** The mark.js modes to run (the quick run has one). */
  markModes: MarkMode[];
  /**
   * A quick run's mark.js: one run per page, no warm-up, after Termlight's runs, capped at this many
   * times Termlight's median there (never above capMs): enough to show the 20x target when it is met,
   * and a run that would only prove more stops early. Pages listed in `quickMarkSkip` get none.
   */
  quickMark?: { factor: number; minMs: number; skip: string[] };
  /** No warm-up round on pages this big (a quick run: the page's reload, not the JIT, is what a warm-up warms). */
  warmUpBelowBytes?: number;
  log: (message: string) => void;
}

async function termlightOnce(h: Harness, url: string): Promise<TermlightSample> {
  const parseMs = (await h.load(url, { index: true })) ?? 0;
  const before = await h.heapMb();
  const cpuBefore = await h.threadTimeMs();
  const run = (await h.call('runTermlight', []))!;
  const cpuMs = (await h.threadTimeMs()) - cpuBefore;
  const heapMb = await h.heapMb();
  return { ...run, cpuMs, heapMb, heapDeltaMb: heapMb - before, parseMs };
}

async function floorOnce(h: Harness, url: string): Promise<number> {
  await h.load(url);
  return (await h.call('runFloor', []))!.ms;
}

async function markOnce(h: Harness, url: string, mode: MarkMode, options: BenchOptions, capMs = options.capMs): Promise<MarkSample> {
  await h.load(url, { mark: true });
  // A synchronous mark.js batch can overrun the cap; past cap + 30 s the tab is killed.
  const run = await h.call('runMark', [mode, options.markTerms, capMs], capMs + 30_000);
  if (!run) return { ms: capMs, marks: 0, timedOut: true, note: 'killed after the hard limit', capMs };
  return run.timedOut ? { ...run, note: `stopped at the ${capMs / 1000} s cap`, capMs } : { ...run, capMs };
}

/**
 * Every contender on one page in one browser: a warm-up round, then `runs` rounds, each round
 * running the contenders one after another (alternating, so drift in machine load hits all of
 * them alike), each on a freshly loaded page. A mark.js mode that is slow gets fewer runs: see
 * plannedMarkRuns.
 */
export async function benchPage(h: Harness, page: BenchPage, options: BenchOptions, knownTimeouts: Set<MarkMode>): Promise<PageSamples> {
  const samples: PageSamples = { page, termlight: [], markjs: [], markjs_regexp: [], floor: [], notes: [] };
  const planned: Record<MarkMode, number> = { markjs: options.runs, markjs_regexp: options.runs };
  if (page.bytes < (options.warmUpBelowBytes ?? Infinity)) {
    options.log(`${page.name}: warm-up`);
    await termlightOnce(h, page.url);
    await floorOnce(h, page.url);
  }
  for (const mode of ['markjs', 'markjs_regexp'] as const) {
    if (!options.markModes.includes(mode) || options.quickMark) {
      planned[mode] = 0;
      continue;
    }
    if (knownTimeouts.has(mode)) {
      planned[mode] = 0;
      samples[mode].push({ ms: options.capMs, marks: 0, timedOut: true, note: 'not run: timed out on a smaller page', capMs: options.capMs });
      samples.notes.push(`${mode}: not run, it already timed out on a smaller page`);
      continue;
    }
    const warm = await markOnce(h, page.url, mode, options);
    options.log(`${page.name}: ${mode} warm-up ${warm.timedOut ? 'timed out' : `${Math.round(warm.ms)} ms`}`);
    planned[mode] = plannedMarkRuns(warm, options);
    if (planned[mode] < options.runs) {
      // A run this slow is not skewed by a cold JIT: the warm-up counts as the first measured run.
      samples[mode].push(warm);
      planned[mode] = Math.max(0, planned[mode] - 1);
      samples.notes.push(`${mode}: ${samples[mode].length + planned[mode]} run(s) (warm-up ${warm.timedOut ? 'timed out' : `took ${(warm.ms / 1000).toFixed(1)} s`}; it counts as a run)`);
      if (warm.timedOut) knownTimeouts.add(mode);
    }
  }
  for (let round = 1; round <= options.runs; round++) {
    options.log(`${page.name}: round ${round}/${options.runs}`);
    samples.termlight.push(await termlightOnce(h, page.url));
    for (const mode of ['markjs', 'markjs_regexp'] as const) {
      if (round > planned[mode]) continue;
      const run = await markOnce(h, page.url, mode, options);
      samples[mode].push(run);
      if (run.timedOut) {
        knownTimeouts.add(mode);
        planned[mode] = 0;
      }
    }
    samples.floor.push(await floorOnce(h, page.url));
  }
  const quick = options.quickMark;
  if (quick && !quick.skip.includes(page.name)) {
    const termlightMs = median(samples.termlight.map((r) => r.ms));
    const capMs = Math.round(Math.min(options.capMs, Math.max(quick.minMs, quick.factor * termlightMs)));
    for (const mode of options.markModes) {
      const run = await markOnce(h, page.url, mode, options, capMs);
      options.log(`${page.name}: ${mode} (one run, cap ${capMs / 1000} s) ${run.timedOut ? 'hit the cap' : `${Math.round(run.ms)} ms`}`);
      samples[mode].push(run);
    }
    samples.notes.push(`quick run: mark.js once, capped at ${capMs / 1000} s (${quick.factor}x Termlight's median here, at most ${options.capMs / 1000} s)`);
  }
  await h.load(page.url, { index: true });
  samples.phases = await h.call('runPhases', []);
  return samples;
}

function plannedMarkRuns(warm: MarkRun, options: BenchOptions): number {
  if (warm.timedOut) return 0;
  return Math.max(1, Math.min(options.runs, Math.floor(options.markBudgetMs / Math.max(warm.ms, 1))));
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

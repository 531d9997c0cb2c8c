import { median } from './contenders';
import type { Harness } from './harness';
import type { BurstResult, TickerResult } from './page-living';

export interface LivingResults {
  base: string;
  burst: { termlight: BurstResult[]; baseline: BurstResult[] };
  ticker: { termlight: TickerResult; baseline: TickerResult; durationMs: number; periodMs: number };
}

export interface LivingSummary {
  base: string;
  burst: {
    paragraphs: number;
    expected_matches: number;
    handled_ms: number | null;
    append_task_ms: number;
    longest_task_ms: number;
    longest_script_ms: number;
    baseline_longest_task_ms: number;
    baseline_longest_script_ms: number;
  };
  ticker: {
    duration_ms: number;
    period_ms: number;
    ticks: number;
    frame_median_ms: number;
    frame_p95_ms: number;
    frame_max_ms: number;
    longest_task_ms: number;
    longest_script_ms: number;
    live_matches: number | null;
    live_expected: number | null;
    baseline: { frame_median_ms: number; frame_p95_ms: number; frame_max_ms: number; longest_task_ms: number; longest_script_ms: number };
  };
}

/**
 * The living-page measurements on `url` (the 1mb page): a burst of appended paragraphs, three times
 * with Termlight and three without, alternating; then 10 s of text rewritten every 100 ms, once
 * with and once without. Each run starts from a freshly loaded page.
 */
export async function benchLiving(h: Harness, base: string, url: string, burstHtml: string[], tickerHtml: string[], log: (m: string) => void): Promise<LivingResults> {
  const burst: LivingResults['burst'] = { termlight: [], baseline: [] };
  for (let round = 1; round <= 3; round++) {
    log(`living: burst round ${round}/3`);
    await h.load(url, { index: true });
    burst.termlight.push((await h.call('burst', [burstHtml, true]))!);
    await h.load(url);
    burst.baseline.push((await h.call('burst', [burstHtml, false]))!);
  }
  const durationMs = 10_000;
  const periodMs = 100;
  log('living: ticker with Termlight (10 s)');
  await h.load(url, { index: true });
  const termlight = (await h.call('ticker', [tickerHtml, true, durationMs, periodMs]))!;
  log('living: ticker without Termlight (10 s)');
  await h.load(url);
  const baseline = (await h.call('ticker', [tickerHtml, false, durationMs, periodMs]))!;
  return { base, burst, ticker: { termlight, baseline, durationMs, periodMs } };
}

export function summarizeLiving(results: LivingResults): LivingSummary {
  const { burst, ticker } = results;
  const handled = burst.termlight.map((r) => r.handledMs);
  const round = (n: number) => Math.round(n * 10) / 10;
  const maxOf = (runs: BurstResult[], pick: (r: BurstResult) => number) => round(Math.max(...runs.map(pick)));
  return {
    base: results.base,
    burst: {
      paragraphs: burst.termlight[0]!.paragraphs,
      expected_matches: burst.termlight[0]!.expectedMatches,
      handled_ms: handled.some((h) => h === null) ? null : round(median(handled as number[])),
      append_task_ms: round(median(burst.termlight.map((r) => r.appendTaskMs))),
      longest_task_ms: maxOf(burst.termlight, (r) => r.longestTaskMs),
      longest_script_ms: maxOf(burst.termlight, (r) => r.longestScriptMs),
      baseline_longest_task_ms: maxOf(burst.baseline, (r) => r.longestTaskMs),
      baseline_longest_script_ms: maxOf(burst.baseline, (r) => r.longestScriptMs),
    },
    ticker: {
      duration_ms: ticker.durationMs,
      period_ms: ticker.periodMs,
      ticks: ticker.termlight.ticks,
      frame_median_ms: round(ticker.termlight.frameMedianMs),
      frame_p95_ms: round(ticker.termlight.frameP95Ms),
      frame_max_ms: round(ticker.termlight.frameMaxMs),
      longest_task_ms: round(ticker.termlight.longestTaskMs),
      longest_script_ms: round(ticker.termlight.longestScriptMs),
      live_matches: ticker.termlight.liveMatches,
      live_expected: ticker.termlight.liveExpected,
      baseline: {
        frame_median_ms: round(ticker.baseline.frameMedianMs),
        frame_p95_ms: round(ticker.baseline.frameP95Ms),
        frame_max_ms: round(ticker.baseline.frameMaxMs),
        longest_task_ms: round(ticker.baseline.longestTaskMs),
        longest_script_ms: round(ticker.baseline.longestScriptMs),
      },
    },
  };
}

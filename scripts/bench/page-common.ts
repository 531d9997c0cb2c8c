/**
 * Helpers shared by the in-page benchmark drivers (page-entry.ts, page-living.ts): a PageController
 * started the way the content script starts it, a wait for its scan queue, long-task collection.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CompactTermIndex, type CompactTermIndexData } from '../../src/match/index-format';
import { PageController } from '../../src/page/controller';
import type { Highlighter } from '../../src/page/highlighter';
import { DEFAULT_SETTINGS } from '../../src/settings/schema';

/** What the content script gets from WXT and the controller uses: only onInvalidated. */
const ctxStub = { onInvalidated: () => () => {} } as unknown as ContentScriptContext;
export const OWN_HOST = 'termlight-ui';
let indexData: CompactTermIndexData | undefined;

/**
 * Takes the compact index the content script ships (as JSON here; the content script has it as
 * string literals, parsed with the script). Returns the time that took: the bench's own overhead.
 */
export function setIndex(json: string): number {
  const start = performance.now();
  indexData = JSON.parse(json) as CompactTermIndexData;
  return performance.now() - start;
}

/** A fresh reader over the index, as each content script has: nothing decoded yet. */
export function freshIndex(): CompactTermIndex {
  if (!indexData) throw new Error('setIndex first');
  return new CompactTermIndex(indexData);
}

// Hooks Highlight.add to see when the Highlighter's IntersectionObserver first registers ranges:
// the microtask runs right after that observer callback returns, i.e. when the viewport is done.
let firstAdd: number | undefined;
let firstViewportDone: number | undefined;

/** Forgets the last first-viewport time; returns a reader for the next one. */
export function resetFirstViewport(): () => number | undefined {
  firstAdd = firstViewportDone = undefined;
  return () => firstViewportDone;
}

const originalAdd = Highlight.prototype.add;
Highlight.prototype.add = function (this: Highlight, range: AbstractRange) {
  if (firstAdd === undefined) {
    firstAdd = performance.now();
    queueMicrotask(() => (firstViewportDone = performance.now()));
  }
  return originalAdd.call(this, range);
};

/** A task of 50 ms or more: script (Long Tasks API) or a frame's rendering (Long Animation Frames API). */
export interface LongTask {
  start: number;
  duration: number;
  kind: 'script' | 'render';
}

/**
 * Collects long tasks from now on; `stop` waits for late deliveries and returns them. The Long
 * Tasks API leaves out rendering (style, layout, paint, IntersectionObserver computations), which
 * Termlight causes too, so each long animation frame's rendering part counts as a task as well.
 */
export function watchLongTasks(): { stop: () => Promise<LongTask[]> } {
  const tasks: LongTask[] = [];
  const take = (entries: PerformanceEntry[]) => {
    for (const e of entries) {
      if (e.entryType === 'longtask') tasks.push({ start: e.startTime, duration: e.duration, kind: 'script' });
      const renderStart = (e as PerformanceEntry & { renderStart?: number }).renderStart;
      if (e.entryType === 'long-animation-frame' && renderStart) {
        tasks.push({ start: renderStart, duration: e.startTime + e.duration - renderStart, kind: 'render' });
      }
    }
  };
  const observers = ['longtask', 'long-animation-frame']
    .filter((type) => PerformanceObserver.supportedEntryTypes.includes(type))
    .map((type) => {
      const observer = new PerformanceObserver((list) => take(list.getEntries()));
      observer.observe({ type });
      return observer;
    });
  return {
    async stop() {
      await nextFrame();
      await new Promise((r) => setTimeout(r, 50));
      for (const observer of observers) {
        take(observer.takeRecords());
        observer.disconnect();
      }
      return tasks.filter((t) => t.duration >= 50);
    },
  };
}

export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
export const longest = (tasks: LongTask[]) => tasks.reduce((max, t) => Math.max(max, t.duration), 0);

/** Waits until the controller's scan queue is empty (it is private: the bench reads it through a cast). */
export async function settled(controller: PageController): Promise<void> {
  const internals = controller as unknown as { queue: Promise<void> };
  for (let queue = internals.queue; ; queue = internals.queue) {
    await queue;
    if (internals.queue === queue) return;
  }
}

export function registeredRanges(controller: PageController): number {
  return (controller as unknown as { highlighter?: Highlighter }).highlighter?.registeredCount ?? 0;
}

/** A PageController as the content script creates it, with construction of its matcher timed. */
export function startTermlight(onVisibleChange?: () => void): { controller: PageController; matcherMs: () => number } {
  const controller = new PageController(ctxStub, freshIndex(), OWN_HOST, onVisibleChange);
  let matcherMs = 0;
  const getMatcher = controller.getMatcher.bind(controller);
  controller.getMatcher = () => {
    const start = performance.now();
    const matcher = getMatcher();
    matcherMs += performance.now() - start;
    return matcher;
  };
  controller.applySettings(DEFAULT_SETTINGS);
  return { controller, matcherMs: () => matcherMs };
}

/** Cooperative scheduling: work in slices of a few milliseconds so no task of ours comes near 50 ms. */
const SLICE_MS = 8;

/**
 * Yields to the back of the page's ordinary task queue (a MessageChannel message, which setTimeout's
 * clamping does not slow down). Not scheduler.yield: its continuations outrank the page's own tasks,
 * so during a long scan Chromium rendered only about every 100 ms and delivered the Highlighter's
 * IntersectionObserver callbacks only after the whole page was scanned: the first screen of a big
 * page was highlighted last, and the page's own timers waited too.
 */
export function yieldToMain(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export class Slicer {
  private sliceStart = performance.now();

  constructor(private readonly budgetMs = SLICE_MS) {}

  /** Whether this slice has used its budget. */
  get due(): boolean {
    return performance.now() - this.sliceStart >= this.budgetMs;
  }

  /** Yields to the page, then starts a new slice. Throws if `signal` aborted meanwhile. */
  async next(signal?: AbortSignal): Promise<void> {
    await yieldToMain();
    signal?.throwIfAborted();
    this.sliceStart = performance.now();
  }
}

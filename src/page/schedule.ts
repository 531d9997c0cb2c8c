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
  /** Main-thread time spent in this slicer's slices so far (what the page actually lost to us). */
  private busyMs = 0;

  constructor(private readonly budgetMs = SLICE_MS) {}

  /** Ends the last slice and returns the main-thread time of all of them. */
  finish(): number {
    return this.busyMs + (performance.now() - this.sliceStart);
  }

  /** Whether this slice has used its budget. */
  get due(): boolean {
    return performance.now() - this.sliceStart >= this.budgetMs;
  }

  /** Yields to the page, then starts a new slice. Throws if `signal` aborted meanwhile. */
  async next(signal?: AbortSignal): Promise<void> {
    this.busyMs += performance.now() - this.sliceStart;
    await yieldToMain();
    signal?.throwIfAborted();
    this.sliceStart = performance.now();
  }
}

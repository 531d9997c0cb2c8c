/** Cooperative scheduling: work in slices of a few milliseconds so no task of ours comes near 50 ms. */
const SLICE_MS = 8;

type SchedulerWithYield = { yield?: () => Promise<void> };

export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
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

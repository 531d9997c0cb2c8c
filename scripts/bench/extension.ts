/**
 * The real extension, measured from outside: Chromium with the built extension loaded, a page
 * loaded, and a trace of every renderer's main thread. Termlight's main-thread time is the sum of
 * the trace slices that ran its code, in every frame of the page (allFrames): the evaluation (parse,
 * compile, top-level code) of the page gate in every frame and of the main script the background
 * injects where the gate opened (both run in Termlight's isolated world), each callback into its isolated world (the
 * Slicer's messages, observers, listeners), and the microtasks that follow an extension API reply
 * (settings load). Garbage collection and compilation inside those slices count; the page's own
 * rendering does not. This is what "start-up included" means: nothing is injected by the bench.
 */
import type { BrowserContext, CDPSession } from '@playwright/test';
import { launchWithExtension } from '../../tests/browser';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the slice, when the trace has it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string }; worldName?: string; chrome_mojo_event_info?: { mojo_interface_tag?: string }; name?: string };
}

/** Termlight's main-thread time in one renderer process (a site's frames share one). */
export interface ProcessSample {
  /** Frames Termlight's scripts were evaluated in (the gate in every frame, the main script where it opened). */
  frames: number;
  /** Termlight's main-thread time in them, ms: CPU time (thread time), which a busy machine does not inflate. */
  mainThreadMs: number;
  /** The same slices' wall-clock time, ms (includes waiting for a CPU on a loaded machine). */
  wallMs: number;
  /** Its scripts' evaluation alone (parse, compile, top-level code of the gate and the main script), CPU ms. */
  evaluateMs: number;
}

export type ExtensionSample = ProcessSample[];

export async function startExtensionBrowser(extensionPath: string): Promise<BrowserContext> {
  return launchWithExtension({ extensionPath });
}

/** Loads `url` in a fresh tab of the extension's browser, traces `settleMs` past load, and sums Termlight's slices. */
export async function traceExtension(context: BrowserContext, url: string, settleMs = 1500): Promise<ExtensionSample> {
  const page = await context.newPage();
  try {
    await page.goto('about:blank');
    const cdp: CDPSession = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,v8,v8.execute,toplevel,disabled-by-default-devtools.timeline',
      transferMode: 'ReportEvents',
    } as never);
    // A loaded machine can take many seconds to load twenty frames.
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await page.waitForTimeout(settleMs);
    await cdp.send('Tracing.end');
    await complete;
    return summarize(events);
  } finally {
    await page.close();
  }
}

const EXTENSION_URL = /^chrome-extension:\/\//;

/** Per renderer process, in order of first evaluation (the page's own process first). */
export function summarize(events: TraceEvent[]): ExtensionSample {
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
  }
  const out: Array<ProcessSample & { first: number }> = [];
  for (const list of byThread.values()) {
    let mainThreadMs = 0;
    let wallMs = 0;
    let evaluateMs = 0;
    // Evaluations per script: the gate is evaluated once in every frame, the injected main script once
    // in each frame it was started in (builds before the gate: content.js in every frame).
    const evaluations = new Map<string, number>();
    let first = Infinity;
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    let coveredUntil = -Infinity;
    let replyUntil = -Infinity;
    for (const e of list) {
      const end = e.ts + e.dur!;
      if (e.name === 'Receive mojo reply' && e.args?.chrome_mojo_event_info?.mojo_interface_tag?.startsWith('extensions.mojom')) {
        // An extension API reply (storage, runtime): the microtasks right after it are Termlight's.
        replyUntil = e.ts + 5_000;
        continue;
      }
      let ours = false;
      if (e.name === 'EvaluateScript' && EXTENSION_URL.test(e.args?.data?.url ?? '')) {
        ours = true;
        const url = e.args!.data!.url!;
        evaluations.set(url, (evaluations.get(url) ?? 0) + 1);
        first = Math.min(first, e.ts);
        evaluateMs += (e.tdur ?? e.dur!) / 1000;
      } else if ((e.name === 'v8.callFunction' || e.name === 'FunctionCall') && (e.args?.worldName === 'Termlight' || EXTENSION_URL.test(e.args?.data?.url ?? ''))) {
        ours = true;
      } else if ((e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' || e.name === 'RunMicrotasks') && e.ts <= replyUntil) {
        ours = true;
        replyUntil = -Infinity;
      }
      if (!ours || e.ts < coveredUntil) continue; // nested in a slice already counted
      mainThreadMs += (e.tdur ?? e.dur!) / 1000;
      wallMs += e.dur! / 1000;
      coveredUntil = end;
    }
    const frames = Math.max(0, ...evaluations.values());
    if (frames > 0) out.push({ frames, mainThreadMs, wallMs, evaluateMs, first });
  }
  return out.sort((a, b) => a.first - b.first).map(({ first: _, ...sample }) => sample);
}

/** A page with a short article and 20 frames of the kinds ad-heavy pages carry, from another origin. */
export function iframesPage(frameOrigin: string, articleHtml: string): { page: string; frames: Record<string, string> } {
  const frames: Record<string, string> = {
    'pixel.html': '<!doctype html><html><body style="margin:0"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1" alt=""></body></html>',
    'ad.html': `<!doctype html><html><head><style>body{margin:0;font:12px sans-serif}</style></head><body><div style="width:300px;height:250px;background:#eee"><span>Advertisement</span><a href="#">Learn more</a></div><script>window.__ad = { slot: "a1", sizes: [[300, 250]], keywords: "pain relief bone health supplements calcium" };</script></body></html>`,
    'badge.html': '<!doctype html><html><body style="margin:0"><a href="#">Share</a></body></html>',
    'widget.html': '<!doctype html><html><body><button>Like</button> <span>1.2k</span><script>document.body.dataset.loaded = "1";</script></body></html>',
  };
  const tags: string[] = [];
  for (let i = 0; i < 6; i++) tags.push(`<iframe src="${frameOrigin}/pixel.html?${i}" width="1" height="1" style="border:0"></iframe>`);
  for (let i = 0; i < 6; i++) tags.push(`<iframe src="${frameOrigin}/ad.html?${i}" width="300" height="250" style="border:0"></iframe>`);
  for (let i = 0; i < 3; i++) tags.push(`<iframe src="${frameOrigin}/ad.html?hidden${i}" style="display:none"></iframe>`);
  for (let i = 0; i < 3; i++) tags.push(`<iframe src="${frameOrigin}/badge.html?${i}" width="88" height="31" style="border:0"></iframe>`);
  for (let i = 0; i < 2; i++) tags.push(`<iframe src="${frameOrigin}/widget.html?${i}" width="400" height="40" style="border:0"></iframe>`);
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Twenty frames</title></head><body><main><article>${articleHtml}</article></main><aside>${tags.join('\n')}</aside></body></html>`;
  return { page, frames };
}

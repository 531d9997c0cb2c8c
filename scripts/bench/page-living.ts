/**
 * Living pages: text that arrives or changes after load. Both drivers run once with Termlight (the
 * real PageController, so its MutationObserver batching and rescan path are what is measured) and
 * once without, so the page's own cost (parsing, layout) can be told apart from Termlight's.
 */
import type { PageController } from '../../src/page/controller';
import { scanTree } from '../../src/page/scan';
import { longest, nextFrame, settled, startTermlight, watchLongTasks, type LongTask } from './page-common';

export interface BurstResult {
  paragraphs: number;
  expectedMatches: number;
  /** From the append until every appended term is in the store and handed to the Highlighter (includes the 100 ms mutation batching delay). */
  handledMs: number | null;
  /** The page's own task that appended the paragraphs. */
  appendTaskMs: number;
  /** Longest task other than the append task, and the longest of those that ran script (not rendering). */
  longestTaskMs: number;
  longestScriptMs: number;
}

export interface TickerResult {
  ticks: number;
  frames: number;
  frameMedianMs: number;
  frameP95Ms: number;
  frameMaxMs: number;
  longestTaskMs: number;
  longestScriptMs: number;
  /** After the last tick: matches the store holds in the live region, and a fresh scan's count. */
  liveMatches: number | null;
  liveExpected: number | null;
}

const ownHost = 'termlight-ui';

function parse(html: string[]): HTMLElement[] {
  const template = document.createElement('template');
  template.innerHTML = html.join('');
  return [...template.content.children] as HTMLElement[];
}

async function frames(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await nextFrame();
}

/** Appends all paragraphs in one task at the end of the page, with the reader scrolled there (infinite scroll). */
export async function burst(html: string[], withTermlight: boolean): Promise<BurstResult> {
  let check = () => {};
  let controller: PageController | undefined;
  if (withTermlight) {
    controller = startTermlight(() => check()).controller;
    await settled(controller);
  }
  window.scrollTo(0, document.documentElement.scrollHeight);
  await frames(3);
  const paragraphs = parse(html);
  const expected = controller ? paragraphs.reduce((n, p) => n + scanTree(p, controller.getMatcher(), { ownHostName: ownHost }).length, 0) : 0;
  const target = (controller?.store.size ?? 0) + expected;
  let handledAt: number | undefined;
  const handled = new Promise<void>((resolve) => {
    check = () => {
      if (handledAt === undefined && controller && controller.store.size >= target) {
        handledAt = performance.now();
        resolve();
      }
    };
  });
  const container = document.createElement('div');
  (document.querySelector('article') ?? document.body).append(container);
  await frames(2);

  const tasks = watchLongTasks();
  const start = performance.now();
  for (const p of paragraphs) container.append(p);
  const appendEnd = performance.now();
  if (controller) {
    await Promise.race([handled, new Promise((r) => setTimeout(r, 30_000))]);
    await settled(controller);
  } else {
    await new Promise((r) => setTimeout(r, 500));
  }
  await frames(3);
  const entries = await tasks.stop();
  const isAppendTask = (t: LongTask) => t.kind === 'script' && t.start <= start && t.start + t.duration >= appendEnd;
  return {
    paragraphs: paragraphs.length,
    expectedMatches: expected,
    handledMs: handledAt === undefined ? null : handledAt - start,
    appendTaskMs: Math.max(appendEnd - start, longest(entries.filter(isAppendTask))),
    longestTaskMs: longest(entries.filter((e) => !isAppendTask(e))),
    longestScriptMs: longest(entries.filter((e) => !isAppendTask(e) && e.kind === 'script')),
  };
}

/** A live region at the top of the page whose text is rewritten every `periodMs` (news ticker, live blog). */
export async function ticker(html: string[], withTermlight: boolean, durationMs: number, periodMs: number): Promise<TickerResult> {
  const live = document.createElement('section');
  live.id = 'bench-live';
  live.append(...parse(html.slice(0, 10)));
  const host = document.querySelector('article') ?? document.body;
  host.prepend(live);
  window.scrollTo(0, 0);
  const controller = withTermlight ? startTermlight().controller : undefined;
  if (controller) await settled(controller);
  await frames(3);

  const deltas: number[] = [];
  let running = true;
  let last = performance.now();
  const onFrame = (now: number) => {
    deltas.push(now - last);
    last = now;
    if (running) requestAnimationFrame(onFrame);
  };
  const tasks = watchLongTasks();
  requestAnimationFrame((now) => {
    last = now;
    requestAnimationFrame(onFrame);
  });
  let ticks = 0;
  const timer = setInterval(() => {
    ticks++;
    const paragraphs = live.children;
    // Two kinds of change a page makes: replacing an element's content (childList) and editing a text node (characterData).
    paragraphs[ticks % paragraphs.length]!.innerHTML = parse([html[(ticks * 7) % html.length]!])[0]!.innerHTML;
    const text = paragraphs[(ticks + 5) % paragraphs.length]!.firstChild;
    if (text && text.nodeType === Node.TEXT_NODE) (text as Text).data = parse([html[(ticks * 13) % html.length]!])[0]!.textContent ?? '';
  }, periodMs);
  await new Promise((r) => setTimeout(r, durationMs));
  clearInterval(timer);
  running = false;
  const entries = await tasks.stop();
  let liveMatches: number | null = null;
  let liveExpected: number | null = null;
  if (controller) {
    await new Promise((r) => setTimeout(r, 300)); // let the last mutation batch through
    await settled(controller);
    liveMatches = [...controller.store.all()].filter((m) => live.contains(m.startNode)).length;
    liveExpected = scanTree(live, controller.getMatcher(), { ownHostName: ownHost }).length;
  }
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    ticks,
    frames: deltas.length,
    frameMedianMs: at(0.5),
    frameP95Ms: at(0.95),
    frameMaxMs: sorted[sorted.length - 1] ?? 0,
    longestTaskMs: longest(entries),
    longestScriptMs: longest(entries.filter((e) => e.kind === 'script')),
    liveMatches,
    liveExpected,
  };
}

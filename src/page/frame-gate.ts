import { isSkippedElement } from './collect';

/**
 * The content script runs in every frame (allFrames), and most frames on the web are ads, trackers
 * and widgets with no reading text. Those are turned away here, before anything else of Termlight
 * starts (no index, no matcher, no UI, no listeners): they cost a size check and a short walk.
 */

/** Smaller than this (CSS pixels) a frame is a tracking pixel, a spacer or hidden: nothing to read. */
export const MIN_FRAME_WIDTH = 120;
export const MIN_FRAME_HEIGHT = 60;
/** Less reading text than this and a frame is an ad or a button ("Advertisement", "Like", "Tweet"). */
export const MIN_FRAME_TEXT = 80;
/** How many nodes the text check visits at most (a frame that has that many has something to read). */
const MAX_NODES = 3000;

export function isTopFrame(win: Window): boolean {
  try {
    return win === win.top;
  } catch {
    return false;
  }
}

/** Whether a document has at least `min` characters of reading text (not script, style, form fields...). */
export function hasReadingText(doc: Document, min = MIN_FRAME_TEXT): boolean {
  const body = doc.body;
  if (!body) return false;
  let chars = 0;
  let visited = 0;
  let node: Node | null = body.firstChild;
  while (node && visited++ < MAX_NODES) {
    if (node.nodeType === Node.TEXT_NODE) {
      chars += (node as Text).data.trim().length;
      if (chars >= min) return true;
    }
    const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : null;
    if (element && element.firstChild && !isSkippedElement(element)) {
      node = element.firstChild;
      continue;
    }
    while (node && node !== body && !node.nextSibling) node = node.parentNode;
    node = node && node !== body ? node.nextSibling : null;
  }
  return visited > MAX_NODES;
}

/** Whether this frame is worth starting Termlight in now. The top frame always is (its text may come later). */
export function isReadingFrame(win: Window): boolean {
  if (isTopFrame(win)) return true;
  if (win.innerWidth < MIN_FRAME_WIDTH || win.innerHeight < MIN_FRAME_HEIGHT) return false;
  return hasReadingText(win.document);
}

/** When a turned-away frame is looked at again: a frame shown or resized later, or text loaded late. */
const RECHECK_MS = [2_000, 10_000];

/**
 * Calls `start` once this frame is a reading frame: at once, or after it is resized (a hidden frame
 * shown) or at one of the rechecks (a widget that loads its text late). Stops with `signal`.
 */
export function startWhenReadable(win: Window, start: () => void, signal: AbortSignal): void {
  if (isReadingFrame(win)) {
    start();
    return;
  }
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  const stop = new AbortController();
  const check = () => {
    if (signal.aborted || stop.signal.aborted || !isReadingFrame(win)) return;
    stop.abort();
    start();
  };
  stop.signal.addEventListener('abort', () => timers.forEach(clearTimeout), { once: true });
  signal.addEventListener('abort', () => stop.abort(), { once: true });
  win.addEventListener('resize', check, { passive: true, signal: stop.signal });
  for (const ms of RECHECK_MS) timers.push(setTimeout(check, ms));
}

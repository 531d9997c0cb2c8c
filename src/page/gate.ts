import { collectRuns, isInlineElement, isSkippedElement } from './collect';
import { startWhenReadable } from './frame-gate';
import { GATE_BATCH_CHARS, GATE_TEXT_CHARS, GATE_TEXT_RUNS, OPEN_ANYWAY } from './gate-limits';

/**
 * The page gate: the only part of Termlight that runs in every frame (entrypoints/gate.content.ts).
 * In a reading frame (frame-gate.ts) it reads the text as the main script would (collect.ts) and
 * hands it, a batch at a time, to Termlight's own background, which looks for words that may begin a
 * term (src/match/candidates.ts) and, at the first, starts the main script in this frame. A page
 * without one can never show anything: misspellings are only shown on a page whose health signal is
 * on, which needs exact terms. The filter stays in the background so that this script, which every
 * frame evaluates, is a few KB; the text goes to the extension's background in the browser and
 * nowhere else.
 */

export interface GateOptions {
  /**
   * Hands a batch of this frame's runs to the background: true once the main script runs in the frame
   * (the gate stops), false when none may show a term.
   */
  check: (texts: string[]) => Promise<boolean>;
  /** Ends the gate (the content script's lifetime). */
  signal: AbortSignal;
  /** False once the extension was reloaded or updated under this page: the gate stops. */
  alive?: () => boolean;
}

/** Main-thread time one slice of reading may take before it yields. */
const SLICE_MS = 8;
/** How long the page must be quiet before added text is read. */
const MUTATION_DELAY_MS = 300;
/** Past this many changed places in one batch the gate reads the whole page again instead. */
const MAX_PENDING_ROOTS = 200;

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export function runPageGate(win: Window, options: GateOptions): void {
  startWhenReadable(win, () => watchForCandidates(win.document, options), options.signal);
}

function watchForCandidates(doc: Document, options: GateOptions): void {
  const stop = new AbortController();
  const { signal } = stop;
  options.signal.addEventListener('abort', () => stop.abort(), { once: true, signal });
  const alive = () => !signal.aborted && (options.alive?.() ?? true);

  // Observing starts before the first read so text added during it is not missed.
  const observer = new MutationObserver((records) => noteChanges(records));
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  observer.observe(doc.documentElement, OBSERVED);
  const watchShadowRoot = (root: ShadowRoot) => observer.observe(root, OBSERVED);


  let pending = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reading = false;
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });

  function noteChanges(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') pending.add(record.target);
      else record.addedNodes.forEach((node) => pending.add(node));
      if (pending.size > MAX_PENDING_ROOTS) {
        pending = new Set([doc.body ?? doc.documentElement]);
        break;
      }
    }
    schedule();
  }

  function schedule(): void {
    clearTimeout(timer);
    if (!reading && pending.size > 0) timer = setTimeout(readPending, MUTATION_DELAY_MS);
  }

  function readPending(): void {
    const roots: Node[] = [];
    for (const node of pending) {
      const root = readingRoot(node, doc);
      if (root) roots.push(root);
    }
    pending = new Set();
    read(roots);
  }

  /** Reads the runs under `roots` in slices and hands them over a batch at a time, until the background opens the frame. */
  function read(roots: Node[]): void {
    reading = true;
    const runs = (function* () {
      for (const root of roots) yield* collectRuns(root, { onShadowRoot: watchShadowRoot });
    })();
    let finished = false;
    const slice = async () => {
      if (!alive()) return stop.abort();
      const until = performance.now() + SLICE_MS;
      const batch: string[] = [];
      let chars = 0;
      while (batch.length < GATE_TEXT_RUNS && chars < GATE_BATCH_CHARS && performance.now() <= until) {
        const next = runs.next();
        if (next.done) {
          finished = true;
          break;
        }
        // Too long for a message: not split (a term could be cut in two); the background opens on a marker run instead.
        const text = next.value.text.length > GATE_TEXT_CHARS ? OPEN_ANYWAY : next.value.text;
        batch.push(text);
        chars += text.length;
      }
      if (batch.length > 0 && (await options.check(batch).catch(() => false))) return stop.abort();
      if (!alive()) return stop.abort();
      if (!finished) {
        timer = setTimeout(() => void slice(), 0);
        return;
      }
      reading = false;
      schedule();
    };
    void slice();
  }

  read([doc.body ?? doc.documentElement]);
}

/**
 * Where added or changed text is read from: the block around it, so a word added next to another in
 * the same run ("bone" + "marrow") is read as the matcher reads it. Undefined for text Termlight never
 * reads (inside a script, a form field, a hidden element) or no longer in the document.
 */
function readingRoot(node: Node, doc: Document): Node | undefined {
  if (!node.isConnected) return undefined;
  let element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!element) return node.getRootNode() instanceof ShadowRoot ? node.getRootNode() : undefined;
  let root: Element = element;
  while (root !== doc.body && root.parentElement && isInlineElement(root)) root = root.parentElement;
  for (let e: Element | null = element; e; e = e.parentElement) if (isSkippedElement(e)) return undefined;
  return root;
}

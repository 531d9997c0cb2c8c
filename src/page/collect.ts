/**
 * Collects the reading text of a DOM tree as runs: the text of consecutive text nodes that a
 * reader sees as one flow (inline elements do not break a run, so "non-<em>small</em> cell" stays
 * one phrase). Works on any DOM (the browser, or linkedom in the CLI): it walks with
 * firstChild/nextSibling only, iteratively, so deep pages cannot overflow the stack.
 */
export interface TextRun {
  /** The run's text nodes' data, concatenated. */
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node's data starts. */
  starts: number[];
}

const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio', 'head', 'title', 'rt', 'rp',
]);

const INLINE_TAGS = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup',
  'time', 'tt', 'u', 'var', 'wbr', 'ruby', 'output',
]);

const MAX_RUN_CHARS = 20_000;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export interface CollectOptions {
  /** Local name of Termlight's own UI host, never scanned. */
  ownHostName?: string;
  /** Descend into open shadow roots of web components (default true). */
  shadowRoots?: boolean;
  /** Called with each open shadow root descended into (the content script watches them for changes). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

export function isSkippedElement(element: Element, ownHostName?: string): boolean {
  const name = element.localName;
  if (SKIPPED_TAGS.has(name) || name === ownHostName) return true;
  // Most elements have no attributes at all: one DOM call then answers both checks below.
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export function isInlineElement(element: Element): boolean {
  return INLINE_TAGS.has(element.localName);
}

/** Yields the runs under `root` in document order (a generator, so callers can slice the work). */
export function* collectRuns(root: Node, options: CollectOptions = {}): Generator<TextRun> {
  const shadowRoots = options.shadowRoots ?? true;
  let run = emptyRun();
  // Ends the current run and returns it if it has visible text. A plain function, not a nested
  // generator: it is called at every block boundary, and a generator object each time was measurable.
  const take = (): TextRun | undefined => {
    if (run.nodes.length === 0) return undefined;
    const done = run;
    run = emptyRun();
    return /\S/.test(done.text) ? done : undefined;
  };
  let done: TextRun | undefined;
  // The root may itself host a shadow tree: a web component added to the page after load is
  // rescanned as its own root, and its text lives only in its shadow root.
  const rootShadow = shadowRoots && root.nodeType === ELEMENT_NODE ? (root as Element).shadowRoot : null;
  if (rootShadow) {
    options.onShadowRoot?.(rootShadow);
    yield* collectRuns(rootShadow, options);
  }
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const text = node as Text;
      // Very long flows are cut at a node boundary so one run never becomes one long task.
      if (run.text.length > MAX_RUN_CHARS && (done = take())) yield done;
      run.starts.push(run.text.length);
      run.nodes.push(text);
      run.text += text.data;
    } else if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      if (!isSkippedElement(element, options.ownHostName)) {
        if (!isInlineElement(element) && (done = take())) yield done;
        const shadow = shadowRoots ? (element as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot : null;
        if (shadow) {
          if ((done = take())) yield done;
          options.onShadowRoot?.(shadow);
          yield* collectRuns(shadow, options);
        }
        descend = element.firstChild !== null;
      } else if (!isInlineElement(element) && (done = take())) {
        yield done;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === ELEMENT_NODE && !isInlineElement(node as Element) && (done = take())) yield done;
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  if ((done = take())) yield done;
}

function emptyRun(): TextRun {
  return { text: '', nodes: [], starts: [] };
}

/** The text node and offset inside it for a character offset in the run's text. */
export function locate(run: TextRun, offset: number, preferNext: boolean): { node: Text; offset: number } {
  let lo = 0;
  let hi = run.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (run.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  // An offset on the boundary between two nodes belongs to the later node for a start, the earlier for an end.
  if (!preferNext && lo > 0 && run.starts[lo] === offset) lo--;
  while (preferNext && lo < run.nodes.length - 1 && offset - run.starts[lo]! >= run.nodes[lo]!.data.length) lo++;
  return { node: run.nodes[lo]!, offset: offset - run.starts[lo]! };
}

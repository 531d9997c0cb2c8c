/**
 * Browser-independent probes for the end-to-end tests: functions that run inside a fixture page and
 * read what Termlight did there (its highlights, its UI host, the DOM), plus thin wrappers that run
 * them through any driver's `evaluate(fn, arg)`. Playwright's Page/Frame (the Chromium suite,
 * tests/e2e) and puppeteer-core's Page (the Firefox suite, tests/firefox) both fit `Evaluates`.
 *
 * Every `...InPage` function is serialized into the page by the driver: it must not use anything
 * from this module's scope.
 */

/** Anything that runs a function with one argument in a page and returns its (serializable) result. */
export interface Evaluates {
  evaluate(pageFunction: any, arg?: any): Promise<any>;
}

/** Termlight's one UI host element (its shadow root holds the popover). */
export const UI_HOST = 'termlight-ui';

export type Box = { left: number; top: number; right: number; bottom: number };

/** A registered highlight range: its text, the id of the nearest ancestor with an id, and its box. */
export interface HighlightedRange {
  text: string;
  within: string | null;
  rect: Box;
}

/** In the page: every range registered under a highlight name, with where it is. */
export function highlightedRangesInPage(highlightName: string): HighlightedRange[] {
  const highlight = CSS.highlights.get(highlightName);
  if (!highlight) return [];
  return [...highlight].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const { left, top, right, bottom } = range.getBoundingClientRect();
    return { text: range.toString(), within: r.startContainer.parentElement?.closest('[id]')?.id ?? null, rect: { left, top, right, bottom } };
  });
}

export function highlightedRanges(page: Evaluates, name = 'termlight-term'): Promise<HighlightedRange[]> {
  return page.evaluate(highlightedRangesInPage, name) as Promise<HighlightedRange[]>;
}

/** Texts of the ranges Termlight registered under a highlight name (the registry is shared with the page). */
export async function highlightedTexts(page: Evaluates, name = 'termlight-term'): Promise<string[]> {
  return (await highlightedRanges(page, name)).map((r) => r.text);
}

/** In the page: ranges under Termlight's name whose text left the document (none may be left behind). */
export function detachedRangeCountInPage(highlightName: string): number {
  return [...(CSS.highlights.get(highlightName) ?? [])].filter((r) => !r.startContainer.isConnected).length;
}

/** In the page: texts of Termlight highlights (any of its names) that overlap the first occurrence of a text (case-insensitive). */
export function highlightsOverlappingInPage(needle: string): string[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let target: Range | undefined;
  for (let node = walker.nextNode(); node && !target; node = walker.nextNode()) {
    const at = node.textContent!.toLowerCase().indexOf(needle.toLowerCase());
    if (at < 0) continue;
    target = document.createRange();
    target.setStart(node, at);
    target.setEnd(node, at + needle.length);
  }
  if (!target) throw new Error(`"${needle}" not found on the page`);
  const overlapping: string[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('termlight-')) continue;
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const overlaps = range.compareBoundaryPoints(Range.START_TO_END, target) > 0 && range.compareBoundaryPoints(Range.END_TO_START, target) < 0;
      if (overlaps) overlapping.push(range.toString());
    }
  }
  return overlapping;
}

export function highlightsOverlapping(page: Evaluates, text: string): Promise<string[]> {
  return page.evaluate(highlightsOverlappingInPage, text) as Promise<string[]>;
}

/** In the page: viewport boxes of the first occurrence of a text under `root` (light DOM): the whole range and its first line. */
export function textBoxesInPage([needle, rootSelector, scrollIntoView]: readonly [string, string, boolean]): { whole: Box; firstLine: Box } | null {
  const box = ({ left, top, right, bottom }: DOMRect) => ({ left, top, right, bottom });
  const walker = document.createTreeWalker(document.querySelector(rootSelector)!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    if (scrollIntoView) range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    return { whole: box(range.getBoundingClientRect()), firstLine: box(range.getClientRects()[0]!) };
  }
  return null;
}

export async function textBoxes(page: Evaluates, text: string, root: string, scroll: boolean): Promise<{ whole: Box; firstLine: Box }> {
  const boxes = (await page.evaluate(textBoxesInPage, [text, root, scroll] as const)) as { whole: Box; firstLine: Box } | null;
  if (!boxes) throw new Error(`"${text}" not found on the page`);
  return boxes;
}

/** Centre of the first line box of `text`'s first occurrence, scrolled into view, for pointing at it. */
export async function pointOf(page: Evaluates, text: string, root = 'body'): Promise<{ x: number; y: number }> {
  const { firstLine } = await textBoxes(page, text, root, true);
  return { x: firstLine.left + (firstLine.right - firstLine.left) / 2, y: firstLine.top + (firstLine.bottom - firstLine.top) / 2 };
}

/** In the page: selects the first occurrence of a text in the light DOM, as a reader dragging over it would. */
export function selectTextInPage(needle: string): boolean {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    node.parentElement!.scrollIntoView({ block: 'center' });
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }
  return false;
}

export async function selectText(page: Evaluates, text: string): Promise<void> {
  if (!(await page.evaluate(selectTextInPage, text))) throw new Error(`"${text}" not found on the page`);
}

/** The expectations a fixture page carries in <script type="application/json" id="termlight-expected">. */
export async function expectedOf<T>(page: Evaluates): Promise<T> {
  const text = (await page.evaluate(() => document.getElementById('termlight-expected')?.textContent ?? null)) as string | null;
  if (text === null) throw new Error('the page carries no #termlight-expected');
  return JSON.parse(text) as T;
}

/** What the open popover shows, read from inside Termlight's (open) shadow root. */
export interface PopoverState {
  /** A popover element is in the UI host and has a box. */
  open: boolean;
  heading: string | null;
  definition: string | null;
  text: string | null;
  role: string | null;
  /** Focus is on the popover itself (keyboard users land there). */
  focused: boolean;
  /** Viewport box of the popover, when open. */
  rect: Box | null;
}

/** In the page: the state of Termlight's popover (none open: `open: false`). */
export function popoverStateInPage(hostName: string): PopoverState {
  const root = document.querySelector(hostName)?.shadowRoot ?? null;
  const popover = root?.querySelector<HTMLElement>('[data-testid="popover"]') ?? null;
  if (!root || !popover) return { open: false, heading: null, definition: null, text: null, role: null, focused: false, rect: null };
  const { left, top, right, bottom, width, height } = popover.getBoundingClientRect();
  return {
    open: width > 0 && height > 0,
    heading: popover.querySelector('h2')?.textContent?.trim() ?? null,
    definition: popover.querySelector('[data-testid="definition"]')?.textContent ?? null,
    text: popover.textContent,
    role: popover.getAttribute('role'),
    focused: root.activeElement === popover,
    rect: { left, top, right, bottom },
  };
}

export function popoverState(page: Evaluates): Promise<PopoverState> {
  return page.evaluate(popoverStateInPage, UI_HOST) as Promise<PopoverState>;
}

/** In the page: centre of the first element inside the popover matching a selector (for clicking it with the mouse). */
export function popoverControlCentreInPage([hostName, selector]: readonly [string, string]): { x: number; y: number } | null {
  const element = document.querySelector(hostName)?.shadowRoot?.querySelector(`[data-testid="popover"] ${selector}`);
  if (!element) return null;
  const { left, top, width, height } = element.getBoundingClientRect();
  return { x: left + width / 2, y: top + height / 2 };
}

export interface Serialized {
  html: string;
  /** How many <termlight-ui> elements the tree holds (anywhere, shadow trees included). */
  hosts: number;
}

/**
 * In the page: a serialization of a tree that, unlike outerHTML, includes open shadow roots and
 * template contents, so any change Termlight made anywhere would show. With `skipUiHost`, the single
 * <termlight-ui> allowed as the last child of <html> is left out (it is still counted). With `source`,
 * that HTML is parsed with DOMParser and serialized instead of the live document.
 */
export function serializeInPage([rootSpec, skipUiHost, source]: [string | null, boolean, string?]): Serialized {
  const doc = source === undefined ? document : new DOMParser().parseFromString(source, 'text/html');
  const root: Node = rootSpec === null ? doc.documentElement : doc.querySelector(rootSpec)!;
  let hosts = 0;
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) return void out.push(JSON.stringify((node as Text).data));
    if (node.nodeType === Node.COMMENT_NODE) return void out.push(`<!--${(node as Comment).data}-->`);
    if (node.nodeType !== Node.ELEMENT_NODE) return void out.push(`<?${node.nodeType}>`);
    const element = node as Element;
    if (element.localName === 'termlight-ui') {
      hosts++;
      if (skipUiHost && element.parentNode === doc.documentElement && element === doc.documentElement.lastChild) return;
    }
    const attributes: string[] = [];
    for (let i = 0; i < element.attributes.length; i++) attributes.push(` ${element.attributes[i]!.name}=${JSON.stringify(element.attributes[i]!.value)}`);
    out.push(`<${element.localName}${attributes.join('')}>`);
    if (element.shadowRoot) {
      out.push('#shadow-root(open)[');
      for (let c = element.shadowRoot.firstChild; c; c = c.nextSibling) walk(c);
      out.push(']');
    }
    const children = element.localName === 'template' ? (element as HTMLTemplateElement).content : element;
    for (let c = children.firstChild; c; c = c.nextSibling) walk(c);
    out.push(`</${element.localName}>`);
  };
  walk(root);
  return { html: out.join(''), hosts };
}

/** The live document (or a subtree) of a page or frame, serialized with serializeInPage. */
export function serialize(page: Evaluates, options: { root?: string; skipUiHost?: boolean } = {}): Promise<Serialized> {
  return page.evaluate(serializeInPage, [options.root ?? null, options.skipUiHost ?? false] as [string | null, boolean]) as Promise<Serialized>;
}

/** HTML source (as the server sent it, before any script ran) parsed in the page and serialized the same way. */
export function serializeSource(page: Evaluates, html: string): Promise<Serialized> {
  return page.evaluate(serializeInPage, [null, false, html] as [string | null, boolean, string]) as Promise<Serialized>;
}

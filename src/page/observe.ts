import { isInlineElement, isSkippedElement } from './collect';

/** What a batch of DOM mutations asks to be scanned again. */
export interface DirtyWork {
  /** Elements whose text must be scanned (again). */
  roots: Element[];
  /** Whether nodes were removed or text changed, so stale matches must be dropped. */
  removals: boolean;
  /** Text nodes of elements that became hidden or editable: their matches must be dropped. */
  unread?: Text[];
}

/**
 * Batches DOM mutations: records are gathered and handed over after `delayMs`, turned into the
 * smallest set of block elements whose text changed. Mutations inside Termlight's own UI are ignored.
 * Returns a function that adds an open shadow root to watch: a subtree observer on the body does not
 * see inside shadow trees, so text a web component renders or changes later would go unnoticed.
 */
export function observeMutations(
  root: Node,
  onDirty: (work: DirtyWork) => void,
  signal: AbortSignal,
  options: { ownHostName: string; delayMs?: number },
): (shadowRoot: ShadowRoot) => void {
  let pending: MutationRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    pending.push(...records);
    timer ??= setTimeout(() => {
      timer = undefined;
      const batch = pending;
      pending = [];
      const work = dirtyWork(batch, options.ownHostName);
      if (work.roots.length > 0 || work.removals || work.unread) onDirty(work);
    }, options.delayMs ?? 100);
  });
  // `hidden` and `contenteditable` decide whether text is read (collect.ts): text revealed later (tabs,
  // accordions, "read more") was skipped by the last scan and must be matched when it appears.
  const watched = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'contenteditable'] };
  observer.observe(root, watched);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
  // Observing the same node again only replaces its (identical) options: no duplicate records.
  return (shadowRoot) => {
    if (!signal.aborted) observer.observe(shadowRoot, watched);
  };
}

export function dirtyWork(records: MutationRecord[], ownHostName: string): DirtyWork {
  const roots = new Set<Element>();
  let removals = false;
  let unread: Text[] | undefined;
  for (const record of records) {
    if (record.type === 'characterData') {
      removals = true;
      addRoot(roots, blockAncestor(record.target.parentNode), ownHostName);
      continue;
    }
    if (record.type === 'attributes') {
      // Scanned like an added element (an inline one joins its block's run); an element that became
      // hidden or editable is no longer read, so its matches go (no highlights inside an editor).
      const element = record.target as Element;
      if (isSkippedElement(element, ownHostName)) (unread ??= []).push(...textNodesIn(element));
      addRoot(roots, isInlineElement(element) ? blockAncestor(element) : element, ownHostName);
      continue;
    }
    if (record.removedNodes.length > 0) {
      removals = true;
      // Removed text or inline elements change their run ("bone <b>x</b> metastases" now reads "bone
      // metastases"), and a block removed from between inline content joins two runs into one: the
      // surrounding block must be matched again, not only cleared of matches that left the page.
      const changesRun = [...record.removedNodes].some((n) => n.nodeType === Node.TEXT_NODE || (n.nodeType === Node.ELEMENT_NODE && isInlineElement(n as Element)));
      if (changesRun || insideRun(record.target, record.previousSibling, record.nextSibling)) addRoot(roots, blockAncestor(record.target), ownHostName);
    }
    for (const node of record.addedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element)) {
        addRoot(roots, node as Element, ownHostName);
        // A block put inside inline content splits that run in two: a match across it would go
        // stale ("os<p>new</p>teoporosis" is no longer "osteoporosis"), so the run is matched again.
        if (node.parentNode === record.target && insideRun(record.target, node.previousSibling, node.nextSibling)) {
          addRoot(roots, blockAncestor(record.target), ownHostName);
        }
      } else if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) {
        removals = true; // the surrounding block's old matches are replaced
        addRoot(roots, blockAncestor(record.target), ownHostName);
      }
    }
  }
  return { roots: outermost([...roots]), removals, ...(unread ? { unread } : {}) };
}

/** Text nodes under an element, open shadow roots included (a scan reads those too). */
function textNodesIn(root: Node, nodes: Text[] = []): Text[] {
  if (root.nodeType === Node.ELEMENT_NODE && (root as Element).shadowRoot) textNodesIn((root as Element).shadowRoot!, nodes);
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === Node.TEXT_NODE) nodes.push(child as Text);
    else textNodesIn(child, nodes);
  }
  return nodes;
}

/** Whether a point among `parent`'s children lies inside a run of text: inline content on both sides, or in an inline element. */
function insideRun(parent: Node, before: Node | null, after: Node | null): boolean {
  if (parent.nodeType === Node.ELEMENT_NODE && isInlineElement(parent as Element)) return true;
  return inlineContent(before, 'previousSibling') && inlineContent(after, 'nextSibling');
}

/** Whether the nearest sibling with content, looking past blank text and comments, is text or an inline element. */
function inlineContent(node: Node | null, step: 'previousSibling' | 'nextSibling'): boolean {
  for (let n = node; n; n = n[step]) {
    if (n.nodeType === Node.TEXT_NODE) {
      if (/\S/.test((n as Text).data)) return true;
    } else if (n.nodeType === Node.ELEMENT_NODE) {
      return isInlineElement(n as Element);
    }
  }
  return false;
}

function blockAncestor(node: Node | null): Element | null {
  let current: Node | null = node;
  while (current && current.nodeType === Node.ELEMENT_NODE && isInlineElement(current as Element)) current = current.parentNode;
  // A change directly under an open shadow root: rescan its host, which covers its shadow tree.
  if (current && current.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in current) return (current as ShadowRoot).host;
  return current && current.nodeType === Node.ELEMENT_NODE ? (current as Element) : null;
}

function addRoot(roots: Set<Element>, element: Element | null, ownHostName: string): void {
  if (!element || !element.isConnected || insideSkipped(element, ownHostName)) return;
  roots.add(element);
}

function insideSkipped(element: Element, ownHostName: string): boolean {
  // Up through shadow hosts too: a web component inside a hidden or editable element is not read.
  for (let e: Element | null = element; e; e = e.parentElement ?? ((e.parentNode as ShadowRoot | null)?.host ?? null)) {
    if (isSkippedElement(e, ownHostName)) return true;
  }
  return false;
}

/** Drops roots inside other roots: scanning the outer one covers them. */
function outermost(roots: Element[]): Element[] {
  const set = new Set(roots);
  return roots.filter((root) => {
    for (let e = root.parentElement; e; e = e.parentElement) if (set.has(e)) return false;
    return true;
  });
}

import { isInlineElement, isSkippedElement } from './collect';

/** What a batch of DOM mutations asks to be scanned again. */
export interface DirtyWork {
  /** Elements whose text must be scanned (again). */
  roots: Element[];
  /** Whether nodes were removed or text changed, so stale matches must be dropped. */
  removals: boolean;
}

/**
 * Batches DOM mutations: records are gathered and handed over after `delayMs`, turned into the
 * smallest set of block elements whose text changed. Mutations inside Termlight's own UI are ignored.
 */
export function observeMutations(
  root: Node,
  onDirty: (work: DirtyWork) => void,
  signal: AbortSignal,
  options: { ownHostName: string; delayMs?: number },
): void {
  let pending: MutationRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    pending.push(...records);
    timer ??= setTimeout(() => {
      timer = undefined;
      const batch = pending;
      pending = [];
      const work = dirtyWork(batch, options.ownHostName);
      if (work.roots.length > 0 || work.removals) onDirty(work);
    }, options.delayMs ?? 100);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
}

export function dirtyWork(records: MutationRecord[], ownHostName: string): DirtyWork {
  const roots = new Set<Element>();
  let removals = false;
  for (const record of records) {
    if (record.type === 'characterData') {
      removals = true;
      addRoot(roots, blockAncestor(record.target.parentNode), ownHostName);
      continue;
    }
    if (record.removedNodes.length > 0) removals = true;
    for (const node of record.addedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element)) addRoot(roots, node as Element, ownHostName);
      else if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) {
        removals = true; // the surrounding block's old matches are replaced
        addRoot(roots, blockAncestor(record.target), ownHostName);
      }
    }
  }
  return { roots: outermost([...roots]), removals };
}

function blockAncestor(node: Node | null): Element | null {
  let current: Node | null = node;
  while (current && current.nodeType === Node.ELEMENT_NODE && isInlineElement(current as Element)) current = current.parentNode;
  return current && current.nodeType === Node.ELEMENT_NODE ? (current as Element) : null;
}

function addRoot(roots: Set<Element>, element: Element | null, ownHostName: string): void {
  if (!element || !element.isConnected || insideSkipped(element, ownHostName)) return;
  roots.add(element);
}

function insideSkipped(element: Element, ownHostName: string): boolean {
  for (let e: Element | null = element; e; e = e.parentElement) if (isSkippedElement(e, ownHostName)) return true;
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

import type { PageMatch } from './scan';

/** Every term found on the page, indexed by the text nodes they cover for hit-testing and rescans. */
export class MatchStore {
  private readonly matches = new Set<PageMatch>();
  private readonly byNode = new Map<Text, PageMatch[]>();

  get size(): number {
    return this.matches.size;
  }

  all(): IterableIterator<PageMatch> {
    return this.matches.values();
  }

  add(match: PageMatch): void {
    this.matches.add(match);
    for (const node of coveredNodes(match)) {
      const list = this.byNode.get(node);
      if (list) list.push(match);
      else this.byNode.set(node, [match]);
    }
  }

  /** Matches that include this text node. */
  at(node: Text): readonly PageMatch[] {
    return this.byNode.get(node) ?? [];
  }

  /** Removes the matches covering any of these nodes (their text is about to be scanned again). */
  removeCovering(nodes: Iterable<Text>): PageMatch[] {
    const removed: PageMatch[] = [];
    for (const node of nodes) for (const match of this.byNode.get(node) ?? []) if (this.delete(match)) removed.push(match);
    return removed;
  }

  /** Removes matches whose text left the document. */
  removeDisconnected(): PageMatch[] {
    const removed: PageMatch[] = [];
    for (const match of this.matches) {
      if (!match.startNode.isConnected || !match.endNode.isConnected) {
        this.delete(match);
        removed.push(match);
      }
    }
    return removed;
  }

  clear(): void {
    this.matches.clear();
    this.byNode.clear();
  }

  private delete(match: PageMatch): boolean {
    if (!this.matches.delete(match)) return false;
    for (const node of coveredNodes(match)) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const rest = list.filter((m) => m !== match);
      if (rest.length > 0) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
    return true;
  }
}

function coveredNodes(match: PageMatch): Text[] {
  return match.nodes ?? [match.startNode];
}

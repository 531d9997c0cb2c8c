/**
 * The fuzz test's second phase, run in the page after a batch was checked: random in-place edits of the
 * live DOM the way pages change after load (text edited, split, appended to or cut; nodes inserted,
 * wrapped, unwrapped, removed, hidden or shown, made editable or not; light DOM and open shadow roots
 * alike), then a differential check.
 * Termlight follows such edits incrementally (MutationObserver batches, rescans of the changed blocks,
 * dropping matches that went stale); the highlights it ends with must be exactly those it finds when
 * the same DOM arrives fresh (a deep clone, split text nodes and shadow roots included, swapped in).
 */
export interface MutationResult {
  /** Highlights present after the edits but not on the fresh copy (stale), as "path:offset-path:offset=text". */
  onlyIncremental: string[];
  /** Highlights on the fresh copy that the incremental path missed. */
  onlyFresh: string[];
  /** Ranges whose offsets no longer fit their nodes (a stale match left behind after an edit). */
  invalid: string[];
  highlights: number;
  timedOut: boolean;
  /** The edits made, for the failure message. */
  log: string[];
}

export async function mutateAndCompare({ seed, words, edits }: { seed: number; words: string[]; edits: number }): Promise<MutationResult> {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const phrase = () => Array.from({ length: int(1, 4) }, () => pick(words)).join(pick([' ', ' ', ', ', '\u00a0', '\u200b', '']));
  const fuzzRoot = () => document.getElementById('fuzz-root')!;

  // Every node under the fuzz root, open shadow roots included (each shadow tree after its host).
  const nodes = (root: Node): Node[] => {
    const found: Node[] = [];
    const walk = (node: Node) => {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        found.push(c);
        if (c instanceof Element && c.shadowRoot) walk(c.shadowRoot);
        walk(c);
      }
    };
    walk(root);
    return found;
  };
  const pathOf = (node: Node, root: Node): string => {
    const steps: string[] = [];
    for (let n: Node = node; n !== root; ) {
      const parent = n.parentNode;
      if (!parent) return `detached(${steps.join('/')})`;
      if (parent instanceof ShadowRoot) {
        steps.unshift(`#${Array.prototype.indexOf.call(parent.childNodes, n)}`);
        n = parent.host;
      } else {
        steps.unshift(String(Array.prototype.indexOf.call(parent.childNodes, n)));
        n = parent;
      }
    }
    return steps.join('/');
  };
  const keys = (invalid: string[]) => {
    const root = fuzzRoot();
    const out = new Set<string>();
    for (const name of ['termlight-term', 'termlight-misspelling']) {
      for (const r of CSS.highlights.get(name) ?? []) {
        const where = `${pathOf(r.startContainer, root)}:${r.startOffset}-${pathOf(r.endContainer, root)}:${r.endOffset}`;
        const length = (n: Node) => (n instanceof CharacterData ? n.length : n.childNodes.length);
        if (r.startOffset > length(r.startContainer) || r.endOffset > length(r.endContainer)) {
          invalid.push(`${name} ${where}`);
          continue;
        }
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.add(`${name} ${where}=${range.toString()}`);
      }
    }
    return out;
  };
  // Settled: Termlight handles mutation batches in order, so once a barrier paragraph added after the
  // edits is highlighted, and its removal has taken the highlight away, every edit before it was
  // handled. (Fixed at the top: it shifts no layout, and is in view.) Then two identical polls.
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const barrierShown = () => [...(CSS.highlights.get('termlight-term') ?? [])].some((r) => r.startContainer.parentElement?.id === 'fuzz-barrier');
  const settle = async (invalid: string[]) => {
    const deadline = performance.now() + 10_000;
    const until = async (condition: () => boolean) => {
      while (!condition()) {
        if (performance.now() > deadline) return false;
        await sleep(20);
      }
      return true;
    };
    const barrier = document.createElement('p');
    barrier.id = 'fuzz-barrier';
    barrier.style.cssText = 'position: fixed; top: 0; left: 0; margin: 0; background: #fff';
    barrier.textContent = 'garden osteoporosis garden';
    document.body.prepend(barrier);
    let settled = await until(barrierShown);
    barrier.remove();
    settled = settled && (await until(() => !barrierShown()));
    let last = '';
    for (let stable = 0; settled && stable < 2; ) {
      await sleep(40);
      const now = [...keys([])].sort().join('\n');
      stable = now === last ? stable + 1 : 0;
      last = now;
      if (performance.now() > deadline) settled = false;
    }
    return { keys: keys(invalid), timedOut: !settled };
  };

  const log: string[] = [];
  const describe = (n: Node | undefined) => (n ? `${pathOf(n, fuzzRoot())}${n instanceof Text ? `"${n.data.slice(0, 30)}"` : `<${(n as Element).localName}>`}` : '-');
  for (let i = 0; i < edits; i++) {
    const all = nodes(fuzzRoot());
    const texts = all.filter((n): n is Text => n instanceof Text);
    const elements = all.filter((n): n is Element => n instanceof Element && !n.hasAttribute('data-page'));
    const text = texts.length > 0 ? pick(texts) : undefined;
    const element = elements.length > 0 ? pick(elements) : undefined;
    const op = int(0, 11);
    log.push(`${['setData', 'splitText', 'insertText', 'wrap', 'remove', 'appendBlock', 'unwrap', 'appendData', 'deleteData', 'normalize', 'toggleHidden', 'toggleEditable'][op]} ${describe([0, 1, 2, 3, 7, 8].includes(op) ? text : element)}`);
    switch (op) {
      case 0: if (text) text.data = phrase(); break;
      case 1: if (text && text.length > 1) text.splitText(int(1, text.length - 1)); break;
      case 2: if (text) text.before(document.createTextNode(pick([' ', '', '\n']) + phrase() + pick([' ', '', '.']))); break;
      case 3: if (text) { const wrapper = document.createElement(pick(['b', 'em', 'span', 'p', 'div', 'li'])); text.before(wrapper); wrapper.append(text); } break;
      case 4: if (element) element.remove(); break;
      case 5: if (element) { const p = document.createElement('p'); p.textContent = phrase(); element.append(p); } break;
      case 6: if (element && element.parentNode) element.replaceWith(...element.childNodes); break;
      case 7: if (text) text.appendData(pick(['s', 'ing', ' ', ' garden', '\u200b', 'ae', ` ${pick(words)}`])); break;
      case 8: if (text && text.length > 0) text.deleteData(int(0, text.length - 1), int(1, 4)); break;
      case 9: if (element) element.normalize(); break;
      case 10: if (element) element.toggleAttribute('hidden'); break;
      default: if (element) element.setAttribute('contenteditable', element.getAttribute('contenteditable') === 'true' ? 'false' : 'true'); break;
    }
    if (random() < 0.3) {
      const pause = int(0, 120);
      log.push(`pause ${pause}ms`);
      await new Promise((resolve) => setTimeout(resolve, pause)); // across Termlight's batches, sometimes
    }
  }
  const invalid: string[] = [];
  const incremental = await settle(invalid);
  // The same DOM, fresh: Termlight has never seen these nodes.
  const root = fuzzRoot();
  root.replaceWith(root.cloneNode(true));
  const fresh = await settle([]);
  return {
    onlyIncremental: [...incremental.keys].filter((k) => !fresh.keys.has(k)),
    onlyFresh: [...fresh.keys].filter((k) => !incremental.keys.has(k)),
    invalid,
    highlights: fresh.keys.size,
    timedOut: incremental.timedOut || fresh.timedOut,
    log,
  };
}

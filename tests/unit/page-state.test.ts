import { describe, expect, it } from 'vitest';
import { dirtyWork } from '../../src/page/observe';
import { scanTree } from '../../src/page/scan';
import { MatchStore } from '../../src/page/store';
import { visibleMatches } from '../../src/page/visibility';
import { testGlossary } from './helpers';

const { matcher, compiled } = testGlossary();
const entryOf = (id: string) => compiled.termIndex.entries.findIndex(([e]) => e === id);

function scanBody(html: string) {
  document.body.innerHTML = html;
  return scanTree(document.body, matcher);
}

describe('visibleMatches', () => {
  const matches = () => scanBody('<p>osteoclast one</p><p>osteoblast and osteoclast two</p><p>osteoclast three</p>');

  it('shows every occurrence, minus known terms', () => {
    expect(visibleMatches(matches(), new Set(), 'all').size).toBe(4);
    const known = new Set([entryOf('osteoclast')]);
    expect([...visibleMatches(matches(), known, 'all')].map((m) => m.text)).toEqual(['osteoblast']);
  });

  it('in first mode shows only the first occurrence of each term in document order', () => {
    const all = matches().reverse(); // order of discovery must not matter
    const visible = [...visibleMatches(all, new Set(), 'first')];
    expect(visible.map((m) => `${m.text}@${m.startNode.data}`).sort()).toEqual(['osteoblast@osteoblast and osteoclast two', 'osteoclast@osteoclast one']);
  });
});

describe('MatchStore', () => {
  it('indexes every node a match spans and drops matches whose text left the page', () => {
    const store = new MatchStore();
    for (const m of scanBody('<p>non-<em>small</em> cell lung cancer</p><p id="gone">osteoclast</p>')) store.add(m);
    const small = document.querySelector('em')!.firstChild as Text;
    expect(store.at(small).map((m) => m.text)).toEqual(['non-small cell lung cancer']);
    document.getElementById('gone')!.remove();
    expect(store.removeDisconnected().map((m) => m.text)).toEqual(['osteoclast']);
    expect(store.size).toBe(1);
    expect(store.removeCovering([small]).map((m) => m.text)).toEqual(['non-small cell lung cancer']);
    expect(store.size).toBe(0);
  });
});

describe('dirtyWork', () => {
  const record = (fields: Partial<MutationRecord>) =>
    ({ type: 'childList', addedNodes: [] as unknown as NodeList, removedNodes: [] as unknown as NodeList, ...fields }) as MutationRecord;

  it('rescans added blocks, and the block around added inline text', () => {
    document.body.innerHTML = '<div id="feed"><p id="p">text <b>bold</b></p></div><termlight-ui></termlight-ui>';
    const added = document.createElement('p');
    document.getElementById('feed')!.append(added);
    const inline = document.createElement('em');
    document.getElementById('p')!.append(inline);
    const work = dirtyWork(
      [
        record({ target: document.getElementById('feed')!, addedNodes: [added] as unknown as NodeList }),
        record({ target: document.getElementById('p')!, addedNodes: [inline] as unknown as NodeList }),
      ],
      'termlight-ui',
    );
    expect(work.roots).toHaveLength(2);
    expect(work.roots).toEqual(expect.arrayContaining([added, document.getElementById('p')]));
    expect(work.removals).toBe(true);
  });

  it('ignores changes inside Termlight’s own UI and skipped elements', () => {
    document.body.innerHTML = '<termlight-ui><div id="ui"></div></termlight-ui><textarea id="t"></textarea>';
    const inUi = document.createElement('div');
    document.getElementById('ui')!.append(inUi);
    const work = dirtyWork([record({ target: document.getElementById('ui')!, addedNodes: [inUi] as unknown as NodeList })], 'termlight-ui');
    expect(work.roots).toEqual([]);
  });

  it('keeps only the outermost of nested roots', () => {
    document.body.innerHTML = '<section id="outer"><div id="inner"></div></section>';
    const outer = document.getElementById('outer')!;
    const inner = document.getElementById('inner')!;
    const work = dirtyWork(
      [record({ target: document.body, addedNodes: [outer] as unknown as NodeList }), record({ target: outer, addedNodes: [inner] as unknown as NodeList })],
      'termlight-ui',
    );
    expect(work.roots).toEqual([outer]);
  });
});

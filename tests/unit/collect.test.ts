import { describe, expect, it } from 'vitest';
import { collectRuns } from '../../src/page/collect';
import { scanTree } from '../../src/page/scan';
import { testGlossary } from './helpers';

const { matcher, compiled } = testGlossary();
const idOf = (entry: number) => compiled.termIndex.entries[entry]![0];

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('collectRuns', () => {
  it('keeps inline elements in one run and breaks at blocks', () => {
    const runs = [...collectRuns(page('<p>non-<em>small</em> cell</p><p>second <b>para</b></p><div>a<div>b</div>c</div>'))];
    expect(runs.map((r) => r.text)).toEqual(['non-small cell', 'second para', 'a', 'b', 'c']);
  });

  it('skips what is not reading text', () => {
    const html = `<p>seen</p><script>hidden1</script><style>hidden2</style><noscript>hidden3</noscript>
      <template>hidden4</template><textarea>hidden5</textarea><select><option>hidden6</option></select>
      <div contenteditable="true">hidden7</div><termlight-ui>hidden8</termlight-ui><p hidden>hidden9</p>`;
    const text = [...collectRuns(page(html), { ownHostName: 'termlight-ui' })].map((r) => r.text).join('|');
    expect(text).toContain('seen');
    expect(text).not.toMatch(/hidden/);
  });

  it('reads open shadow roots of web components', () => {
    const body = page('<p>outside</p><x-card></x-card>');
    const host = body.querySelector('x-card')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>osteoclast inside</p>';
    expect([...collectRuns(body)].map((r) => r.text)).toEqual(['outside', 'osteoclast inside']);
  });
});

describe('scanTree', () => {
  it('maps a term split across inline elements back to its text nodes', () => {
    const body = page('<p>About <a href="#">non-<em>small</em> cell lung</a> cancer today.</p>');
    const [match] = scanTree(body, matcher);
    expect(match!.text).toBe('non-small cell lung cancer');
    expect(idOf(match!.entry)).toBe('non-small-cell-lung-cancer');
    expect(match!.startNode.data).toBe('non-');
    expect(match!.startOffset).toBe(0);
    expect(match!.endNode.data).toBe(' cancer today.');
    expect(match!.endOffset).toBe(' cancer'.length);
    expect(match!.nodes!.map((n) => n.data)).toEqual(['non-', 'small', ' cell lung', ' cancer today.']);
  });

  it('gives exact offsets inside one text node', () => {
    const body = page('<p>Both osteoclasts and osteoblasts.</p>');
    expect(scanTree(body, matcher).map((m) => [m.text, m.startOffset, m.endOffset])).toEqual([
      ['osteoclasts', 5, 16],
      ['osteoblasts', 21, 32],
    ]);
  });
});

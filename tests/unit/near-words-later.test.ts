import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { encodeTermIndex } from '../../src/match/index-encode';
import { CompactTermIndex } from '../../src/match/index-format';
import { TermMatcher } from '../../src/match/matcher';
import { collectRuns } from '../../src/page/collect';
import { detectLanguage } from '../../src/page/language-detector';
import { PageReading } from '../../src/page/reading';
import { HEALTH_PAGE, precisionGlossary } from './precision-helpers';

/**
 * The content script's index leaves the near-English words out and asks the background for them
 * once a page is about health: misspellings wait for them, and are then flagged as before.
 */
describe('misspellings, when the near-English words come later (the content script)', () => {
  function lazyIndex(loadNearWords: () => Promise<string | undefined>) {
    const { compiled } = precisionGlossary(['carthage']);
    const { near, ...withoutNear } = encodeTermIndex(compiled.termIndex);
    return { near: near!, index: new CompactTermIndex(withoutNear, { loadSection: (name) => (name === 'near' ? loadNearWords() : Promise.resolve(undefined)) }), idOf: (n: number) => compiled.termIndex.entries[n]![0] };
  }

  function pageReading(index: CompactTermIndex, body: string) {
    const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
    const reading = new PageReading(new TermMatcher(index));
    reading.gate.decidePageNow(document.body.textContent ?? '', undefined, detectLanguage);
    return { reading, runs: [...collectRuns(document.body)] };
  }

  it('are not looked for until the words are here, then the waiting runs are read again and flagged', async () => {
    let asked = 0;
    let release: (() => void) | undefined;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    const { near, index, idOf } = lazyIndex(async () => {
      asked++;
      await arrived;
      return near;
    });
    const { reading, runs } = pageReading(index, `${HEALTH_PAGE}<p>She was given desonsumab.</p><p>Carthage fell to Rome.</p>`);
    const first = runs.flatMap((run) => reading.read(run));
    expect(first.map((m) => m.kind)).not.toContain('misspelling');
    expect(first.length).toBeGreaterThan(0);
    expect(asked).toBe(1); // asked once, when the page turned out to be about health
    expect(reading.takeDeferred()).toEqual([]); // nothing handed out before the words are here
    const waiting = reading.misspellingsArrive();
    expect(waiting).toBeDefined();
    release!();
    await waiting;
    expect(reading.misspellingsArrive()).toBeUndefined();
    const again = reading.takeDeferred();
    const found = again.flatMap((run) => reading.read(run, { evidence: false })).filter((m) => m.kind === 'misspelling');
    // "Carthage" is a near-English word: never flagged.
    expect(found.map((m) => [m.text, idOf(m.entry)])).toEqual([['desonsumab', 'denosumab']]);
    expect(asked).toBe(1);
  });

  it('never asks on a page that is not about health', () => {
    let asked = 0;
    const { index } = lazyIndex(async () => (asked++, undefined));
    const { reading, runs } = pageReading(index, '<p>She was given desonsumab.</p><p>The weather was fine all week.</p>');
    for (const run of runs) expect(reading.read(run)).toEqual([]);
    expect(asked).toBe(0);
    expect(reading.misspellingsArrive()).toBeUndefined();
  });

  it('are never flagged when the words cannot be had (no English word is taken for a misspelling)', async () => {
    const { index } = lazyIndex(async () => undefined);
    expect(index.misspellingsReady()).toBe(false);
    await index.prepareMisspellings();
    expect(index.misspellingsReady()).toBe(true);
    expect(index.isNearWord('carthage')).toBe(true);
    expect(index.isNearWord('desonsumab')).toBe(true);
    const { reading, runs } = pageReading(index, `${HEALTH_PAGE}<p>She was given desonsumab.</p>`);
    expect(runs.flatMap((run) => reading.read(run)).map((m) => m.kind)).not.toContain('misspelling');
  });
});

import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/page/language-detector';
import { ReaderController } from '../../src/reader/controller';
import { precisionGlossary } from './precision-helpers';

/**
 * The reader applies the web page's rules (src/page/reading.ts) to a PDF: the document's language,
 * the page evidence for abbreviations and misspellings, and the matcher's cues for ordinary senses.
 * Pages here are PDF.js-like text layers; "indexing" reads their text as getTextContent gives it.
 */
const { compiled } = precisionGlossary();
const idOf = (entry: number) => compiled.termIndex.entries[entry]![0];

function textLayer(lines: string[]): HTMLElement {
  const div = document.createElement('div');
  div.className = 'textLayer';
  div.innerHTML = lines.map((line) => `<span>${line}</span>`).join('<br>');
  document.body.append(div);
  return div;
}

/** Opens a document of pages (each a list of lines) as the reader does, and returns what is shown, page by page. */
async function readDocument(pages: string[][], declared?: string) {
  document.body.replaceChildren();
  const lifetime = new AbortController();
  const controller = new ReaderController(compiled.termIndex, lifetime.signal);
  const sample = pages.map((lines) => lines.join(' ')).join(' ');
  // The first page renders before the language is decided: it must wait.
  const layers = pages.map(textLayer);
  controller.pageRendered(1, layers[0]!);
  await controller.decideLanguage(sample, declared, detectLanguage);
  layers.forEach((layer, i) => controller.pageRendered(i + 1, layer));
  await controller.indexDocument(pages.length, async (page) => pages[page - 1]!.map((str) => ({ str, hasEOL: true })), () => {});
  await new Promise((resolve) => setTimeout(resolve, 0));
  const shown = pages.map((_, i) => controller.matchesOnPage(i + 1).map((m) => [m.text, controller.sensesOf(m).map(idOf).join('|'), m.kind]));
  const terms = controller.documentTermList().map((t) => [t.id, t.pages]);
  lifetime.abort();
  return { shown, terms, language: controller.language };
}

const HEALTH = ['Her hypercalcemia came from the metastatic spread; osteoclasts were busy,', 'so she was given a bisphosphonate.'];

describe('the PDF reader reads a document by the web page rules', () => {
  it('a document in French: nothing highlighted, nothing listed, and its language said', async () => {
    // "denosumab" and "bisphosphonate" are written as in English; "recours" was once flagged as a misspelling of recurrence.
    const french = ['Les métastases osseuses sont traitées par le denosumab ou un bisphosphonate, qui est', 'donné dans une clinique. Le recours à la chirurgie est rare pour ces patients.'];
    const { shown, terms, language } = await readDocument([french, french]);
    expect(shown).toEqual([[], []]);
    expect(terms).toEqual([]);
    expect(language).toEqual({ code: 'fr', read: false });
  });

  it('a document declared French (/Lang) whose words do not decide is not read either', async () => {
    const { shown, language } = await readDocument([['Hypercalcemia, osteoclasts, bisphosphonate.']], 'fr');
    expect(shown).toEqual([[]]);
    expect(language).toEqual({ code: 'fr', read: false });
  });

  it('a document not about health: no short abbreviation, no misspelling', async () => {
    const { shown, terms } = await readDocument([['The SRE team keeps the site up, and RMS wrote the editor.', 'The desonsumab build failed again on the server.']]);
    expect(shown).toEqual([[]]);
    expect(terms).toEqual([]);
  });

  it('an ambiguous word needs its cues: "orbital" of the eye is highlighted, "orbital" of a satellite is not', async () => {
    const { shown } = await readDocument([['An orbital fracture near her eye, from a fall, was treated first.', 'Her brother planned the launch of an orbital satellite.']]);
    expect(shown[0]).toEqual([['orbital', 'orbit', 'exact']]);
    expect(shown[0]).toHaveLength(1);
  });

  it('a document about health shows its abbreviations, even on a page before the evidence', async () => {
    const { shown, terms } = await readDocument([['RMS is rare; the doctor said so.'], HEALTH]);
    expect(shown[0]).toEqual([['RMS', 'rhabdomyosarcoma', 'exact']]);
    expect(terms.map(([id]) => id)).toContain('rhabdomyosarcoma');
  });

  it('an abbreviation is shown when the document writes its expansion, on another page', async () => {
    const { shown } = await readDocument([['Each SRE needs care from the team.'], ['A skeletal-related event is a break or a spinal cord problem.']]);
    expect(shown[0]).toEqual([['SRE', 'skeletal-related-event', 'exact']]);
  });
});

import { describe, expect, it } from 'vitest';
import { HealthSignal } from '../../src/page/health-signal';
import { HEALTH_PAGE, precisionGlossary } from './precision-helpers';

const { find, read, matcher } = precisionGlossary();

describe('short abbreviations need the page to support their medical sense', () => {
  it('are found by the matcher but marked as needing support', () => {
    expect(find('The SRE team keeps the site up.')).toEqual([['SRE', 'skeletal-related-event', 'exact', 'support']]);
  });

  it('are not shown on a page that is not about health and never names them', () => {
    expect(read('<p>The SRE team keeps the site up. RMS wrote the editor.</p>')).toEqual([]);
  });

  it('are shown when the page writes the expansion, before or after the abbreviation', () => {
    expect(read('<p>Skeletal-related events (SREs) are common.</p><p>Each SRE needs care.</p>')).toEqual([
      ['Skeletal-related events', 'skeletal-related-event', 'exact'],
      ['SREs', 'skeletal-related-event', 'exact'],
      ['SRE', 'skeletal-related-event', 'exact'],
    ]);
    expect(read('<p>Each SRE needs care.</p><p>A skeletal-related event is a break or a spinal cord problem.</p>')[0]).toEqual(['SRE', 'skeletal-related-event', 'exact']);
  });

  it('are shown on a page about health, wherever on the page the signal turns on', () => {
    expect(read(`<p>RMS is rare.</p>${HEALTH_PAGE}`)).toContainEqual(['RMS', 'rhabdomyosarcoma', 'exact']);
    expect(read(`${HEALTH_PAGE}<p>RMS is rare.</p>`)).toContainEqual(['RMS', 'rhabdomyosarcoma', 'exact']);
  });

  it('are shown with their own context cues near, and not without them', () => {
    expect(read('<p>After the first chemotherapy, TLS raised her potassium.</p>')).toEqual([['TLS', 'tumor-lysis-syndrome', 'exact']]);
    expect(read(`${HEALTH_PAGE}<p>The server's TLS certificate expired.</p>`).map(([text]) => text)).not.toContain('TLS');
  });

  it('with two medical senses, pick one by context, by the expansion on the page, or show both', () => {
    expect(read('<p>Her PCV and hematocrit were low.</p>')).toEqual([['PCV', 'packed-cell-volume', 'exact']]);
    expect(read('<p>PCV (procarbazine, lomustine, vincristine) is used for glioma.</p>')).toContainEqual(['PCV', 'pcv-chemotherapy', 'exact']);
    expect(read(`${HEALTH_PAGE}<p>PCV was checked.</p>`)).toContainEqual(['PCV', 'packed-cell-volume|pcv-chemotherapy', 'exact']);
    expect(read(`${HEALTH_PAGE}<p>PCV was checked.</p><p>The packed cell volume is a blood test.</p>`)).toContainEqual(['PCV', 'packed-cell-volume', 'exact']);
    expect(read('<p>The PCV pipe is grey.</p>')).toEqual([]);
  });
});

describe('Roman numerals', () => {
  it('are stages only right after a stage word', () => {
    expect(find('Cancer at stage III or IV has spread.')).toEqual([
      ['stage III', 'stage-3', 'exact', null],
      ['IV', 'stage-4', 'exact', null],
    ]);
    expect(find('Part IV of the cancer book covers spread.')).toEqual([]);
    expect(find('The cancer play Henry IV has a stage scene.')).toEqual([]);
  });

  it('can still be another abbreviation where no capitalized word makes them a number', () => {
    expect(find('She was given IV fluids through a line.')).toEqual([['IV', 'intravenous', 'exact', null]]);
    expect(find('Fluids went in through a line. IV drips are slow.')).toEqual([['IV', 'intravenous', 'exact', null]]);
  });
});

describe('ordinary senses', () => {
  it('a word declared ambiguous needs a medical cue', () => {
    expect(find('Cancer of the colon is treated with surgery.')).toEqual([['colon', 'colon', 'exact', null]]);
    expect(find('Put a colon after the greeting.')).toEqual([]);
  });

  it('the punctuation mark itself, quoted near the word, is the ordinary sense even beside a medical cue', () => {
    expect(find('In the cancer notes, a colon (:) ends each heading.')).toEqual([]);
    expect(find('Fields are separated by colons (":") in the bowel clinic file.')).toEqual([]);
    expect(find('Colon: normal. No polyp was seen on colonoscopy.')).toEqual([['Colon', 'colon', 'exact', null]]);
  });

  it('an ordinary-sense cue nearer than any medical cue wins; a nearer medical cue wins back', () => {
    expect(find('Bowel notes: end the line with a colon followed by a list of the polyps.')).toEqual([]);
    expect(find('The satellite reached orbital speed after launch, the crew said with an eye on the clock.')).toEqual([]);
    expect(find('The orbital fracture near her eye healed before the satellite launch.')).toEqual([['orbital', 'orbit', 'exact', null]]);
  });
});

describe('misspellings', () => {
  it('are flagged only on a page about health', () => {
    expect(find('She was given desonsumab.')).toEqual([['desonsumab', 'denosumab', 'misspelling', 'health']]);
    expect(read('<p>She was given desonsumab.</p>')).toEqual([]);
    expect(read(`${HEALTH_PAGE}<p>She was given desonsumab.</p>`)).toContainEqual(['desonsumab', 'denosumab', 'misspelling']);
  });

  it('written before the page turns out to be about health are flagged too (their text is read again then)', () => {
    // A page's reading looks for misspellings only once the health signal is on: the runs before are read again.
    expect(read(`<p>She was given desonsumab.</p>${HEALTH_PAGE}`)).toEqual([
      ['desonsumab', 'denosumab', 'misspelling'],
      ...read(HEALTH_PAGE),
    ]);
    expect(read(`<p>She was given desonsumab.</p><p>The weather was fine.</p>`)).toEqual([]);
  });

  it('are looked for only when asked, and the matcher says when it skipped a word that could be one', () => {
    const skipped: string[] = [];
    const sink = { term() {}, words() {}, misspellingsUnchecked: () => skipped.push('unchecked') };
    expect(matcher.findInText('She was given desonsumab.', sink, { misspellings: false })).toEqual([]);
    expect(skipped).toEqual(['unchecked']);
    // No word that could be a misspelling (short, capitals, a glossary word): nothing was skipped.
    expect(matcher.findInText('She was given DESONSUMAB and osteoclasts.', sink, { misspellings: false }).length).toBe(1);
    expect(skipped).toEqual(['unchecked']);
    expect(matcher.findInText('She was given desonsumab.', sink).map((m) => m.kind)).toEqual(['misspelling']);
  });

  it('never flag a capitalized word in mid-sentence, a word with an inner capital, or letters English does not use', () => {
    expect(find('They sailed to Carthage last spring.')).toEqual([]);
    expect(find('Carthage fell.')).toEqual([['Carthage', 'cartilage', 'misspelling', 'health']]);
    expect(find('The band CartiLege played.')).toEqual([]);
    expect(find('The esófagus was sore.')).toEqual([]);
    expect(find('The esophagis was sore.')).toEqual([['esophagis', 'esophagus', 'misspelling', 'health']]);
  });

  it('take a sentence start after a full stop, a colon or a line break, in quotes too', () => {
    expect(find('It broke. "Cartilege was torn."')[0]).toEqual(['Cartilege', 'cartilage', 'misspelling', 'health']);
    expect(find('Note: Cartilege heals slowly.')[0]).toEqual(['Cartilege', 'cartilage', 'misspelling', 'health']);
  });

  it('never flag a name or place the build lists', () => {
    const withNames = precisionGlossary(['carthage']);
    expect(withNames.find('Carthage fell.')).toEqual([]);
  });

  it('only stand for a medicine, a condition, a symptom or a body part', () => {
    expect(find('the cartilege of the knee')).toEqual([['cartilege', 'cartilage', 'misspelling', 'health']]);
    expect(find('a recurence of the problem')).toEqual([]); // "recurrence" is a care term: a reader meant the everyday word
    expect(find('a Xgevva shot')).toEqual([]); // a brand is capitalized, and so is its misspelling: a name
  });
});

describe('HealthSignal', () => {
  it('turns on with three distinct unambiguous terms at a health page density, and stays on', () => {
    const signal = new HealthSignal();
    signal.words(60);
    expect(signal.term(1)).toBe(false);
    expect(signal.term(1)).toBe(false);
    expect(signal.term(2)).toBe(false);
    expect(signal.term(3)).toBe(true);
    expect(signal.on).toBe(true);
    expect(signal.words(1_000_000)).toBe(false);
    expect(signal.on).toBe(true);
  });

  it('stays off on a long text that mentions three terms in passing', () => {
    const signal = new HealthSignal();
    signal.words(5000);
    for (const entry of [1, 2, 3]) signal.term(entry);
    expect(signal.on).toBe(false);
    for (const entry of [4, 5, 6, 7, 8, 9, 10]) signal.term(entry);
    expect(signal.on).toBe(true);
  });
});

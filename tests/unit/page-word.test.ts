import { describe, expect, it } from 'vitest';
import { describePageWord, pageWordLead } from '../../src/ui/page-word';
import { precisionGlossary } from './precision-helpers';
import { compileGlossary } from '../../src/glossary/compile';
import { EVERYDAY } from './helpers';

const { compiled } = precisionGlossary();
const definition = (id: string) => compiled.definitions.find((d) => d.id === id)!;
const note = (text: string, id: string) => {
  const described = describePageWord(text, definition(id));
  return described ? pageWordLead(described) + definition(id).headword : undefined;
};

describe('the popover names the word on the page', () => {
  it('says what an alias, a brand and an abbreviation are', () => {
    expect(note('skeletal scintigraphy', 'bone-scan')).toBe('skeletal scintigraphy: another name for bone scan');
    expect(note('Xgeva', 'denosumab')).toBe('Xgeva: a brand name of denosumab');
    expect(note('SRE', 'skeletal-related-event')).toBe('SRE: short for skeletal-related event');
    expect(note('SREs', 'skeletal-related-event')).toBe('SREs: short for skeletal-related event');
  });

  it('says when the page spells the headword another way, or uses another form of it', () => {
    expect(note('oesophagus', 'esophagus')).toBe('oesophagus: another spelling of esophagus');
    expect(note('tumours', 'tumor')).toBe('tumours: another spelling of tumor');
    expect(note('metastatic', 'metastasis')).toBe('metastatic: a form of the word metastasis');
  });

  it('says nothing when the page writes the headword, in any case, plural or hyphenation', () => {
    expect(note('Denosumab', 'denosumab')).toBeUndefined();
    expect(note('bone scans', 'bone-scan')).toBeUndefined();
    expect(note('Skeletal-Related\n Events', 'skeletal-related-event')).toBeUndefined();
    expect(note('skeletal related event', 'skeletal-related-event')).toBeUndefined();
  });

  it('brands come from a medicine\'s capitalized aliases, abbreviations from the entry\'s abbreviations', () => {
    expect(definition('denosumab').brands).toEqual(['Xgeva', 'Prolia']);
    expect(definition('skeletal-related-event').abbreviations).toEqual(['SRE']);
    const other = compileGlossary(
      [{ ...compiled.definitions[0]!, id: 'x', headword: 'paget disease', category: 'condition', aliases: ['Paget disease of bone'], abbreviations: [], related: [], searchOnly: false, ambiguous: [], everydayAliases: [], jargonAliases: [], drugClass: false, definition: 'A bone disease.' } as never],
      EVERYDAY,
    );
    expect(other.definitions[0]!.brands).toBeUndefined(); // a capitalized alias of a condition is an eponym, not a brand
  });
});

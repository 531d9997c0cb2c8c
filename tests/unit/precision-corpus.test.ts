import { beforeAll, describe, expect, it } from 'vitest';
import { buildGlossary, type BuiltGlossary } from '../../src/glossary/build';
import { docFiles, manPageFiles, readDocFile, readManPage, sample, type CorpusLanguage } from '../precision/corpus';
import { examples, measure, perMegabyte } from '../precision/measure';

/**
 * Precision on real text nobody here wrote, installed offline (.ci/run installs the packages): Debian's
 * manual pages in English, French, German and Spanish, and English package documentation. Each page
 * is read as its own document, through the CLI's reading (collect, language, match, evidence), with no
 * lang attribute: the language must come from the text. Bounded: a fixed spread of pages per set.
 * `npm run precision` measures larger samples of the same.
 */
const SAMPLE_BYTES = { en: 1_000_000, fr: 400_000, de: 400_000, es: 400_000, docs: 500_000 };

let glossary: BuiltGlossary;
beforeAll(() => {
  glossary = buildGlossary(process.cwd());
}, 120_000);

function report(name: string, f: ReturnType<typeof measure>) {
  const mb = f.megabytes;
  console.log(
    `${name}: ${f.pages} pages, ${mb.toFixed(2)} MB; per MB: misspelling flags ${perMegabyte(f.misspellings.length, mb)}, abbreviation highlights ${perMegabyte(f.abbreviations.length, mb)}, other highlights ${perMegabyte(f.others.length, mb)}` +
      (f.others.length > 0 ? ` (${examples(f.others, 8)})` : ''),
  );
}

describe('precision on text that is not about health', () => {
  it('English manual pages: no misspelling flag and no abbreviation highlight', () => {
    const files = manPageFiles('en');
    expect(files.length, 'install Debian\'s manpages and manpages-dev (.ci/run does)').toBeGreaterThan(1000);
    const figures = measure(sample(files, SAMPLE_BYTES.en, readManPage), glossary);
    report('man pages (en)', figures);
    expect(figures.megabytes).toBeGreaterThan(0.9);
    expect(figures.misspellings).toEqual([]);
    expect(figures.abbreviations).toEqual([]);
  }, 300_000);

  it('English package documentation: no misspelling flag and no abbreviation highlight', () => {
    const files = docFiles();
    expect(files.length).toBeGreaterThan(20);
    const figures = measure(sample(files, SAMPLE_BYTES.docs, readDocFile), glossary);
    report('docs (en)', figures);
    expect(figures.misspellings).toEqual([]);
    expect(figures.abbreviations).toEqual([]);
  }, 300_000);

  for (const language of ['fr', 'de', 'es'] as CorpusLanguage[]) {
    it(`${language} manual pages: no highlight of any kind`, () => {
      const files = manPageFiles(language);
      expect(files.length, `install manpages-${language} (.ci/run does)`).toBeGreaterThan(100);
      const figures = measure(sample(files, SAMPLE_BYTES[language], readManPage), glossary);
      report(`man pages (${language})`, figures);
      expect(figures.megabytes).toBeGreaterThan(0.3);
      expect([...figures.misspellings, ...figures.abbreviations, ...figures.others]).toEqual([]);
    }, 300_000);
  }
});

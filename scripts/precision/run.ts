import { buildGlossary } from '../../src/glossary/build';
import { docFiles, manPageFiles, readDocFile, readManPage, sample, type CorpusLanguage } from '../../tests/precision/corpus';
import { examples, measure, perMegabyte } from '../../tests/precision/measure';

/**
 * npm run precision [-- MB]: highlights on real text nobody here wrote (Debian's manual pages in four
 * languages, English package documentation), per MB of text, by kind. The unit test runs a smaller,
 * bounded sample of the same; this prints the figures the README and the reports quote.
 */
const megabytes = Number(process.argv[2] ?? 8);
const glossary = buildGlossary(process.cwd());
const sets: Array<[string, () => ReturnType<typeof sample>]> = [
  ...(['en', 'fr', 'de', 'es'] as CorpusLanguage[]).map(
    (language) => [`man pages (${language})`, () => sample(manPageFiles(language), megabytes * 1_000_000, readManPage)] as [string, () => ReturnType<typeof sample>],
  ),
  ['docs (en)', () => sample(docFiles(), megabytes * 1_000_000, readDocFile)],
];
console.log('| text | pages | MB | misspelling flags | per MB | abbreviation highlights | per MB | other highlights | per MB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const details: string[] = [];
for (const [name, pages] of sets) {
  const f = measure(pages(), glossary);
  const mb = f.megabytes;
  console.log(`| ${name} | ${f.pages} | ${mb.toFixed(2)} | ${f.misspellings.length} | ${perMegabyte(f.misspellings.length, mb)} | ${f.abbreviations.length} | ${perMegabyte(f.abbreviations.length, mb)} | ${f.others.length} | ${perMegabyte(f.others.length, mb)} |`);
  if (f.misspellings.length) details.push(`${name} misspellings: ${examples(f.misspellings)}`);
  if (f.abbreviations.length) details.push(`${name} abbreviations: ${examples(f.abbreviations)}`);
  if (f.others.length) details.push(`${name} other highlights: ${examples(f.others, 30)}`);
  const pagesWith = [...f.pagesWithHighlights.keys()];
  if (pagesWith.length) details.push(`${name} pages with highlights (${pagesWith.length}): ${pagesWith.slice(0, 10).join(' ')}`);
}
console.log('');
for (const line of details) console.log(line);

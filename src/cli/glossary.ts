import { CATEGORIES } from '../glossary/schema';
import { SURFACE_FLAGS } from '../glossary/types';
import { gradeLevel, median } from '../glossary/readability';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { englishWords, readMedicalOnly } from '../glossary/build';
import { findGaps } from '../glossary/gaps';
import { commonEnglishWords, medicalWords } from '../glossary/medical-words';
import { undeclaredOrdinaryWords } from '../glossary/ordinary-senses';
import { TermMatcher } from '../match/matcher';
import { fail, glossaryOrExit, PROJECT_ROOT } from './project';
import { pageTexts } from './scan-file';

/**
 * npm run -s glossary -- --json | --stats | --undeclared | --gaps: exports every entry, counts and
 * reading levels, the surfaces that are English words and not yet declared (medical-only or
 * ambiguous), or what the glossary lacks on some pages.
 */
const args = process.argv.slice(2);
const glossary = glossaryOrExit();
const entries = glossary.sources.map((s) => s.entry);

if (args.includes('--json')) {
  const byId = new Map(glossary.definitions.map((d) => [d.id, d]));
  const rows = entries.map((e) => ({
    id: e.id,
    headword: e.headword,
    aliases: [...e.aliases, ...e.abbreviations],
    category: e.category,
    definition: e.definition,
    more: e.more ?? null,
    pronunciation: e.pronunciation ?? null,
    related: e.related,
    url: byId.get(e.id)!.url,
  }));
  process.stdout.write(JSON.stringify(rows, null, 1) + '\n');
} else if (args.includes('--stats')) {
  const grades = entries.map((e) => gradeLevel(e.definition));
  console.log(`entries: ${entries.length}`);
  for (const category of CATEGORIES) console.log(`  ${category.padEnd(10)} ${entries.filter((e) => e.category === category).length}`);
  console.log(`search-only entries: ${entries.filter((e) => e.searchOnly).length}`);
  const everydayEntries = entries.filter((e) => e.everyday === true).length;
  console.log(`everyday entries (not underlined by default): ${everydayEntries}; entries that need explaining: ${entries.length - everydayEntries}`);
  const everydaySurfaces = glossary.termIndex.surfaces.filter((row) => (row[4] & SURFACE_FLAGS.everyday) !== 0).length;
  console.log(`surfaces in the term index: ${glossary.termIndex.surfaces.length} (everyday ${everydaySurfaces}, need explaining ${glossary.termIndex.surfaces.length - everydaySurfaces})`);
  const linked = glossary.definitions.filter((d) => d.url).length;
  const withSources = entries.filter((e) => (e.sources?.length ?? 0) > 0).length;
  console.log(`entries with sources: ${withSources}; with a learn-more link: ${linked}`);
  console.log(`definition grade (Flesch-Kincaid): median ${median(grades).toFixed(1)}, max ${Math.max(...grades).toFixed(1)}`);
  const buckets = [0, 2, 4, 6, 8, 10];
  for (let i = 0; i < buckets.length - 1; i++) {
    const [lo, hi] = [buckets[i]!, buckets[i + 1]!];
    const n = grades.filter((g) => (i === 0 ? g < hi : g >= lo && g < hi)).length;
    console.log(`  grade ${i === 0 ? `< ${hi}` : `${lo}-${hi}`}: ${'#'.repeat(Math.round(n / 10))} ${n}`);
  }
} else if (args[0] === '--gaps') {
  printGaps(args.slice(1).filter((a) => !a.startsWith('--')), args.includes('--all'));
} else if (args.includes('--undeclared')) {
  // One line per surface, in medical-only.txt's own format: review each word, then either paste its line
  // into glossary/medical-only.txt or declare it ambiguous (with cues) in its entry.
  const english = new Set(englishWords().map((w) => w.toLowerCase()));
  const words = undeclaredOrdinaryWords(glossary.sources, english, readMedicalOnly(join(PROJECT_ROOT, 'glossary')));
  for (const w of words) console.log(`${w.surface.padEnd(24)} # ${w.ids.join(', ')} (${w.file})`);
  console.error(`${words.length} undeclared surface(s)`);
} else {
  console.error('usage: npm run -s glossary -- --json | --stats | --undeclared | --gaps FILE.html... [--all]');
  process.exit(2);
}

/** What the glossary lacks on some pages: medical-looking words and phrases no entry matches. */
function printGaps(files: string[], all: boolean): void {
  if (files.length === 0) fail('--gaps needs at least one HTML or text file');
  const pages = files.map((file) => {
    if (!existsSync(file)) fail(`no such file: ${file}`);
    return pageTexts(file);
  });
  const medical = medicalWords();
  const gaps = findGaps(pages, {
    isMedicalWord: (w) => medical.has(w),
    everydayWords: new Set([...glossary.everydayWords, ...commonEnglishWords()]),
    matcher: new TermMatcher(glossary.termIndex, { includeEveryday: true }),
  });
  const shown = all ? gaps : gaps.slice(0, 100);
  if (shown.length === 0) {
    console.log('No gaps: every medical-looking word on these pages matches a glossary entry.');
    return;
  }
  console.log(`count  pages  word or phrase (looks medical, matches no entry; most frequent first${all ? '' : ', top 100'})`);
  process.stdout.on('error', () => process.exit(0)); // piped into head: stop quietly
  for (const gap of shown) console.log(`${String(gap.count).padStart(5)}  ${String(gap.pages).padStart(5)}  ${gap.text}`);
}

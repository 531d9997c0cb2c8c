import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { scorePage, type GoldTerm } from './evaluate';
import { fail, glossaryOrExit, PROJECT_ROOT } from './project';
import { scanFile } from './scan-file';
import { TermMatcher } from '../match/matcher';

/** npm run eval -- [DIR] [--verbose]: scores the scanner on pages with gold term lists (default ../shared/eval/seeds). */
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? join(PROJECT_ROOT, '..', 'shared', 'eval', 'seeds'));
if (!existsSync(dir)) fail(`no such folder: ${dir}`);

const neverFile = [join(dir, 'never.txt'), join(dirname(dir), 'never.txt')].find(existsSync);
const glossary = glossaryOrExit();
const never = neverFile ? readWords(neverFile) : glossary.everydayWords;
const matcher = new TermMatcher(glossary.termIndex);

const pages = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
if (pages.length === 0) fail(`no gold files (NAME.json) in ${dir}`);
let gold = 0;
let found = 0;
let noise = 0;
let extras = 0;
console.log(['page', 'gold', 'found', 'recall', 'noise', 'extras'].join('\t'));
for (const goldFile of pages) {
  const name = goldFile.slice(0, -5);
  const page = [join(dir, `${name}.html`), join(dir, `${name}.txt`)].find(existsSync);
  if (!page) fail(`no page for ${goldFile}`);
  const terms = (JSON.parse(readFileSync(join(dir, goldFile), 'utf8')) as { terms: GoldTerm[] }).terms;
  const score = scorePage(terms, scanFile(page, glossary, matcher), never);
  gold += score.gold;
  found += score.found;
  noise += score.noise.length;
  extras += score.extras.length;
  console.log([name, score.gold, score.found, score.recall.toFixed(3), score.noise.length, score.extras.length].join('\t'));
  for (const m of score.misspellings) console.log(`  misspelling: "${m.text}" -> ${m.term} (${m.id})`);
  if (verbose) {
    for (const miss of score.misses) console.log(`  miss: ${miss}`);
    for (const n of score.noise) console.log(`  noise: ${n}`);
    if (score.extras.length > 0) console.log(`  extras: ${score.extras.join(', ')}`);
  }
}
console.log(`TOTAL gold ${gold} found ${found} recall ${(found / Math.max(1, gold)).toFixed(3)} noise ${noise} extras ${extras}`);

function readWords(file: string): Set<string> {
  return new Set(readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
}

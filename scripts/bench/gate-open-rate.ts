/**
 * How often the page gate opens on ordinary English that has no reason to: the Debian manpages in
 * /usr/share/man/man1 (roff markup stripped crudely), each read as one page. Prints the share of pages
 * the gate opens on, and of those, how many the matcher finds a term on (the gate's opens that were
 * right), with the words that opened the most. `npx tsx scripts/bench/gate-open-rate.ts [dir]`
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildGlossary } from '../../src/glossary/build';
import { encodeGateFilter } from '../../src/glossary/gate-filter';
import { CandidateFilter } from '../../src/match/candidates';
import { TermMatcher } from '../../src/match/matcher';

const dir = process.argv[2] ?? '/usr/share/man/man1';
const glossary = buildGlossary(process.cwd());
const filter = CandidateFilter.fromBase64(encodeGateFilter(glossary.termIndex));
const matcher = new TermMatcher(glossary.termIndex);

function manText(file: string): string[] {
  const raw = file.endsWith('.gz') ? gunzipSync(readFileSync(file)).toString('utf8') : readFileSync(file, 'utf8');
  const lines = raw.split('\n').filter((line) => !line.startsWith('.') && !line.startsWith("'"));
  const text = lines.join('\n').replace(/\\f[BIRP]|\\f\(..|\\[-&e(]..?|\\\*\(..|\\./g, ' ');
  return text.split(/\n\s*\n/).filter((p) => /\S/.test(p));
}

let pages = 0;
let opened = 0;
let withTerms = 0;
const openers = new Map<string, number>();
for (const name of readdirSync(dir)) {
  if (!/\.1(\.gz)?$/.test(name)) continue;
  let paragraphs: string[];
  try {
    paragraphs = manText(join(dir, name));
  } catch {
    continue;
  }
  pages++;
  const opener = paragraphs.find((p) => filter.textHasCandidate(p));
  if (!opener) continue;
  opened++;
  if (paragraphs.some((p) => matcher.findInText(p, undefined, { misspellings: false }).length > 0)) withTerms++;
  const key = filter.candidateIn(opener)!;
  openers.set(key, (openers.get(key) ?? 0) + 1);
}
const pct = (n: number) => `${((100 * n) / Math.max(1, pages)).toFixed(1)}%`;
console.log(`${pages} manpages: the gate opens on ${opened} (${pct(opened)}); the matcher finds a term on ${withTerms} of them (${pct(withTerms)} of all pages)`);
console.log('words that opened the most:', [...openers].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([w, n]) => `${w} ${n}`).join(', '));

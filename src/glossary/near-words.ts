import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasExtraPrefix, MIN_MISSPELLING_LENGTH, NEARNESS_RULES_VERSION, SpellingTargets } from '../match/misspell';
import { normalizeToken } from '../match/normalize';

/**
 * Ordinary English words that sit within misspelling distance of a glossary word. Shipped with the
 * term index so a correctly spelled English word is never flagged, without shipping a dictionary.
 * Computing it takes seconds, so the result is cached by the glossary's words.
 */
export function nearEnglishWords(glossaryWords: ReadonlySet<string>, words: readonly string[] | WordSource, cacheDir?: string): string[] {
  const source: WordSource = Array.isArray(words) ? { key: String(words.length), load: () => words } : (words as WordSource);
  const targets = [...glossaryWords].filter((w) => w.length >= MIN_MISSPELLING_LENGTH && /^[a-z]+$/.test(w)).sort();
  const cacheFile = cacheDir ? join(cacheDir, `near-words-${digest(targets, source.key)}.json`) : undefined;
  if (cacheFile) {
    try {
      return JSON.parse(readFileSync(cacheFile, 'utf8')) as string[];
    } catch {
      // no cache yet
    }
  }
  const result = computeNearWords(targets, glossaryWords, source.load());
  if (cacheFile && cacheDir) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(result));
  }
  return result;
}

function computeNearWords(targets: string[], glossaryWords: ReadonlySet<string>, englishWords: readonly string[]): string[] {
  const spelling = new SpellingTargets(targets);
  const suffixTargets = new Set(targets.filter((t) => t.length >= 8));
  const near = new Set<string>();
  for (const english of englishWords) {
    const word = normalizeToken(english);
    if (word.length < MIN_MISSPELLING_LENGTH || glossaryWords.has(word) || !/^[a-z]+$/.test(word)) continue;
    if (spelling.nearest(word) !== undefined || endsWithTarget(word, suffixTargets)) {
      near.add(word);
    }
  }
  return [...near].sort();
}

function endsWithTarget(word: string, suffixTargets: ReadonlySet<string>): boolean {
  for (let cut = 1; cut <= 6 && word.length - cut >= 8; cut++) {
    const suffix = word.slice(cut);
    if (suffixTargets.has(suffix) && hasExtraPrefix(word, suffix)) return true;
  }
  return false;
}

/** Words loaded only when the cache misses (some lists take seconds to read), named by `key` for the cache. */
export interface WordSource {
  key: string;
  load: () => readonly string[];
}

function digest(targets: string[], sourceKey: string): string {
  return createHash('sha256').update(`${NEARNESS_RULES_VERSION}\n${sourceKey}\n${targets.join('\n')}`).digest('hex').slice(0, 16);
}

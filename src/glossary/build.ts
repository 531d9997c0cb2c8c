import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { compileGlossary, type CompiledGlossary } from './compile';
import { glossaryFiles, loadGlossary, type SourcedEntry } from './load';
import { properNames, properNamesVersion } from './names';
import { parseMedicalOnly } from './ordinary-senses';
import { nearEnglishWords } from './near-words';

/** Node-only: reads glossary/ and compiles what the extension and the CLI use. */
export interface BuiltGlossary extends CompiledGlossary {
  sources: SourcedEntry[];
  everydayWords: Set<string>;
}

export function readEverydayWords(glossaryDir: string): Set<string> {
  return new Set(
    readFileSync(join(glossaryDir, 'everyday-words.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line && !line.startsWith('#')),
  );
}

/** The reviewed list of surfaces that are English words with no common non-medical sense (see ordinary-senses.ts). */
export function readMedicalOnly(glossaryDir: string): Set<string> {
  try {
    return parseMedicalOnly(readFileSync(join(glossaryDir, 'medical-only.txt'), 'utf8'));
  } catch {
    return new Set();
  }
}

export function englishWords(): string[] {
  const require = createRequire(import.meta.url);
  return require('an-array-of-english-words') as string[];
}

/**
 * `glossaryDir` defaults to TERMLIGHT_GLOSSARY_DIR, else glossary/ (the benchmark builds with a
 * synthetic glossary this way, to measure the content script at the size the glossary is growing to).
 */
export function buildGlossary(projectRoot: string, glossaryDir = process.env.TERMLIGHT_GLOSSARY_DIR || join(projectRoot, 'glossary')): BuiltGlossary {
  const sources = loadGlossary(glossaryFiles(glossaryDir));
  const entries = sources.map((s) => s.entry);
  const everydayWords = readEverydayWords(glossaryDir);
  const compiled = compileGlossary(entries, everydayWords);
  const glossaryWords = new Set(compiled.termIndex.spelling.words);
  const cacheDir = join(projectRoot, 'node_modules', '.cache', 'termlight');
  // Names and places are words too: a sentence that starts with "Alexis" or "Carthage" has no misspelling.
  const english = englishWords();
  compiled.termIndex.nearWords = nearEnglishWords(
    glossaryWords,
    { key: `${english.length} ${properNamesVersion()}`, load: () => [...english, ...properNames()] },
    cacheDir,
  );
  return { ...compiled, sources, everydayWords };
}

/**
 * A synthetic glossary of N entries (default 4,000) grown from the real one, for measuring the
 * content script and the matcher at the size the glossary is heading for. For measurement only:
 * it is never shipped, and its entries mean nothing.
 *
 * Every real entry is kept. Each added entry copies a real one (round robin) and replaces its rare
 * words (used by fewer than three real entries) with new words from a letter-trigram model trained
 * on the glossary's own words, so the new words look like medical vocabulary (prefixes shared,
 * plurals and spelling neighbours as real words have them) instead of random letters, which would
 * compress worse than the real thing, or suffixed copies, which would compress far better. Common
 * words ("cancer", "cell", "acid", "of") stay, as they do when a real glossary grows.
 * Abbreviations become new upper-case strings of the same shape.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { glossaryFiles, loadGlossary } from '../../src/glossary/load';
import type { GlossaryEntry } from '../../src/glossary/schema';
import { mulberry32 } from '../../tests/prng';

const WORD = /\p{L}[\p{L}\p{M}]*/gu;

interface Model {
  next: Map<string, string[]>;
  lengths: number[];
}

/** Letter trigram counts (as repeated letters, so picking uniformly is picking by frequency). */
function trainModel(words: Iterable<string>): Model {
  const next = new Map<string, string[]>();
  const lengths: number[] = [];
  for (const word of words) {
    if (!/^[a-z]{3,}$/.test(word)) continue;
    lengths.push(word.length);
    const padded = `^^${word}$`;
    for (let i = 2; i < padded.length; i++) {
      const context = padded.slice(i - 2, i);
      const list = next.get(context) ?? [];
      list.push(padded[i]!);
      next.set(context, list);
    }
  }
  return { next, lengths };
}

function generateWord(model: Model, rand: () => number, targetLength: number): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    let word = '';
    let context = '^^';
    while (word.length < targetLength + 4) {
      const options = model.next.get(context);
      if (!options) break;
      // Past the target length, prefer ending the word when the model allows it.
      const choices = word.length >= targetLength && options.includes('$') ? ['$'] : options;
      const letter = choices[Math.floor(rand() * choices.length)]!;
      if (letter === '$') break;
      word += letter;
      context = context[1]! + letter;
    }
    if (word.length >= Math.max(3, targetLength - 2)) return word;
  }
  return Array.from({ length: targetLength }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join('');
}

function surfacesOf(entry: GlossaryEntry): string[] {
  return [entry.headword, ...entry.aliases];
}

export interface SyntheticOptions {
  size: number;
  seed?: number;
}

export function syntheticEntries(real: GlossaryEntry[], options: SyntheticOptions): GlossaryEntry[] {
  const rand = mulberry32(options.seed ?? 4000);
  const usage = new Map<string, number>();
  for (const entry of real) {
    for (const word of new Set(surfacesOf(entry).flatMap((s) => s.toLowerCase().match(WORD) ?? []))) usage.set(word, (usage.get(word) ?? 0) + 1);
  }
  const model = trainModel(usage.keys());
  const taken = new Set(usage.keys());
  const ids = new Set(real.map((e) => e.id));
  const abbreviations = new Set(real.flatMap((e) => e.abbreviations));
  const out = [...real];
  for (let n = 0; out.length < options.size; n++) {
    const source = real[n % real.length]!;
    const mapping = new Map<string, string>();
    const newWord = (word: string): string => {
      const lower = word.toLowerCase();
      if ((usage.get(lower) ?? 0) >= 3 || !/^\p{L}+$/u.test(lower) || lower.length < 3) return word;
      let mapped = mapping.get(lower);
      if (!mapped) {
        // A short word may keep coming out the same: after a few tries, a letter is added.
        for (let tries = 0; !mapped || taken.has(mapped); tries++) {
          mapped = generateWord(model, rand, lower.length) + (tries > 5 ? String.fromCharCode(97 + Math.floor(rand() * 26)) : '');
        }
        taken.add(mapped);
        mapping.set(lower, mapped);
      }
      return word[0] === word[0]!.toUpperCase() && word[0] !== word[0]!.toLowerCase() ? mapped[0]!.toUpperCase() + mapped.slice(1) : mapped;
    };
    const rewrite = (text: string) => text.replace(WORD, newWord);
    const newAbbreviation = (abbreviation: string): string => {
      let made = '';
      for (let tries = 0; !made || abbreviations.has(made); tries++) {
        made = abbreviation.replace(/[A-Z]/g, () => String.fromCharCode(65 + Math.floor(rand() * 26))) + (tries > 20 ? String.fromCharCode(65 + Math.floor(rand() * 26)) : '');
      }
      abbreviations.add(made);
      return made;
    };
    const abbreviationMap = new Map(source.abbreviations.map((a) => [a, newAbbreviation(a)]));
    const rewriteSurface = (s: string) => abbreviationMap.get(s) ?? rewrite(s);
    const headword = rewrite(source.headword);
    let id = headword.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || `synthetic-${n}`;
    while (ids.has(id)) id += '-x';
    ids.add(id);
    out.push({
      ...source,
      id,
      headword,
      aliases: source.aliases.map(rewrite),
      abbreviations: source.abbreviations.map((a) => abbreviationMap.get(a)!),
      related: [],
      ambiguous: source.ambiguous.map((a) => ({ ...a, surface: rewriteSurface(a.surface) })),
      everydayAliases: source.everydayAliases.map(rewriteSurface),
      jargonAliases: source.jargonAliases.map(rewriteSurface),
    });
  }
  return out;
}

/** Writes a glossary folder (YAML files and everyday-words.txt) holding `size` entries; returns its path. */
export function writeSyntheticGlossary(projectRoot: string, dir: string, size: number): string {
  const sourceDir = join(projectRoot, 'glossary');
  const real = loadGlossary(glossaryFiles(sourceDir)).map((s) => s.entry);
  const entries = syntheticEntries(real, { size });
  mkdirSync(dir, { recursive: true });
  cpSync(join(sourceDir, 'everyday-words.txt'), join(dir, 'everyday-words.txt'));
  const chunk = 500;
  for (let i = 0; i < entries.length; i += chunk) {
    writeFileSync(join(dir, `part-${String(i / chunk).padStart(2, '0')}.yaml`), stringify(entries.slice(i, i + chunk).map(toYamlEntry)));
  }
  return dir;
}

/** Drops defaulted empty fields so the YAML reads like the real files (and validates the same). */
function toYamlEntry(entry: GlossaryEntry): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

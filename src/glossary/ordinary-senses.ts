import { tokenize } from '../match/tokenize';
import type { SourcedEntry } from './load';

/**
 * Ordinary senses, declared. A single-word surface that is also an English word ("vein", "colon",
 * "regimen", "orbital") is highlighted wherever it appears, so the glossary must say which it is:
 * - medical-only: every common sense of the word is the medical one ("osteoclast", "femur"), listed in
 *   the reviewed file glossary/medical-only.txt; or
 * - ambiguous: declared in its entry with context cues (and, where the ordinary sense has telling
 *   words of its own, `unless` cues), so it is highlighted only where the context is medical.
 * Abbreviations are surfaces too: one that is an English word in capitals ("ALT" of the Alt key,
 * "TENS") collides in shouted headings and key names; medical-only.txt lists those in their capitals.
 */
export interface OrdinaryWord {
  /** As the glossary writes it. */
  surface: string;
  /** The English word it is (lower case). */
  word: string;
  ids: string[];
  file: string;
}

/** Words in the reviewed list compare in lower case; abbreviations as written (a line with capitals). */
export function parseMedicalOnly(text: string): Set<string> {
  return new Set(
    text
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter(Boolean),
  );
}

function listed(surface: string, isAbbreviation: boolean, medicalOnly: ReadonlySet<string>): boolean {
  return isAbbreviation ? medicalOnly.has(surface) : medicalOnly.has(surface.toLowerCase());
}

/** Every highlightable single-word surface that is an English word, with whether it is declared. */
function ordinarySurfaces(sources: SourcedEntry[], english: ReadonlySet<string>) {
  const found: Array<{ surface: string; word: string; id: string; file: string; isAbbreviation: boolean; ambiguous: boolean }> = [];
  for (const { entry, file } of sources) {
    if (entry.searchOnly) continue;
    const declared = (s: string) => entry.ambiguous.some((a) => a.surface.toLowerCase() === s.toLowerCase());
    const consider = (surface: string, isAbbreviation: boolean) => {
      if (tokenize(surface).length !== 1 || /[\s-]/.test(surface.trim())) return;
      const word = surface.toLowerCase();
      if (word.length < 2 || !english.has(word)) return;
      found.push({ surface, word, id: entry.id, file, isAbbreviation, ambiguous: declared(surface) });
    };
    for (const s of [entry.headword, ...entry.aliases]) consider(s, false);
    for (const s of entry.abbreviations) consider(s, true);
  }
  return found;
}

/** Surfaces that are English words and neither listed as medical-only nor declared ambiguous, one per surface. */
export function undeclaredOrdinaryWords(sources: SourcedEntry[], english: ReadonlySet<string>, medicalOnly: ReadonlySet<string>): OrdinaryWord[] {
  const bySurface = new Map<string, OrdinaryWord>();
  for (const s of ordinarySurfaces(sources, english)) {
    if (s.ambiguous || listed(s.surface, s.isAbbreviation, medicalOnly)) continue;
    const key = s.isAbbreviation ? s.surface : s.word;
    const known = bySurface.get(key);
    if (known) known.ids.push(s.id);
    else bySurface.set(key, { surface: s.isAbbreviation ? s.surface : s.word, word: s.word, ids: [s.id], file: s.file });
  }
  return [...bySurface.values()].sort((a, b) => a.surface.localeCompare(b.surface));
}

/** Lines of medical-only.txt that say nothing true: no entry has the surface, or an entry declares it ambiguous. */
export function staleMedicalOnly(sources: SourcedEntry[], english: ReadonlySet<string>, medicalOnly: ReadonlySet<string>): Array<{ line: string; reason: string }> {
  const surfaces = ordinarySurfaces(sources, english);
  const problems: Array<{ line: string; reason: string }> = [];
  for (const line of medicalOnly) {
    const isAbbreviation = line !== line.toLowerCase();
    const uses = surfaces.filter((s) => s.isAbbreviation === isAbbreviation && (isAbbreviation ? s.surface === line : s.word === line));
    if (uses.length === 0) problems.push({ line, reason: 'is not a single-word surface of any highlighted entry (or not an English word): remove it' });
    const ambiguous = uses.filter((s) => s.ambiguous).map((s) => s.id);
    if (ambiguous.length > 0) problems.push({ line, reason: `is declared ambiguous in ${ambiguous.join(', ')}: a word is medical-only or ambiguous, not both` });
  }
  return problems;
}

import { tokenize } from '../match/tokenize';
import { normalizeToken } from '../match/normalize';
import type { CompiledGlossary } from './compile';
import type { SourcedEntry } from './load';
import { contentProblems, NEAR_COPY_WORDS, nearCopies } from './lint-content';
import { staleMedicalOnly, undeclaredOrdinaryWords } from './ordinary-senses';
import { countWords, gradeLevel, median } from './readability';

export const MAX_GRADE = 9;
export const MAX_MEDIAN_GRADE = 7;
export const MAX_DEFINITION_WORDS = 30;
export const MAX_MORE_WORDS = 80;
export const TRUSTED_HOSTS = ['cancer.gov', 'medlineplus.gov', 'nih.gov'];

export interface LintProblem {
  file: string;
  id: string;
  reason: string;
}

export interface LintReport {
  problems: LintProblem[];
  grades: Map<string, number>;
  medianGrade: number;
}

/** The English word list and the reviewed medical-only list, for the ordinary-senses check. */
export interface OrdinarySenseLists {
  english: ReadonlySet<string>;
  medicalOnly: ReadonlySet<string>;
}

/**
 * Checks what the schema cannot: uniqueness, references, reading level, self-reference, everyday words,
 * and (given the word lists) that every surface that is also an English word is declared.
 */
export function lintGlossary(sources: SourcedEntry[], compiled: CompiledGlossary, everydayWords: ReadonlySet<string>, ordinary?: OrdinarySenseLists): LintReport {
  const problems: LintProblem[] = [];
  const ids = new Set<string>();
  const fileOf = new Map<string, string>();
  const grades = new Map<string, number>();
  for (const { entry, file } of sources) {
    const report = (reason: string) => problems.push({ file, id: entry.id, reason });
    if (ids.has(entry.id)) report(`id "${entry.id}" is used twice (also in ${fileOf.get(entry.id)})`);
    ids.add(entry.id);
    fileOf.set(entry.id, file);
    const grade = gradeLevel(entry.definition);
    grades.set(entry.id, grade);
    if (grade > MAX_GRADE) report(`definition reads at grade ${grade.toFixed(1)} (at most ${MAX_GRADE}): use shorter words and sentences`);
    const words = countWords(entry.definition);
    if (words > MAX_DEFINITION_WORDS) report(`definition has ${words} words (at most ${MAX_DEFINITION_WORDS})`);
    if (entry.more && countWords(entry.more) > MAX_MORE_WORDS) report(`"more" has ${countWords(entry.more)} words (at most ${MAX_MORE_WORDS})`);
    if (entry.url && !isTrustedUrl(entry.url)) report(`url ${entry.url} is not on a trusted host (${TRUSTED_HOSTS.join(', ')})`);
    const selfReference = surfaces(entry).find((s) => containsPhrase(entry.definition, s));
    if (selfReference) report(`definition uses the term itself ("${selfReference}") to explain it`);
    for (const s of everydaySurfaces(entry, everydayWords)) {
      report(`"${s}" is an everyday word and cannot be highlighted on its own (make it searchOnly or use a longer phrase)`);
    }
    for (const a of entry.ambiguous) {
      if (!surfaces(entry).some((s) => s.toLowerCase() === a.surface.toLowerCase())) {
        report(`ambiguous surface "${a.surface}" is not the headword, an alias or an abbreviation`);
      }
    }
    for (const reason of contentProblems(entry)) report(reason);
    const seenSurfaces = new Set<string>();
    for (const s of surfaces(entry)) {
      if (seenSurfaces.has(s)) report(`surface "${s}" is listed twice`);
      seenSurfaces.add(s);
    }
  }
  for (const { entry, file } of sources) {
    for (const related of entry.related) {
      if (!ids.has(related)) problems.push({ file, id: entry.id, reason: `related id "${related}" does not exist` });
      if (related === entry.id) problems.push({ file, id: entry.id, reason: 'lists itself as related' });
    }
  }
  for (const copy of nearCopies(sources)) {
    problems.push({ file: copy.file, id: copy.id, reason: `definition shares ${NEAR_COPY_WORDS} words in a row with "${copy.other}" ("${copy.run}"): write it in its own words` });
  }
  for (const [ids, keys] of groupConflicts(compiled.conflicts)) {
    const [first, ...others] = ids.split(' ');
    const shown = keys.slice(0, 3).map((k) => `"${k}"`).join(', ') + (keys.length > 3 ? ` and ${keys.length - 3} more forms` : '');
    problems.push({
      file: fileOf.get(first!) ?? '?',
      id: first!,
      reason: `surface ${shown} also belongs to ${others.join(', ')}: keep it in one entry, or declare it ambiguous in each with cues`,
    });
  }
  if (ordinary) {
    for (const w of undeclaredOrdinaryWords(sources, ordinary.english, ordinary.medicalOnly)) {
      problems.push({
        file: w.file,
        id: w.ids[0]!,
        reason: `"${w.surface}" is also an English word: declare it ambiguous with cues (and unless cues for its ordinary sense), or list it in glossary/medical-only.txt after checking it has no common non-medical sense${w.ids.length > 1 ? ` (also in ${w.ids.slice(1).join(', ')})` : ''}`,
      });
    }
    for (const { line, reason } of staleMedicalOnly(sources, ordinary.english, ordinary.medicalOnly)) {
      problems.push({ file: 'medical-only.txt', id: line, reason: `"${line}" ${reason}` });
    }
  }
  const medianGrade = median([...grades.values()]);
  if (medianGrade > MAX_MEDIAN_GRADE) {
    problems.push({ file: '(all)', id: '(all)', reason: `median definition grade is ${medianGrade.toFixed(2)} (at most ${MAX_MEDIAN_GRADE})` });
  }
  return { problems, grades, medianGrade };
}

function groupConflicts(conflicts: CompiledGlossary['conflicts']): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { key, ids } of conflicts) {
    const signature = [...ids].sort().join(' ');
    groups.set(signature, [...(groups.get(signature) ?? []), key]);
  }
  return groups;
}

function surfaces(entry: SourcedEntry['entry']): string[] {
  return [entry.headword, ...entry.aliases, ...entry.abbreviations];
}

export function isTrustedUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && TRUSTED_HOSTS.some((h) => hostname === h || hostname.endsWith(`.${h}`));
  } catch {
    return false;
  }
}

/** Whether `text` contains `phrase` as a whole-word run, ignoring case, spelling variants and a plural s. */
export function containsPhrase(text: string, phrase: string): boolean {
  const words = tokenize(text).map((t) => normalizeToken(t.raw));
  const target = tokenize(phrase).map((t) => normalizeToken(t.raw));
  if (target.length === 0) return false;
  for (let i = 0; i + target.length <= words.length; i++) {
    if (target.every((w, k) => words[i + k] === w || words[i + k] === `${w}s` || words[i + k] === `${w}es`)) return true;
  }
  return false;
}

function everydaySurfaces(entry: SourcedEntry['entry'], everydayWords: ReadonlySet<string>): string[] {
  if (entry.searchOnly) return [];
  return [entry.headword, ...entry.aliases].filter((s) => {
    const tokens = tokenize(s);
    return tokens.length === 1 && everydayWords.has(normalizeToken(tokens[0]!.raw).replace(/s$/, ''));
  });
}

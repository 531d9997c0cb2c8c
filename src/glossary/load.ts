import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type GlossaryEntry, GlossaryEntrySchema } from './schema';

/** An entry together with the file it came from, so every later message can name it. */
export interface SourcedEntry {
  entry: GlossaryEntry;
  file: string;
}

export class GlossaryError extends Error {
  constructor(readonly problems: string[]) {
    super(`Glossary is invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'GlossaryError';
  }
}

export function glossaryFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(dir, name));
}

/** Parses and validates glossary files; throws one GlossaryError listing every problem found. */
export function loadGlossary(files: string[]): SourcedEntry[] {
  const problems: string[] = [];
  const entries: SourcedEntry[] = [];
  for (const file of files) {
    const result = parseGlossaryText(readFileSync(file, 'utf8'), basename(file));
    problems.push(...result.problems);
    entries.push(...result.entries);
  }
  if (problems.length > 0) throw new GlossaryError(problems);
  return entries;
}

/** Validates one file's text: errors name the file, the entry (id or position) and the field. */
export function parseGlossaryText(text: string, file: string): { entries: SourcedEntry[]; problems: string[] } {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    return { entries: [], problems: [`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  if (!Array.isArray(data)) return { entries: [], problems: [`${file}: must be a list of entries`] };
  const entries: SourcedEntry[] = [];
  const problems: string[] = [];
  data.forEach((raw, index) => {
    const parsed = GlossaryEntrySchema.safeParse(raw);
    if (parsed.success) {
      entries.push({ entry: parsed.data, file });
      return;
    }
    const label = describeEntry(raw, index);
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? issue.path.join('.') : '(entry)';
      problems.push(`${file}: entry ${label}: field "${field}": ${issue.message}`);
    }
  });
  return { entries, problems };
}

function describeEntry(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? `"${id}"` : `#${index + 1}`;
}

import { z } from 'zod';
import { readRecord } from './migrations';
import { RECORD_VERSION, type NotebookEntry } from './schema';

/** The backup file's own format and version (separate from the record version it carries). */
export const BACKUP_FORMAT = 'termlight-notebook';
export const BACKUP_VERSION = 1;
/** A backup larger than this is refused before parsing (the notebook holds at most a few MB). */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  recordVersion: number;
  exportedAt: string;
  entries: NotebookEntry[];
}

/** A full backup: every entry with every field, readable by this and later versions of Termlight. */
export function toJson(entries: readonly NotebookEntry[], now: Date): string {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, recordVersion: RECORD_VERSION, exportedAt: now.toISOString(), entries: [...entries] };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

const EnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  recordVersion: z.number().int().min(1),
  exportedAt: z.string(),
  entries: z.array(z.unknown()),
});

export class ImportError extends Error {}

/**
 * Reads a backup file, all or nothing: any problem (not JSON, not a Termlight backup, a newer format,
 * one bad entry) throws an ImportError whose message says what and where, and nothing is imported.
 * Entries of older record versions are migrated like stored records. Duplicate entries in the file
 * are merged by the caller's merge step.
 */
export function parseBackup(text: string): NotebookEntry[] {
  if (text.length > MAX_BACKUP_BYTES) throw new ImportError('This file is too large to be a Termlight notebook backup.');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ImportError('This file is not a Termlight notebook backup: it is not valid JSON.');
  }
  const envelope = EnvelopeSchema.safeParse(data);
  if (!envelope.success) {
    const format = (data as { format?: unknown } | null)?.format;
    throw new ImportError(
      format === BACKUP_FORMAT
        ? `This Termlight backup is damaged: ${envelope.error.issues[0]?.path.join('.') || 'file'} is missing or wrong.`
        : 'This file is not a Termlight notebook backup (export one with “Export > JSON backup”).',
    );
  }
  if (envelope.data.version > BACKUP_VERSION || envelope.data.recordVersion > RECORD_VERSION) {
    throw new ImportError('This backup was made by a newer version of Termlight. Update Termlight, then import it again.');
  }
  const entries: NotebookEntry[] = [];
  envelope.data.entries.forEach((raw, index) => {
    const record = typeof raw === 'object' && raw !== null && !('v' in raw) ? { ...raw, v: envelope.data.recordVersion } : raw;
    const result = readRecord(record);
    if (result.kind !== 'ok') {
      const name = (raw as { headword?: unknown } | null)?.headword;
      throw new ImportError(
        `Entry ${index + 1}${typeof name === 'string' ? ` (“${name.slice(0, 60)}”)` : ''} is damaged (${result.kind === 'corrupt' ? result.reason : 'newer version'}). Nothing was imported.`,
      );
    }
    entries.push(result.entry);
  });
  return entries;
}

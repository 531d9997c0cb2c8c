import { EntrySchema, RECORD_VERSION, type NotebookEntry } from './schema';

/**
 * Steps that bring a stored record from version N-1 to N, applied in order on read. Version 1 is the
 * first release of the notebook, so there are none yet; a future change of the record adds one here
 * (and bumps RECORD_VERSION) instead of breaking what readers already saved.
 */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type ReadResult =
  | { kind: 'ok'; entry: NotebookEntry; migrated: boolean }
  /** Written by a newer Termlight: left untouched in storage, not shown, never overwritten. */
  | { kind: 'newer'; version: number }
  | { kind: 'corrupt'; reason: string };

/** Reads one stored record: migrates it to the current version, then validates it. Never throws. */
export function readRecord(raw: unknown, migrations: Readonly<Record<number, Migration>> = MIGRATIONS, current = RECORD_VERSION): ReadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'corrupt', reason: 'not an object' };
  let record = raw as Record<string, unknown>;
  // Records from before versioning would carry no `v`: they are version 1's shape.
  const version = record.v === undefined ? 1 : record.v;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'corrupt', reason: 'bad version' };
  if (version > current) return { kind: 'newer', version };
  let migrated = false;
  for (let next = version + 1; next <= current; next++) {
    const step = migrations[next];
    if (!step) return { kind: 'corrupt', reason: `no migration to version ${next}` };
    try {
      record = { ...step(record), v: next };
    } catch (error) {
      return { kind: 'corrupt', reason: `migration to version ${next} failed: ${String(error)}` };
    }
    migrated = true;
  }
  // Validated as the current shape (`current` is RECORD_VERSION outside tests).
  const parsed = EntrySchema.safeParse({ ...record, v: RECORD_VERSION });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'corrupt', reason: issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'invalid' };
  }
  return { kind: 'ok', entry: parsed.data, migrated };
}

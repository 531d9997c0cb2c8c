import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/** The last page read in each document, by PDF.js fingerprint; the oldest are dropped past MAX_DOCUMENTS. */
const MAX_DOCUMENTS = 200;

const PositionsSchema = z.record(z.string().max(200), z.object({ page: z.number().int().min(1), at: z.number() }));
type Positions = z.infer<typeof PositionsSchema>;

const positionsItem = storage.defineItem<unknown>('local:readerPositions', { fallback: {} });

/** Stored positions; a corrupt store reads as empty, a corrupt record is dropped alone. */
async function readPositions(): Promise<Positions> {
  const raw = await positionsItem.getValue();
  const whole = PositionsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const kept: Positions = {};
  if (typeof raw === 'object' && raw !== null) {
    for (const [key, value] of Object.entries(raw)) {
      const one = PositionsSchema.safeParse({ [key]: value });
      if (one.success) Object.assign(kept, one.data);
    }
  }
  return kept;
}

export async function lastPage(fingerprint: string): Promise<number | undefined> {
  return (await readPositions())[fingerprint]?.page;
}

export async function rememberPage(fingerprint: string, page: number): Promise<void> {
  const positions = await readPositions();
  positions[fingerprint] = { page, at: Date.now() };
  const entries = Object.entries(positions).sort((a, b) => b[1].at - a[1].at).slice(0, MAX_DOCUMENTS);
  await positionsItem.setValue(Object.fromEntries(entries));
}

import { Slicer } from '../page/schedule';
import type { Definition } from './types';

/**
 * Parses the glossary's definitions a part at a time, yielding between parts, so a page that shows
 * them while the reader works (the side panel) gets no long task from it: the whole glossary in one
 * JSON.parse took 40 to 120 ms here.
 */
export async function parseDefinitionParts(parts: readonly string[], signal?: AbortSignal): Promise<Definition[]> {
  const definitions: Definition[] = [];
  const slicer = new Slicer();
  for (const part of parts) {
    for (const definition of JSON.parse(part) as Definition[]) definitions.push(definition);
    if (slicer.due) await slicer.next(signal);
  }
  return definitions;
}

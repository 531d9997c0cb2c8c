import { fileURLToPath } from 'node:url';
import { buildGlossary, type BuiltGlossary } from '../glossary/build';
import { GlossaryError } from '../glossary/load';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the glossary for a command, turning a glossary error into a clear message and exit code 1. */
export function glossaryOrExit(): BuiltGlossary {
  try {
    return buildGlossary(PROJECT_ROOT);
  } catch (error) {
    if (error instanceof GlossaryError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export function fail(message: string): never {
  console.error(`termlight: ${message}`);
  process.exit(2);
}

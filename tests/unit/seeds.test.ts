import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGlossary } from '../../src/glossary/build';
import { scanFile } from '../../src/cli/scan-file';

// Evaluation data lives outside the repo and is read at run time, never copied in.
const SEEDS = join(process.cwd(), '..', 'shared', 'eval', 'seeds');
const english = new Set((createRequire(join(process.cwd(), 'package.json'))('an-array-of-english-words') as string[]).map((w) => w.toLowerCase()));

describe.runIf(existsSync(SEEDS))('evaluation articles', () => {
  it('flags no correctly spelled English word as a misspelling', () => {
    const glossary = buildGlossary(process.cwd());
    const flagged = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.html'))
      .flatMap((f) => scanFile(join(SEEDS, f), glossary))
      .filter((m) => m.kind === 'misspelling')
      .flatMap((m) => m.text.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 0 && !m.term.toLowerCase().split(/\s+/).includes(w)));
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.filter((w) => english.has(w))).toEqual([]);
  });
});

/**
 * The content script's size with the real glossary and with a synthetic one of 4,000 entries (the
 * size the glossary is growing to; synthetic-glossary.ts). The synthetic build is cached by the
 * inputs that decide it, so a rerun costs nothing when only pages or timings changed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGlossary } from '../../src/glossary/build';
import { encodeTermIndex } from '../../src/match/index-encode';
import type { SizeSummary } from './report';
import { writeSyntheticGlossary } from './synthetic-glossary';

const CONTENT_JS = 'chrome-mv3/content-scripts/content.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}

function inputsDigest(projectRoot: string, size: number): string {
  const hash = createHash('sha256').update(String(size));
  for (const dir of ['glossary', 'src', 'entrypoints', 'scripts/bench/synthetic-glossary.ts', 'package-lock.json', 'wxt.config.ts']) {
    const path = join(projectRoot, dir);
    for (const file of statSync(path).isDirectory() ? filesUnder(path).sort() : [path]) hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export function realSize(projectRoot: string, entries: number, indexBytes: number): SizeSummary {
  return { glossary: 'real (glossary/)', entries, content_js_bytes: statSync(join(projectRoot, '.output', CONTENT_JS)).size, index_bytes: indexBytes };
}

export function syntheticSize(projectRoot: string, size: number, log: (m: string) => void): SizeSummary {
  const digest = inputsDigest(projectRoot, size);
  const base = join(tmpdir(), `termlight-synthetic-${digest}`);
  const glossaryDir = join(base, 'glossary');
  const outDir = join(base, 'output');
  if (!existsSync(join(outDir, CONTENT_JS))) {
    log(`building the extension with a synthetic ${size}-entry glossary (cached in ${base})`);
    writeSyntheticGlossary(projectRoot, glossaryDir, size);
    execFileSync('npx', ['wxt', 'build', '-b', 'chrome'], { cwd: projectRoot, env: { ...process.env, TERMLIGHT_GLOSSARY_DIR: glossaryDir, TERMLIGHT_OUT_DIR: outDir }, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const index = buildGlossary(projectRoot, glossaryDir).termIndex;
  return {
    glossary: `synthetic (scripts/bench/synthetic-glossary.ts)`,
    entries: index.entries.length,
    content_js_bytes: statSync(join(outDir, CONTENT_JS)).size,
    index_bytes: JSON.stringify(encodeTermIndex(index)).length,
  };
}

/**
 * The content script's size with the real glossary and with a synthetic one of 4,000 entries (the
 * size the glossary is growing to; synthetic-glossary.ts). The synthetic build is cached by the
 * inputs that decide it, so a rerun costs nothing when only pages or timings changed. Every script
 * in content-scripts/ counts (a small gate script in every frame and the main one it brings in
 * together), and the term index is split into what the content script carries and what it asks
 * the background for (index-format.ts).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGlossary } from '../../src/glossary/build';
import { encodeTermIndex } from '../../src/match/index-encode';
import type { CompactTermIndexData } from '../../src/match/index-format';
import type { SizeSummary } from './report';
import { writeSyntheticGlossary } from './synthetic-glossary';

const CONTENT_JS = 'chrome-mv3/content-scripts/content.js';
const CONTENT_SCRIPTS = 'chrome-mv3/content-scripts';

/** Bytes of every content script a build has (.js files of content-scripts/). */
export function contentScriptBytes(outDir: string): number {
  const dir = join(outDir, CONTENT_SCRIPTS);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

/** The term index's bytes as the content script carries it, and the bytes left to the background. */
export function indexBytes(data: CompactTermIndexData): { carried: number; held: number } {
  const { near, entries, ...carried } = data;
  return { carried: JSON.stringify(carried).length, held: (near?.length ?? 0) + (entries?.length ?? 0) };
}

function summary(glossary: string, entries: number, contentBytes: number, data: CompactTermIndexData): SizeSummary {
  const { carried, held } = indexBytes(data);
  return {
    glossary,
    entries,
    content_js_bytes: contentBytes,
    index_bytes: carried,
    held_index_bytes: held,
    content_bytes_per_entry: Math.round((contentBytes / entries) * 10) / 10,
    index_bytes_per_entry: Math.round((carried / entries) * 10) / 10,
  };
}

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

export function realSize(projectRoot: string, entries: number, data: CompactTermIndexData): SizeSummary {
  return summary('real (glossary/)', entries, contentScriptBytes(join(projectRoot, '.output')), data);
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
  return summary('synthetic (scripts/bench/synthetic-glossary.ts)', index.entries.length, contentScriptBytes(outDir), encodeTermIndex(index));
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BuiltGlossary } from '../../src/glossary/build';
import { encodeTermIndex } from '../../src/match/index-encode';
import { indexBytes } from './sizes';

export interface ContentScriptCheck {
  bytes: number;
  termIndexBytes: number;
  definitionsChecked: number;
  definitionsFound: number;
  sample: string;
}

/**
 * The built content script's size, and proof that it ships no definitions: every entry's
 * definition text (as JSON would escape it, and as plain text) is looked for in content.js.
 */
export function checkContentScript(projectRoot: string, glossary: BuiltGlossary): ContentScriptCheck {
  const file = join(projectRoot, '.output/chrome-mv3/content-scripts/content.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: npm run bench builds it first (npm run build)`);
  const source = readFileSync(file, 'utf8');
  const needles = glossary.definitions.map((d) => d.definition);
  // The index is inlined as JSON.parse("...") of a JSON string, so quotes in it appear escaped twice.
  const found = needles.filter((text) => [text, JSON.stringify(text).slice(1, -1), JSON.stringify(JSON.stringify(text)).slice(3, -3)].some((form) => source.includes(form)));
  return {
    bytes: statSync(file).size,
    termIndexBytes: indexBytes(encodeTermIndex(glossary.termIndex)).carried,
    definitionsChecked: needles.length,
    definitionsFound: found.length,
    sample: needles[0] ?? '',
  };
}

export interface Machine {
  nproc: number;
  cpu: string;
  memory: string;
  chromium: string;
  node: string;
  date: string;
  loadBefore: string;
  loadAfter: string;
}

export function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1]!.trim();
  } catch {
    // not Linux: fall through to what Node knows
  }
  return cpus()[0]?.model ?? 'unknown CPU';
}

export const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

export function machine(chromiumVersion: string, loadBefore: string): Machine {
  return {
    nproc: availableParallelism(),
    cpu: cpuModel(),
    memory: `${Math.round(totalmem() / 1024 ** 3)} GB RAM`,
    chromium: `Chromium ${chromiumVersion} (headless)`,
    node: process.versions.node,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadBefore,
    loadAfter: load(),
  };
}

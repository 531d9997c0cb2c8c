import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file the content script's bundle reaches through relative imports (type-only imports are erased). */
function contentScriptFiles(entry = 'entrypoints/content/index.ts'): Map<string, string> {
  const files = new Map<string, string>();
  const pending = [resolve(entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    files.set(file, source);
    for (const match of source.matchAll(/(?:import|export)\s+(?!type\s)[^'";]*?from\s+'(\.[^']+)'|import\s+'(\.[^']+)'/g)) {
      const spec = match[1] ?? match[2]!;
      const base = resolve(dirname(file), spec);
      const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((p) => /\.tsx?$/.test(p) && existsSync(p));
      if (found) pending.push(found);
    }
  }
  return files;
}

describe('the content script bundle', () => {
  it('reaches the shared schemas and never classic zod (not tree-shaken: about 60 KB in every frame)', () => {
    const files = contentScriptFiles();
    const names = [...files.keys()].map((f) => f.slice(resolve('.').length + 1));
    expect(names).toEqual(expect.arrayContaining(['src/messaging/messages.ts', 'src/settings/schema.ts', 'src/notebook/schema.ts']));
    const classic = names.filter((name) => /from\s+'zod'/.test(files.get(resolve(name))!));
    expect(classic).toEqual([]);
  });
});

describe('the page gate bundle (in every frame)', () => {
  it('reaches no zod, Preact, floating-ui, term index or candidate filter: only the gate, its limits, the frame checks and the run collector', () => {
    const files = contentScriptFiles('entrypoints/gate.content.ts');
    const names = [...files.keys()].map((f) => f.slice(resolve('.').length + 1)).sort();
    expect(names).toEqual([
      'entrypoints/gate.content.ts',
      'src/page/collect.ts',
      'src/page/frame-gate.ts',
      'src/page/gate-limits.ts',
      'src/page/gate.ts',
    ]);
    const packages = [...files.values()].flatMap((source) => [...source.matchAll(/^import\s+(?!type\s)[^'";]*?from\s+'([^.'][^']*)'/gm)].map((m) => m[1]!));
    expect([...new Set(packages)].sort()).toEqual(['wxt/browser']);
  });
});

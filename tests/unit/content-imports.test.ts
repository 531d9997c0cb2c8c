import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file the content script's bundle reaches through relative imports (type-only imports are erased). */
function contentScriptFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const pending = [resolve('entrypoints/content/index.ts')];
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

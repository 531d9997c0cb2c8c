import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { TermIndex } from '../../src/glossary/types';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MARK_JS = fileURLToPath(new URL('../../node_modules/mark.js/dist/mark.min.js', import.meta.url));

/**
 * Bundles the in-page drivers (and with them Termlight's real src/page and src/match modules) into
 * one IIFE that sets window.__termlight. Minified like the production content script.
 */
export async function bundlePageEntry(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./page-entry.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: process.env.BENCH_MINIFY !== '0', // BENCH_MINIFY=0 keeps names readable in CPU profiles
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0]!.text;
}

/**
 * The term list for mark.js: every surface Termlight highlights (headwords, aliases, abbreviations
 * and their generated variants), as its normalized key. mark.js matches case-insensitively, so
 * "csf" finds "CSF" just as the exact-case row does; cue-gated surfaces are included because
 * mark.js has no notion of context.
 */
export function markTerms(index: TermIndex): string[] {
  return [...new Set(index.surfaces.map(([key]) => key))];
}

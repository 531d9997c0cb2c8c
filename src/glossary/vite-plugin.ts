import type { Plugin } from 'vite';
import { buildGlossary } from './build';
import { glossaryFiles } from './load';
import { join } from 'node:path';
import { encodeTermIndex } from '../match/index-encode';
import { encodeGateFilter } from './gate-filter';

const TERM_INDEX = 'virtual:termlight/term-index';
const DEFINITIONS = 'virtual:termlight/definitions';
const HELD_SECTIONS = 'virtual:termlight/held-sections';
const DEFINITION_PARTS = 'virtual:termlight/definition-parts';
/** The page gate's candidate filter (src/glossary/gate-filter.ts). */
const GATE_FILTER = 'virtual:termlight/gate-filter';
const MODULES = new Set([TERM_INDEX, DEFINITIONS, HELD_SECTIONS, DEFINITION_PARTS, GATE_FILTER].map((id) => `\0${id}`));

/** Definitions per part: one part's JSON.parse is a few milliseconds (the whole glossary's was 40 to 120 ms). */
export const DEFINITIONS_PER_PART = 150;

/**
 * Compiles glossary/ at build time into modules: the term index as the content script carries
 * it (words, rows, cue sets), the sections it leaves out (entries and near-English words: the
 * background hands them to a content script when it needs them, the PDF reader imports them), and
 * the definitions (background, popup, options; in parts for the side panel).
 * An invalid glossary fails the build, naming file, entry and field.
 */
export function glossaryPlugin(projectRoot: string): Plugin {
  let built: ReturnType<typeof buildGlossary> | undefined;
  let encoded: ReturnType<typeof encodeTermIndex> | undefined;
  const build = () => (built ??= buildGlossary(projectRoot));
  const encode = () => (encoded ??= encodeTermIndex(build().termIndex));
  return {
    name: 'termlight-glossary',
    resolveId(id) {
      return MODULES.has(`\0${id}`) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!MODULES.has(id)) return undefined;
      for (const file of glossaryFiles(join(projectRoot, 'glossary'))) this.addWatchFile(file);
      const glossary = build();
      // The content script's index is compact and read in place (src/match/index-format.ts): a few
      // string literals, so loading it parses no data. JSON.parse of a string literal parses faster
      // than the same data as a JS object literal, for the definitions.
      if (id === `\0${GATE_FILTER}`) return `export default ${JSON.stringify(encodeGateFilter(glossary.termIndex))};`;
      if (id === `\0${TERM_INDEX}`) {
        const { near: _near, entries: _entries, ...carried } = encode();
        return `export default ${JSON.stringify(carried)};`;
      }
      if (id === `\0${HELD_SECTIONS}`) {
        const { near, entries } = encode();
        return `export default ${JSON.stringify({ near, entries })};`;
      }
      // The definitions are JSON strings in parts: a page that must not block (the side panel) parses them
      // one part per task (src/glossary/definition-parts.ts); the others import them parsed. One copy
      // of the data in the build either way.
      if (id === `\0${DEFINITION_PARTS}`) {
        const parts: string[] = [];
        for (let i = 0; i < glossary.definitions.length; i += DEFINITIONS_PER_PART) parts.push(JSON.stringify(glossary.definitions.slice(i, i + DEFINITIONS_PER_PART)));
        return `export default ${JSON.stringify(parts)};`;
      }
      return `import parts from '${DEFINITION_PARTS}';\nexport default parts.flatMap((part) => JSON.parse(part));`;
    },
    watchChange(id) {
      if (id.includes('/glossary/')) built = encoded = undefined;
    },
  };
}

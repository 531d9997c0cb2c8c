import type { Plugin } from 'vite';
import { buildGlossary } from './build';
import { glossaryFiles } from './load';
import { join } from 'node:path';
import { encodeTermIndex } from '../match/index-encode';
import { encodeGateFilter } from './gate-filter';

const TERM_INDEX = 'virtual:termlight/term-index';
const DEFINITIONS = 'virtual:termlight/definitions';
const HELD_SECTIONS = 'virtual:termlight/held-sections';
/** The page gate's candidate filter (src/glossary/gate-filter.ts): a base64 string, in every frame. */
const GATE_FILTER = 'virtual:termlight/gate-filter';
const MODULES = new Set([TERM_INDEX, DEFINITIONS, HELD_SECTIONS, GATE_FILTER].map((id) => `\0${id}`));

/**
 * Compiles glossary/ at build time into three modules: the term index as the content script carries
 * it (words, rows, cue sets), the sections it leaves out (entries and near-English words: the
 * background hands them to a content script when it needs them, the PDF reader imports them), and
 * the definitions (background, popup, options).
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
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(glossary.definitions))});`;
    },
    watchChange(id) {
      if (id.includes('/glossary/')) built = encoded = undefined;
    },
  };
}

import type { Plugin } from 'vite';
import { buildGlossary } from './build';
import { glossaryFiles } from './load';
import { join } from 'node:path';
import { encodeTermIndex } from '../match/index-encode';

const TERM_INDEX = 'virtual:termlight/term-index';
const DEFINITIONS = 'virtual:termlight/definitions';

/**
 * Compiles glossary/ at build time into two modules: the term index (content script) and the
 * definitions (background, popup, options). An invalid glossary fails the build, naming file,
 * entry and field.
 */
export function glossaryPlugin(projectRoot: string): Plugin {
  let built: ReturnType<typeof buildGlossary> | undefined;
  const build = () => (built ??= buildGlossary(projectRoot));
  return {
    name: 'termlight-glossary',
    resolveId(id) {
      return id === TERM_INDEX || id === DEFINITIONS ? `\0${id}` : undefined;
    },
    load(id) {
      if (id !== `\0${TERM_INDEX}` && id !== `\0${DEFINITIONS}`) return undefined;
      for (const file of glossaryFiles(join(projectRoot, 'glossary'))) this.addWatchFile(file);
      const glossary = build();
      // The content script's index is compact and read in place (src/match/index-format.ts): a few
      // string literals, so loading it parses no data. JSON.parse of a string literal parses faster
      // than the same data as a JS object literal, for the definitions.
      if (id === `\0${TERM_INDEX}`) return `export default ${JSON.stringify(encodeTermIndex(glossary.termIndex))};`;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(glossary.definitions))});`;
    },
    watchChange(id) {
      if (id.includes('/glossary/')) built = undefined;
    },
  };
}

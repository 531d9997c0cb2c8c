import type { Plugin } from 'vite';
import { buildGlossary } from './build';
import { glossaryFiles } from './load';
import { join } from 'node:path';
import { encodeTermIndex } from '../match/index-encode';

const TERM_INDEX = 'virtual:termlight/term-index';
const DEFINITIONS = 'virtual:termlight/definitions';
const NEAR_WORDS = 'virtual:termlight/near-words';
const MODULES = new Set([TERM_INDEX, DEFINITIONS, NEAR_WORDS].map((id) => `\0${id}`));

/**
 * Compiles glossary/ at build time into three modules: the term index (content script, PDF reader),
 * its near-English words (misspelling checks: the background hands them to a content script on a
 * page about health, the PDF reader imports them) and the definitions (background, popup, options).
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
      if (id === `\0${TERM_INDEX}`) {
        const { near: _near, ...index } = encode();
        return `export default ${JSON.stringify(index)};`;
      }
      if (id === `\0${NEAR_WORDS}`) return `export default ${JSON.stringify(encode().near ?? '')};`;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(glossary.definitions))});`;
    },
    watchChange(id) {
      if (id.includes('/glossary/')) built = encoded = undefined;
    },
  };
}

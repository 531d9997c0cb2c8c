import type { TermMatcher } from '../match/matcher';
import { normalizeToken } from '../match/normalize';
import { tokenize } from '../match/tokenize';

/** A word or two-word phrase on the pages that looks medical but that no glossary entry matches. */
export interface Gap {
  text: string;
  count: number;
  /** How many of the pages it appears on. */
  pages: number;
}

// Words that carry no meaning alone: a phrase that starts or ends with one is not a term.
const FUNCTION_WORDS = new Set(
  'a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its may me might more most my no not of on or our she should so some such than that the their them then there these they this those to too up us was we were what when which who will with would you your also other about after before over under between during without within'.split(' '),
);

export interface GapOptions {
  /** Is this normalized word a medical word? (a maintained medical word list) */
  isMedicalWord: (word: string) => boolean;
  /** Words a lay reader knows (the glossary's everyday words, the most common English words): never reported alone. */
  everydayWords: ReadonlySet<string>;
  /** Matches everything the glossary has, everyday words included. */
  matcher: TermMatcher;
}

/**
 * Finds what the glossary lacks on some pages: words from the medical list, and two-word phrases
 * with at least one such word, that no entry matches, most frequent first. Text inside a match
 * is never reported (a longer entry already covers it).
 */
export function findGaps(pages: readonly string[][], options: GapOptions): Gap[] {
  const counts = new Map<string, { text: string; count: number; pages: Set<number> }>();
  const add = (key: string, text: string, page: number) => {
    const seen = counts.get(key) ?? { text, count: 0, pages: new Set<number>() };
    seen.count++;
    seen.pages.add(page);
    counts.set(key, seen);
  };
  pages.forEach((runs, page) => {
    for (const run of runs) {
      const tokens = uncoveredTokens(run, options.matcher);
      const keys = tokens.map((t) => normalizeToken(t.raw));
      const medical = keys.map((k) => isCandidateWord(k, options));
      tokens.forEach((token, i) => {
        if (medical[i]) add(singular(keys[i]!), token.raw.toLowerCase(), page);
        const next = tokens[i + 1];
        if (!next || !(medical[i] || medical[i + 1])) return;
        if (!/^(?:\s+|-)$/.test(run.slice(token.end, next.start))) return; // not across punctuation
        if (FUNCTION_WORDS.has(keys[i]!) || FUNCTION_WORDS.has(keys[i + 1]!) || /\d/.test(keys[i]! + keys[i + 1]!)) return;
        add(`${keys[i]} ${singular(keys[i + 1]!)}`, run.slice(token.start, next.end).toLowerCase(), page);
      });
    }
  });
  return [...counts.values()]
    .filter((g) => g.text.includes(' ') ? g.count >= 2 : true)
    .map((g) => ({ text: g.text, count: g.count, pages: g.pages.size }))
    .sort((a, b) => b.count - a.count || b.pages - a.pages || a.text.localeCompare(b.text));
}

/** Plural and singular count as one gap ("complication", "complications"). */
function singular(key: string): string {
  return key.length > 4 ? key.replace(/(?<=[^su])s$/, '') : key;
}

function isCandidateWord(key: string, options: GapOptions): boolean {
  if (key.length < 4 || FUNCTION_WORDS.has(key) || /\d/.test(key)) return false;
  const one = singular(key);
  if (options.everydayWords.has(key) || options.everydayWords.has(one)) return false;
  return options.isMedicalWord(key) || options.isMedicalWord(one);
}

/** The run's tokens outside every match (matches and tokens are both in text order). */
function uncoveredTokens(text: string, matcher: TermMatcher) {
  const spans = matcher.findInText(text);
  let next = 0;
  return tokenize(text).filter((token) => {
    while (next < spans.length && spans[next]!.end <= token.start) next++;
    const span = spans[next];
    return !(span && token.start >= span.start && token.start < span.end);
  });
}

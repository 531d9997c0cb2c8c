/**
 * Token normalization shared by the glossary compiler and the page matcher, so both sides of a
 * comparison are folded the same way: case, diacritics, and British spellings onto American ones.
 * A fold only has to be consistent, not linguistically exact: "anaemia" and "anemia" both become
 * "anemia"; an unrelated word folded oddly still never meets a glossary key.
 */

// Cheap guard so the common case (most page words) skips every rewrite rule.
const NEEDS_SPELLING_FOLD = /[ao]e[a-z]|ours?$|tres?$|[iy]s(?:e|ed|es|ing|ation|ations)$/;
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}+/gu;

export function normalizeToken(raw: string): string {
  let token = raw.toLowerCase();
  if (NON_ASCII.test(token)) token = token.normalize('NFD').replace(COMBINING_MARKS, '');
  return NEEDS_SPELLING_FOLD.test(token) ? foldBritishSpelling(token) : token;
}

function foldBritishSpelling(token: string): string {
  let t = token.replace(/[ao]e(?=[a-z])/g, 'e');
  if (t.length >= 6) t = t.replace(/our(s?)$/, 'or$1');
  if (t.length >= 5) t = t.replace(/([^aeiou])tre(s?)$/, '$1ter$2');
  if (t.length >= 7) t = t.replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1');
  t = t.replace(/ys(e|ed|es|ing)$/, 'yz$1');
  return t;
}


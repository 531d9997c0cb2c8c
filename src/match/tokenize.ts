/** One word of text: letters and digits only; every other character separates tokens. */
export interface Token {
  /** Offset of the first character in the source text. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** The token exactly as written. */
  raw: string;
}

// Letters (with combining marks) and digits. Hyphens, apostrophes and punctuation split words, so
// "non-small" and "non small" tokenize alike and "Paget's" yields "Paget" plus a dropped "s".
// ASCII is classified by its char code; other characters by these sticky Unicode classes (the
// regular expression /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu, read one character at a time: no match
// array per word, which on a big page was a good part of tokenizing).
const WORD_START = /[\p{L}\p{N}]/uy;
const WORD_PART = /[\p{L}\p{M}\p{N}]/uy;
const APOSTROPHES = new Set(["'", '\u2019', '\u02bc']);

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** Where a word starting at `at` ends (at itself when no word starts there). */
function wordStartEnd(text: string, at: number, code: number): number {
  if (isAsciiLetterOrDigit(code)) return at + 1;
  if (code < 128) return at;
  WORD_START.lastIndex = at;
  return WORD_START.test(text) ? WORD_START.lastIndex : at;
}

/** Splits text into word tokens, dropping the "s" of possessives ("Paget's" -> "Paget"). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  for (let at = 0; at < length; ) {
    let end = wordStartEnd(text, at, text.charCodeAt(at));
    if (end === at) {
      at++;
      continue;
    }
    while (end < length) {
      const code = text.charCodeAt(end);
      if (isAsciiLetterOrDigit(code)) end++;
      else if (code < 128) break;
      else {
        WORD_PART.lastIndex = end;
        if (!WORD_PART.test(text)) break;
        end = WORD_PART.lastIndex;
      }
    }
    const raw = text.slice(at, end);
    if (!isPossessiveS(text, raw, at, tokens)) tokens.push({ start: at, end, raw });
    at = end;
  }
  return tokens;
}

function isPossessiveS(text: string, raw: string, start: number, tokens: Token[]): boolean {
  if (raw !== 's' && raw !== 'S') return false;
  const previous = tokens[tokens.length - 1];
  return previous !== undefined && previous.end === start - 1 && APOSTROPHES.has(text[start - 1]!);
}

/** The separators between tokens in a surface written by a glossary author: which were hyphens. */
export function hyphenatedGaps(text: string, tokens: Token[]): boolean[] {
  const gaps: boolean[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const between = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
    gaps.push(/^[-\u2010\u2011]$/.test(between));
  }
  return gaps;
}

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
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const APOSTROPHES = new Set(["'", '\u2019', '\u02bc']);

/** Splits text into word tokens, dropping the "s" of possessives ("Paget's" -> "Paget"). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const raw = m[0];
    const start = m.index;
    if (isPossessiveS(text, raw, start, tokens)) continue;
    tokens.push({ start, end: start + raw.length, raw });
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

/** The longest context sentence kept; longer ones are cut around the term, at word boundaries. */
export const MAX_SENTENCE = 300;

export interface SentenceSpan {
  sentence: string;
  /** Where the term is inside `sentence` (for bolding it in exports). */
  start: number;
  end: number;
}

/**
 * The sentence of `text` that holds the term at [start, end): whitespace collapsed, and cut to about
 * MAX_SENTENCE characters around the term (with an ellipsis) when the "sentence" is a whole
 * unpunctuated block such as a list or a table cell. Uses Intl.Segmenter where it exists, so
 * "Dr. Smith" or "e.g." do not end a sentence in the middle.
 */
export function sentenceAround(text: string, start: number, end: number, max = MAX_SENTENCE): SentenceSpan {
  // Whitespace first: in page text a newline is just a space (the segmenter would end a sentence there).
  const flat = collapse(text, start, end);
  const [from, to] = sentenceBounds(flat.sentence, flat.start, flat.end);
  const slice = flat.sentence.slice(from, to);
  const lead = slice.length - slice.trimStart().length;
  return trimAround(slice.trim(), flat.start - from - lead, flat.end - from - lead, max);
}

const ABBREVIATION_END = /\b(?:Dr|Mr|Mrs|Ms|Prof|St|Sr|Jr|vs|No|Fig|approx|Dept|Inc|Ltd|Co)\.\s*$/;

function sentenceBounds(text: string, start: number, end: number): [number, number] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    let from = -1;
    let spanStart = 0;
    let previous = '';
    for (const segment of segmenter.segment(text)) {
      // ICU ends a sentence after "Dr." or "Fig."; a title or abbreviation continues it.
      if (!ABBREVIATION_END.test(previous)) spanStart = segment.index;
      previous = segment.segment;
      const segEnd = segment.index + segment.segment.length;
      if (from < 0 && segEnd > start) from = spanStart;
      if (from >= 0 && segEnd >= end && !ABBREVIATION_END.test(segment.segment)) return [from, segEnd];
    }
    return [Math.max(0, from), text.length];
  }
  const before = text.slice(0, start);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('\n'));
  const after = text.slice(end).search(/[.!?](\s|$)|\n/);
  return [stop < 0 ? 0 : stop + 1, after < 0 ? text.length : end + after + 1];
}

/** Collapses runs of whitespace to one space, tracking the term's position. */
function collapse(raw: string, start: number, end: number): SentenceSpan {
  let out = '';
  let termStart = 0;
  let termEnd = 0;
  let space = false;
  for (let i = 0; i <= raw.length; i++) {
    if (i === start) termStart = out.length + (space && out.length > 0 ? 1 : 0);
    if (i === end) termEnd = out.length;
    if (i === raw.length) break;
    const ch = raw[i]!;
    if (/\s/.test(ch)) {
      space = true;
      continue;
    }
    if (space && out.length > 0) out += ' ';
    space = false;
    out += ch;
  }
  if (termEnd < termStart) termEnd = termStart;
  return { sentence: out, start: termStart, end: termEnd };
}

/** Cuts a sentence longer than `max` around the term, at word boundaries, with ellipses. */
function trimAround(out: string, termStart: number, termEnd: number, max: number): SentenceSpan {
  if (out.length <= max) return { sentence: out, start: termStart, end: termEnd };
  // Centre a window on the term, then widen it to word boundaries.
  const room = Math.max(0, max - (termEnd - termStart));
  let from = Math.max(0, termStart - Math.floor(room / 2));
  let to = Math.min(out.length, from + max);
  from = Math.max(0, Math.min(from, to - max));
  if (from > 0) {
    const space = out.indexOf(' ', from);
    from = space >= 0 && space < termStart ? space + 1 : from;
  }
  if (to < out.length) {
    const space = out.lastIndexOf(' ', to);
    to = space > termEnd ? space : to;
  }
  const prefix = from > 0 ? '…' : '';
  const suffix = to < out.length ? '…' : '';
  return { sentence: `${prefix}${out.slice(from, to)}${suffix}`, start: termStart - from + prefix.length, end: termEnd - from + prefix.length };
}

/** Finds the term in a stored sentence (the page's spelling first, then the headword), case-insensitively. */
export function findTerm(sentence: string, ...candidates: string[]): { start: number; end: number } | undefined {
  const lower = sentence.toLowerCase();
  for (const candidate of candidates) {
    if (!candidate) continue;
    const at = lower.indexOf(candidate.toLowerCase());
    if (at >= 0) return { start: at, end: at + candidate.length };
  }
  return undefined;
}

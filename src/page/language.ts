import type { Token } from '../match/tokenize';
import type { TextRun } from './collect';

/**
 * Which language a piece of page text is in, so Termlight reads only the languages it has a glossary
 * for (English today). Three sources, cheapest first:
 * - a run's own words, when they decide it: common function words ("the", "of", "le", "und") say which
 *   language a paragraph is in after a handful of words, far more cheaply than n-gram models, and a
 *   paragraph of jargon without them ("Osteoclasts resorb bone") stays undecided instead of being
 *   mistaken for Italian;
 * - the `lang` attribute of the run's element or an ancestor;
 * - the page's language: a sample of its text decided the same way, the page's own `lang` when the
 *   sample does not decide, and a full language detector (franc, in the background or the CLI) when
 *   there is neither.
 */

/** Languages Termlight has a glossary for. A second language is one more code here and its glossary. */
export const SUPPORTED_LANGUAGES: ReadonlySet<string> = new Set(['en']);

// Frequent function words that are not English words (so "die", "also", "was" and "et", of "et al.",
// are left out). Each language's list is short: a few hits decide a paragraph.
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the and of to are were that this with from by it be has have had not or which can you your they their these those there been when what who how at if but we our its may more into than after about would should such other only each',
  fr: 'le la les des du une est sont dans avec sur qui que pas cette ces ils elle nous vous leur leurs aux au été être mais où très peut lorsque comme chez selon ainsi aussi donc cela ceci',
  de: 'der das und ist sind nicht mit von für auf dem ein eine einer eines einem zu werden wird wurde auch sich oder aber bei nach wie noch nur kann können diese dieser dieses durch über zum zur sie wir ich im vom als wenn dass daß kein keine ihr ihre sein seine',
  es: 'el los las del una es está están por para que como más pero sus su se lo al entre sobre también puede este esta estos estas ese esa hay muy cuando donde ser sido desde hasta',
  it: 'il gli della delle dei degli nel nella che è sono per non una uno anche più come questo questa essere stato alla alle dal dalla sul sulla',
  pt: 'os um uma não são está com para pelo pela que dos das mais também ser foi muito isso esta este quando onde seu sua nos',
  nl: 'het een van en zijn niet met voor op dat aan ook bij wordt worden naar deze maar om kan uit tot zich',
  sv: 'och är att det som för inte med på av ett har till om eller',
  da: 'og er det som på til med ikke af et har kan eller',
  pl: 'się nie jest że do jak dla od po przez są tak na',
  cs: 'se na je že jako jsou pro který ale jak které nebo',
  tr: 've bir bu için ile da de olarak daha çok gibi',
  id: 'yang dan di ini itu dengan untuk dari dalam tidak akan pada adalah',
};

// Keyed in lower case with their diacritics: folded, Hungarian "és" would read as Spanish "es".
const WORD_LANGUAGES: ReadonlyMap<string, string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [language, words] of Object.entries(FUNCTION_WORDS)) {
    for (const word of words.split(' ')) map.set(word, [...(map.get(word) ?? []), language]);
  }
  return map;
})();

// Letters of scripts English is never written in, by the language they most often mean.
const SCRIPTS: Array<[RegExp, string]> = [
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
];

/** Function-word hits that decide a text's language, and by how much the winner must lead. */
const MIN_HITS = 3;
const LEAD = 3;
/** Words of a run looked at: enough to decide, and a huge run costs no more than a paragraph. */
const MAX_WORDS = 400;
/** Hits of one side with none of the other that end the count early. */
const SURE_HITS = 6;
/** Any character beyond Latin Extended-B: only then are scripts counted. */
const BEYOND_LATIN = /[^\u0000-\u024f]/;
const LETTER = /\p{L}/u;
const WORDS = /\p{L}+/gu;

/**
 * The language `text` is plainly written in, or undefined when its words do not decide it (too short,
 * all jargon, or a language without a word list here: the page's language or a detector decides then).
 */
export function guessLanguage(text: string, tokens?: readonly Token[]): string | undefined {
  const script = nonLatinScript(text);
  if (script) return script;
  return guessFromWords(tokens ? tokens.map((t) => t.raw) : wordsOf(text));
}

function wordsOf(text: string): string[] {
  const words: string[] = [];
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(text); m !== null && words.length < MAX_WORDS; m = WORDS.exec(text)) words.push(m[0]);
  return words;
}

function guessFromWords(words: readonly string[]): string | undefined {
  const hits = new Map<string, number>();
  let english = 0;
  let other = 0;
  const end = Math.min(words.length, MAX_WORDS);
  for (let i = 0; i < end; i++) {
    const languages = WORD_LANGUAGES.get(words[i]!.toLowerCase());
    if (!languages) continue;
    for (const language of languages) hits.set(language, (hits.get(language) ?? 0) + 1);
    if (languages.includes('en')) english++;
    else other++;
    // Plainly decided already: most paragraphs are, within their first sentence or two.
    if ((english >= SURE_HITS && other === 0) || (other >= SURE_HITS && english === 0)) break;
  }
  if (english >= MIN_HITS && english >= LEAD * other) return 'en';
  if (other < MIN_HITS || other < LEAD * english) return undefined;
  let best: string | undefined;
  let bestHits = 0;
  for (const [language, count] of hits) if (language !== 'en' && count > bestHits) [best, bestHits] = [language, count];
  return best;
}

/** The language of a non-Latin script when most of the text's letters are in it. */
function nonLatinScript(text: string): string | undefined {
  if (!BEYOND_LATIN.test(text)) return undefined; // one scan answers the common case
  let letters = 0;
  let latin = 0;
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  for (const char of sample) {
    if (!LETTER.test(char)) continue;
    letters++;
    if (char <= '\u024f') latin++;
  }
  if (letters === 0 || latin * 2 >= letters) return undefined;
  for (const char of sample) {
    if (char <= '\u024f') continue;
    for (const [script, language] of SCRIPTS) if (script.test(char)) return language;
  }
  return 'und';
}

/**
 * A BCP 47 tag or an ISO 639-3 code as one primary language: "en-GB" -> "en", "eng" -> "en".
 * Undefined for an empty or undetermined tag.
 */
export function primaryLanguage(tag: string | null | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (!primary || primary === 'und' || primary === 'mul' || primary === 'zxx' || primary === 'x') return undefined;
  return ISO_639_3[primary] ?? primary;
}

// The detector names languages in ISO 639-3; pages and everything else here use the two-letter codes.
const ISO_639_3: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', swe: 'sv', dan: 'da',
  nob: 'no', pol: 'pl', ces: 'cs', tur: 'tr', ind: 'id', rus: 'ru', ukr: 'uk', ell: 'el', arb: 'ar',
  heb: 'he', jpn: 'ja', kor: 'ko', cmn: 'zh', tha: 'th', hin: 'hi', ron: 'ro', hun: 'hu', fin: 'fi',
  vie: 'vi', cat: 'ca', slk: 'sk', hrv: 'hr', srp: 'sr', bul: 'bg',
};

/**
 * The nearest `lang` attribute above a node, across shadow-root boundaries; undefined when none says
 * (or it says lang=""). With `belowRoot`, the document element's own tag does not count.
 */
export function declaredLanguage(node: Node, belowRoot = false): string | undefined {
  let element: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (element) {
    const holder = element.closest('[lang]');
    if (holder) return belowRoot && holder === holder.ownerDocument.documentElement ? undefined : primaryLanguage(holder.getAttribute('lang'));
    const root = element.getRootNode();
    element = 'host' in root ? ((root as ShadowRoot).host ?? null) : null;
  }
  return undefined;
}

/** A detector for text that neither its words nor its markup decide: an ISO code, or undefined. */
export type LanguageDetector = (sample: string) => string | undefined | Promise<string | undefined>;

/** How much of a page's text is sampled to decide its language. */
export const SAMPLE_CHARS = 4000;

/** Decides which runs of a page are read, and says what the page's language is. */
export class LanguageGate {
  private page: string | undefined;
  private decided = false;

  constructor(private readonly supported: ReadonlySet<string> = SUPPORTED_LANGUAGES) {}

  /** The page's language once decided (undefined: not decided yet, or undeterminable). */
  get pageLanguage(): string | undefined {
    return this.page;
  }

  get pageDecided(): boolean {
    return this.decided;
  }

  /** Whether the page as a whole is in a language Termlight reads (an undetermined page is read). */
  get pageSupported(): boolean {
    return this.page === undefined || this.supported.has(this.page);
  }

  /**
   * Decides the page's language from a sample of its text and its root `lang`: the sample's words
   * first (pages often keep a template's lang="en" over text in another language), then the declared
   * language, then the detector. With too little text to tell, it stays undecided and is asked again.
   */
  async decidePage(sample: string, declared: string | undefined, detect?: LanguageDetector): Promise<void> {
    if (this.decided) return;
    const guessed = guessLanguage(sample);
    if (guessed || declared) return this.settle(guessed ?? declared);
    if (sample.trim().length < 200) return; // too little to tell yet: a page that fills in later is asked again
    let detected: string | undefined;
    try {
      detected = primaryLanguage(await detect?.(sample));
    } catch {
      detected = undefined;
    }
    this.settle(detected);
  }

  /** The CLI's form: the same decision with a detector that answers at once. */
  decidePageNow(sample: string, declared: string | undefined, detect?: (sample: string) => string | undefined): void {
    if (this.decided) return;
    const guessed = guessLanguage(sample);
    if (guessed || declared) return this.settle(guessed ?? declared);
    if (sample.trim().length < 200) return;
    this.settle(primaryLanguage(detect?.(sample)));
  }

  private settle(language: string | undefined): void {
    this.page = language;
    this.decided = true;
  }

  /** The language of one run: its own words when they decide, else its markup, else the page's. */
  runLanguage(run: TextRun, tokens?: readonly Token[]): string | undefined {
    return guessLanguage(run.text, tokens) ?? declaredOfRun(run) ?? this.page;
  }

  /** Whether a run is read (matched and highlighted). `tokens`: its words, when the matcher has them already. */
  reads(run: TextRun, tokens?: readonly Token[]): boolean {
    const language = this.runLanguage(run, tokens);
    return language === undefined || this.supported.has(language);
  }
}

/**
 * The `lang` declared for a run below the document element: the page's own tag is weighed with its
 * text in decidePage, so a run that only inherits it takes the page's decided language.
 */
function declaredOfRun(run: TextRun): string | undefined {
  const node = run.nodes[0];
  return node ? declaredLanguage(node, true) : undefined;
}

/** The first SAMPLE_CHARS characters of a page's runs (runs of a few characters, menus and buttons, are skipped). */
export function sampleText(runs: Iterable<TextRun>): string {
  let sample = '';
  for (const run of runs) {
    const text = run.text.replace(/\s+/g, ' ').trim();
    if (text.length < 20) continue;
    sample += (sample ? ' ' : '') + text;
    if (sample.length >= SAMPLE_CHARS) break;
  }
  return sample.slice(0, SAMPLE_CHARS);
}

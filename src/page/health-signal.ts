/**
 * Whether a page is clearly about health, from the unambiguous medical terms read on it so far
 * (osteoclast, hypercalcemia, chemotherapy: never an everyday word, an abbreviation or a word that
 * needed context cues). Incremental: each run adds its terms and its word count, and the answer is a
 * comparison, so a living page costs nothing extra. It only turns on: highlights that appeared do not
 * vanish because the page grew a long footer.
 */
export class HealthSignal {
  /** Distinct entries needed: one stray "chemotherapy" in a news sidebar is not a health page. */
  static readonly MIN_ENTRIES = 3;
  /** And a density, per 1,000 words read: a long manual that mentions three drugs is still a manual. */
  static readonly MIN_PER_THOUSAND_WORDS = 2;

  private readonly entries = new Set<number>();
  private occurrences = 0;
  private wordCount = 0;
  private isOn = false;

  get on(): boolean {
    return this.isOn;
  }

  /** One occurrence of an unambiguous medical term. Returns whether this turned the signal on. */
  term(entry: number): boolean {
    this.entries.add(entry);
    this.occurrences++;
    return this.evaluate();
  }

  /** Words read in the page's text (English text only: other languages are not read). */
  words(count: number): boolean {
    this.wordCount += count;
    return this.evaluate();
  }

  private evaluate(): boolean {
    if (this.isOn) return false;
    if (this.entries.size < HealthSignal.MIN_ENTRIES) return false;
    if (this.occurrences * 1000 < HealthSignal.MIN_PER_THOUSAND_WORDS * this.wordCount) return false;
    this.isOn = true;
    return true;
  }
}

import type { EvidenceSink } from '../match/evidence';
import type { TextMatch } from '../match/matcher';
import { HealthSignal } from './health-signal';

/**
 * What the page as a whole says about its subject, gathered while its text is matched: which
 * entries it names in full (an abbreviation's expansion: "skeletal-related events (SREs)"), and
 * whether it is about health. Matches that need support (src/match/evidence.ts) are kept by the
 * page and shown once this evidence supports them, wherever on the page the evidence turns up.
 */
export class PageEvidence implements EvidenceSink {
  readonly health = new HealthSignal();
  private readonly named = new Set<number>();
  private changes = 0;

  /** Goes up whenever a match that was not supported may now be: callers refresh what they show. */
  get version(): number {
    return this.changes;
  }

  term(entry: number, plain: boolean): void {
    if (!this.named.has(entry)) {
      this.named.add(entry);
      this.changes++;
    }
    if (plain && this.health.term(entry)) this.changes++;
  }

  words(count: number): void {
    if (this.health.words(count)) this.changes++;
  }

  /** Whether the page names this entry by a word surface (headword, alias, a long form). */
  names(entry: number): boolean {
    return this.named.has(entry);
  }

  /** Whether a reader should see this match now. */
  supports(match: Pick<TextMatch, 'entry' | 'needs' | 'senses'>): boolean {
    switch (match.needs) {
      case undefined:
        return true;
      case 'health':
        return this.health.on;
      case 'support':
        return this.health.on || (match.senses ?? [match.entry]).some((entry) => this.named.has(entry));
    }
  }

  /**
   * The entries a supported match means: for an abbreviation with several medical senses, the ones
   * the page names in full, or every sense when it names none (the popover shows them all).
   */
  sensesOf(match: Pick<TextMatch, 'entry' | 'senses'>): number[] {
    if (!match.senses) return [match.entry];
    const named = match.senses.filter((entry) => this.named.has(entry));
    return named.length > 0 ? named : match.senses;
  }
}

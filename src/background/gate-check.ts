import { CandidateFilter } from '../match/candidates';
import { OPEN_ANYWAY } from '../page/gate-limits';

/**
 * The background's half of the page gate (src/page/gate.ts): whether some runs of a frame's text may
 * show a glossary term. The filter is decoded the first time a frame asks (once per service worker
 * life), so the script every frame evaluates never carries it.
 */
export function gateChecker(encodedFilter: string): (texts: readonly string[]) => boolean {
  let filter: CandidateFilter | undefined;
  return (texts) => {
    filter ??= CandidateFilter.fromBase64(encodedFilter);
    return texts.some((text) => text === OPEN_ANYWAY || filter!.textHasCandidate(text));
  };
}

import type { Definition } from '../glossary/types';
import { describePageWord, pageWordLead } from './page-word';

/**
 * The popover's first line when the page's word is not the headword: "Xgeva: a brand name of
 * **denosumab**", "SRE: short for **skeletal-related event**". Nothing when the page writes the headword.
 */
export function PageWordNote({ pageWord, definition }: { pageWord: string; definition: Definition }) {
  const described = describePageWord(pageWord, definition);
  if (!described) return null;
  return (
    <p class="page-word" data-testid="page-word">
      {pageWordLead(described)}
      <strong>{definition.headword}</strong>
    </p>
  );
}

import type { Definition } from '../glossary/types';
import { sourceName } from '../ui/DefinitionCard';

/** One term's card as plain text, for the clipboard (pastes cleanly into notes, email or a chat). */
export function cardText(definition: Definition, context?: { sentence: string; title: string; url: string }): string {
  const lines = [definition.pronunciation ? `${definition.headword} (${definition.pronunciation})` : definition.headword, definition.definition];
  if (context?.sentence) lines.push('', `“${context.sentence}”`, `From: ${context.title || context.url}${context.title && context.url ? ` <${context.url}>` : ''}`);
  lines.push('', `Learn more (${sourceName(definition.url)}): ${definition.url}`, 'Explained by Termlight');
  return lines.join('\n');
}

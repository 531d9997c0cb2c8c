import { Component } from 'preact';
import { useState } from 'preact/hooks';
import type { Definition } from '../../glossary/types';
import { sendToBackground } from '../../messaging/runtime';
import { sentenceParts, shortDate } from '../../notebook/export-common';
import type { NotebookEntry } from '../../notebook/schema';
import { NoteForm } from '../NoteForm';
import { shortDefinition } from './OnThisPage';

interface EntryCardProps {
  entry: NotebookEntry;
  definition?: Definition | undefined;
  onDelete: (entry: NotebookEntry) => void;
  onError: (e: string) => void;
  /** h4 under a page heading, h3 in the A–Z list. */
  headingLevel: 3 | 4;
}

/**
 * A card re-renders only when its own entry or definition changes: a keystroke in the search or a
 * save of another term re-rendered every card shown (50 or more), a long task with a big notebook.
 * Entries are replaced, never changed, so comparing them is enough. Callbacks must be stable.
 */
export class MemoEntryCard extends Component<EntryCardProps> {
  override shouldComponentUpdate(next: EntryCardProps): boolean {
    const p = this.props;
    return next.entry !== p.entry || next.definition !== p.definition || next.headingLevel !== p.headingLevel || next.onDelete !== p.onDelete || next.onError !== p.onError;
  }

  override render() {
    return <EntryCard {...this.props} />;
  }
}

/** One saved term: definition, every context with its page, the note (edited in place) and tags. */
export function EntryCard({
  entry,
  definition,
  onDelete,
  onError,
  headingLevel,
}: EntryCardProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const [editing, setEditing] = useState(false);
  const headingId = `entry-${entry.entryId}`;
  const saveNote = async (note: string, tags: string[]) => {
    const reply = await sendToBackground({ type: 'notebook-update', entryId: entry.entryId, note, tags });
    if (reply?.ok) setEditing(false);
    else onError(reply?.error ?? 'The note could not be saved.');
  };
  return (
    <article class="entry" aria-labelledby={headingId} data-entry={entry.entryId}>
      <Heading id={headingId} class="headword">
        {entry.headword}
      </Heading>
      {definition ? <p class="short-definition">{shortDefinition(definition.definition)}</p> : <p class="muted">No longer in the glossary.</p>}
      {entry.contexts.length > 0 && (
        <ul class="contexts">
          {entry.contexts.map((context) => {
            const { before, term, after } = sentenceParts(context, entry.headword);
            return (
              <li key={context.id} data-testid="context">
                {context.sentence && (
                  <q>
                    {before}
                    {term && <strong>{term}</strong>}
                    {after}
                  </q>
                )}{' '}
                <span class="source">
                  <a href={context.url} target="_blank" rel="noopener noreferrer">
                    {context.title || context.url}
                  </a>
                  , {shortDate(context.savedAt)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {editing ? (
        <NoteForm entry={entry} label={`Note for ${entry.headword}`} testIdPrefix="entry-" onSave={saveNote} onCancel={() => setEditing(false)} />
      ) : (
        <>
          {entry.note && (
            <p class="note" data-testid="entry-note">
              {entry.note}
            </p>
          )}
          {entry.tags.length > 0 && <p class="tags">{entry.tags.map((t) => `#${t}`).join(' ')}</p>}
        </>
      )}
      {!editing && (
        <div class="action-row">
          <button type="button" onClick={() => setEditing(true)} aria-label={`${entry.note ? 'Edit note' : 'Add note'} for ${entry.headword}`} data-testid="entry-edit-note">
            {entry.note ? 'Edit note' : 'Add note'}
          </button>
          <button type="button" onClick={() => onDelete(entry)} aria-label={`Delete ${entry.headword}`} data-testid="entry-delete">
            Delete
          </button>
        </div>
      )}
    </article>
  );
}

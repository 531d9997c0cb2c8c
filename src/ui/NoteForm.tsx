import { useEffect, useRef, useState } from 'preact/hooks';
import { parseTagInput, type NotebookEntry } from '../notebook/schema';

/**
 * Edits a saved term's note and tags; the popover and the side panel's notebook both use it.
 * It starts from the stored values each time it opens, so Cancel needs no reset.
 */
export function NoteForm({
  entry,
  onSave,
  onCancel,
  label = 'Note',
  testIdPrefix = '',
}: {
  entry: NotebookEntry;
  onSave: (note: string, tags: string[]) => Promise<void>;
  onCancel: () => void;
  label?: string;
  /** Distinguishes the side panel's fields from the popover's in tests. */
  testIdPrefix?: string;
}) {
  const [note, setNote] = useState(entry.note);
  const [tags, setTags] = useState(entry.tags.join(', '));
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      class="note-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(note, parseTagInput(tags));
      }}
    >
      <label>
        {label}
        <textarea ref={first} rows={3} maxLength={5000} value={note} onInput={(e) => setNote(e.currentTarget.value)} data-testid={`${testIdPrefix}note-input`} />
      </label>
      <label>
        Tags <span class="hint muted">(separate with commas)</span>
        <input type="text" maxLength={400} value={tags} onInput={(e) => setTags(e.currentTarget.value)} data-testid={`${testIdPrefix}tags-input`} />
      </label>
      <div class="action-row">
        <button type="submit" class="primary" data-testid={`${testIdPrefix}save-note`}>
          Save note
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

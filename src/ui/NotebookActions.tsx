import { useEffect, useRef, useState } from 'preact/hooks';
import type { Definition } from '../glossary/types';
import type { NotebookReply } from '../messaging/messages';
import { shortDate } from '../notebook/export-common';
import { latestContext } from '../notebook/merge';
import type { NotebookEntry } from '../notebook/schema';
import { NoteForm } from './NoteForm';

/** What the actions row needs from where it is shown (the page popover, or the toolbar popup). */
export interface NotebookBridge {
  status(entryId: string): Promise<NotebookEntry | null | undefined>;
  /** Saves the shown term, with the page context when there is one. */
  save(definition: Definition, extra?: { note?: string; tags?: string[] }): Promise<NotebookReply<NotebookEntry> | undefined>;
  update(entryId: string, change: { note: string; tags: string[] }): Promise<NotebookReply<NotebookEntry | null> | undefined>;
  openNotebook(): void;
  /** Copies the term's card; resolves to whether it worked. */
  copyCard?(definition: Definition): Promise<boolean>;
}

/** "Saved on 3 Dec from <title>" (or without a page, when saved from the popup's search). */
export function savedLine(entry: NotebookEntry): string {
  const latest = latestContext(entry);
  const on = shortDate(latest?.savedAt ?? entry.createdAt, false);
  return latest?.title ? `Saved on ${on} from ${latest.title}` : `Saved on ${on}`;
}

const SAVE_KEY = 's';

/**
 * The notebook row of a definition: Save (shortcut S while the popover has focus), the saved mark,
 * an optional note and tags, Copy card, Open notebook. Its own component and file, so the popover
 * itself barely changes.
 */
export function NotebookActions({ definition, notebook }: { definition: Definition; notebook: NotebookBridge }) {
  const root = useRef<HTMLDivElement>(null);
  const [entry, setEntry] = useState<NotebookEntry | null>();
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setEntry(undefined);
    setEditing(false);
    setStatus('');
    setError('');
    void notebook.status(definition.id).then((e) => live && setEntry(e ?? null));
    return () => {
      live = false;
    };
  }, [definition.id]);

  const save = async () => {
    if (busy) return;
    setBusy(true);
    const reply = await notebook.save(definition);
    setBusy(false);
    if (reply?.ok) {
      setEntry(reply.value);
      setError('');
      setStatus(`Saved “${definition.headword}” to your notebook.`);
    } else setError(reply?.error ?? 'Termlight could not reach its notebook. Reload the page and try again.');
  };

  // S saves while focus is anywhere in the popover (not while typing in the note).
  useEffect(() => {
    const dialog = root.current?.closest('[role="dialog"]') ?? root.current?.closest('main');
    if (!dialog) return;
    const onKey = (event: Event) => {
      const key = event as KeyboardEvent;
      const target = key.composedPath()[0];
      if (key.key.toLowerCase() !== SAVE_KEY || key.ctrlKey || key.metaKey || key.altKey) return;
      if (target instanceof HTMLElement && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.localName))) return;
      key.preventDefault();
      void save();
    };
    dialog.addEventListener('keydown', onKey);
    return () => dialog.removeEventListener('keydown', onKey);
  });

  const copy = async () => {
    const ok = (await notebook.copyCard?.(definition)) ?? false;
    setStatus(ok ? `Copied the card for “${definition.headword}”.` : 'Copying did not work here. Select the text and copy it instead.');
  };

  return (
    <div class="notebook-actions" ref={root} data-testid="notebook-actions">
      {entry && (
        <p class="saved-mark" data-testid="saved-mark">
          <span aria-hidden="true">★ </span>
          {savedLine(entry)}
        </p>
      )}
      <div class="action-row">
        <button
          type="button"
          class="primary"
          onClick={() => void save()}
          aria-label={entry ? 'Save again to notebook (adds this page)' : 'Save to notebook'}
          aria-keyshortcuts="S"
          title="Save to your notebook (shortcut: S)"
          disabled={busy}
          data-testid="save"
        >
          {entry ? 'Save again' : 'Save'}
        </button>
        {entry && !editing && (
          <button type="button" class="secondary" onClick={() => setEditing(true)} data-testid="edit-note">
            {entry.note || entry.tags.length > 0 ? 'Edit note and tags' : 'Add a note'}
          </button>
        )}
        {notebook.copyCard && (
          <button type="button" class="secondary" onClick={() => void copy()} data-testid="copy-card">
            Copy card
          </button>
        )}
        <button type="button" class="secondary" onClick={() => notebook.openNotebook()} data-testid="open-notebook">
          Open notebook
        </button>
      </div>
      {entry && editing && (
        <NoteForm
          entry={entry}
          onCancel={() => setEditing(false)}
          onSave={async (note, tags) => {
            const reply = await notebook.update(entry.entryId, { note, tags });
            if (reply?.ok && reply.value) {
              setEntry(reply.value);
              setEditing(false);
              setStatus('Note saved.');
            } else setError(reply && !reply.ok ? reply.error : 'The note could not be saved.');
          }}
        />
      )}
      <p class="visually-hidden" role="status">
        {status}
      </p>
      {error && (
        <p class="notebook-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

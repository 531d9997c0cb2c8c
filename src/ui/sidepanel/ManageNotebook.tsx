import { useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/runtime';

/** Import a JSON backup (merged, all or nothing) and "Delete everything" (with confirmation). */
export function ManageNotebook({ count }: { count: number }) {
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const dialog = useRef<HTMLDialogElement>(null);
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const reply = await sendToBackground({ type: 'notebook-import', text: await file.text() });
    if (reply?.ok) {
      const { added, updated, unchanged } = reply.value;
      setMessage({ text: `Imported ${file.name}: ${added} new, ${updated} updated, ${unchanged} already in your notebook.`, error: false });
    } else setMessage({ text: reply?.error ?? 'Termlight could not import the file.', error: true });
  };
  const clear = async () => {
    dialog.current?.close();
    const reply = await sendToBackground({ type: 'notebook-clear' });
    setMessage(reply?.ok ? { text: `Deleted everything in your notebook (${reply.value} records).`, error: false } : { text: reply?.error ?? 'Termlight could not delete it.', error: true });
  };
  return (
    <section class="manage" aria-labelledby="manage-heading">
      <h3 id="manage-heading">Backup and privacy</h3>
      <p class="muted">Your notebook is stored only in this browser. Nothing you save leaves it.</p>
      <label class="file-button">
        Import a JSON backup
        <input type="file" accept=".json,application/json" onChange={(e) => void importFile(e.currentTarget.files?.[0]).then(() => ((e.target as HTMLInputElement).value = ''))} data-testid="import-file" />
      </label>
      {count > 0 && (
        <button type="button" class="danger" onClick={() => dialog.current?.showModal()} data-testid="delete-everything">
          Delete everything…
        </button>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'notebook-error' : 'status'} data-testid="manage-message">
          {message.text}
        </p>
      )}
      <dialog ref={dialog} aria-labelledby="confirm-heading" class="confirm">
        <h3 id="confirm-heading">Delete your whole notebook?</h3>
        <p>
          This deletes all {count === 1 ? '1 saved term' : `${count} saved terms`}, with their notes, from this browser. It cannot be undone. Export a JSON backup
          first if you may want them back.
        </p>
        <div class="action-row">
          <button type="button" class="danger" onClick={() => void clear()} data-testid="confirm-delete">
            Delete everything
          </button>
          <button type="button" onClick={() => dialog.current?.close()} autoFocus>
            Keep my notebook
          </button>
        </div>
      </dialog>
    </section>
  );
}

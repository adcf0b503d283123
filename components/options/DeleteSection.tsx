import { useEffect, useRef, useState } from 'preact/hooks';
import { DELETE_WORD, confirmsDeletion } from '@/utils/delete-confirmation';
import { Notice, useSectionAction } from './Notice';
import type { AllianceDb } from '@/utils/db/schema';

interface DeleteSectionProps {
  db: AllianceDb;
  deleteEverything(db: AllianceDb): Promise<void>;
}

/**
 * Deletes every person and everything recorded about them, after the user types DELETE. The
 * confirmation is a plain form in the page: reachable by keyboard, Escape cancels it, and focus
 * returns to the button that opened it.
 */
export function DeleteSection({ db, deleteEverything }: DeleteSectionProps) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const { message, setMessage, busy, run } = useSectionAction();
  const opener = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);

  const wasOpened = useRef(false);

  // Focus follows the confirmation: into it when it opens, back to its opener when it closes.
  useEffect(() => {
    if (open) {
      wasOpened.current = true;
      input.current?.focus();
    } else if (wasOpened.current) {
      opener.current?.focus();
    }
  }, [open]);

  const close = () => {
    setOpen(false);
    setTyped('');
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!confirmsDeletion(typed)) {
      setMessage({ kind: 'error', text: `Type ${DELETE_WORD} in capitals to confirm.` });
      return;
    }
    await run(async () => {
      await deleteEverything(db);
      close();
      return {
        kind: 'ok',
        text: 'Everything was deleted: people, notes, touches, ties and follow-ups. Your settings are kept.',
      };
    });
  };

  return (
    <section class="card stack danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete everything</h2>
      <p class="muted">
        Removes every person and everything you recorded about them from this computer. This cannot
        be undone: export a backup first if you might want it back.
      </p>
      <div class="row">
        <button
          ref={opener}
          type="button"
          class="danger"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls="delete-confirm"
          onClick={() => {
            setMessage(undefined);
            if (open) close();
            else setOpen(true);
          }}
        >
          Delete everything…
        </button>
      </div>
      {open && (
        <form
          id="delete-confirm"
          class="stack"
          onSubmit={onSubmit}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <label for="delete-word">
            Type {DELETE_WORD} to confirm that everything will be deleted
          </label>
          <input
            id="delete-word"
            ref={input}
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={typed}
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
          <div class="row">
            <button type="submit" class="danger" disabled={busy}>
              Delete everything now
            </button>
            <button type="button" onClick={close} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <Notice message={message} />
    </section>
  );
}

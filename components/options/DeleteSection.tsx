import { useEffect, useRef, useState } from 'preact/hooks';
import { DELETE_WORD, confirmsDeletion } from '@/utils/delete-confirmation';
import { Notice, useSectionAction } from './Notice';
import { SyncScopeChoice, useSyncIsOn, type SyncScope } from './SyncScope';
import type { AllianceDb } from '@/utils/db/schema';
import { ui } from '@/utils/i18n';

interface DeleteSectionProps {
  db: AllianceDb;
  deleteEverything(db: AllianceDb): Promise<void>;
  /** Turns sync off on this computer (the user chose to delete here only). */
  turnSyncOffHere(): Promise<void>;
}

/**
 * Deletes every person and everything recorded about them, after the user types DELETE. The
 * confirmation is a plain form in the page: reachable by keyboard, Escape cancels it, and focus
 * returns to the button that opened it.
 */
export function DeleteSection({ db, deleteEverything, turnSyncOffHere }: DeleteSectionProps) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const syncOn = useSyncIsOn(db);
  const [scope, setScope] = useState<SyncScope>();
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
    setScope(undefined);
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!confirmsDeletion(typed)) {
      setMessage({ kind: 'error', text: ui.t('delete_typeWord', { word: DELETE_WORD }) });
      return;
    }
    // With sync on, the user says whether the other devices delete too: nothing is assumed.
    if (syncOn && !scope) {
      setMessage({ kind: 'error', text: ui.t('syncScope_choose') });
      return;
    }
    const chosen = syncOn ? scope : undefined;
    await run(async () => {
      if (chosen === 'here') await turnSyncOffHere();
      await deleteEverything(db);
      close();
      return {
        kind: 'ok',
        text: [
          ui.t('delete_done'),
          ...(chosen
            ? [ui.t(chosen === 'here' ? 'syncScope_doneHere' : 'syncScope_doneEverywhere')]
            : []),
        ].join(' '),
      };
    });
  };

  return (
    <section class="card stack danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">{ui.t('delete_title')}</h2>
      <p class="muted">{ui.t('delete_hint')}</p>
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
          {ui.t('delete_open')}
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
          {syncOn && <SyncScopeChoice action="delete" scope={scope} onScope={setScope} />}
          <label for="delete-word">{ui.t('delete_label', { word: DELETE_WORD })}</label>
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
              {ui.t('delete_now')}
            </button>
            <button type="button" onClick={close} disabled={busy}>
              {ui.t('common_cancel')}
            </button>
          </div>
        </form>
      )}
      <Notice message={message} />
    </section>
  );
}

import { RoleToggles } from './RoleToggles';
import { useState } from 'preact/hooks';
import { useLiveQuery } from './useLiveQuery';
import { addNote, logTouch, toggleRole, type SeenIdentity } from '@/utils/db/records';
import { findPerson, latestNoteOf } from '@/utils/db/lookups';
import type { AllianceDb } from '@/utils/db/schema';
import { labelKey, ui } from '@/utils/i18n';
import { errorText } from '@/utils/i18n/user-error';
import type { TouchKind } from '@/utils/model';

/** The habits offered as one-click touches in the quick tag (the side panel has them all). */
export const QUICK_HABITS: readonly TouchKind[] = [
  'showed-appreciation',
  'offered-help',
  'shared-work',
  'followed-up',
  'asked-feedback',
];

interface QuickTagProps {
  db: AllianceDb;
  identity: SeenIdentity;
}

/**
 * Tag a person in two clicks: a role toggle creates the record; a one-line note and a habit
 * button each save at once. Every open view updates through live queries.
 */
export function QuickTag({ db, identity }: QuickTagProps) {
  const person = useLiveQuery(() => findPerson(db, identity.slug), [identity.slug]);
  const latestNote = useLiveQuery(() => latestNoteOf(db, identity.slug), [identity.slug]);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const record = person.status === 'ready' ? person.value : undefined;
  const roles = record?.roles ?? [];
  const name = record?.name || identity.name || identity.slug;

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setStatus({ kind: 'ok', text: done });
    } catch (error) {
      setStatus({ kind: 'error', text: errorText(ui, error) });
    }
  };

  return (
    <section class="stack" aria-labelledby="quick-tag-title">
      <div>
        <h2 id="quick-tag-title">{name}</h2>
        {(record?.headline || identity.headline) && (
          <p class="muted clip" dir="auto">
            {record?.headline || identity.headline}
          </p>
        )}
      </div>
      <RoleToggles
        roles={roles}
        onToggle={(role) =>
          run(
            () => toggleRole(db, identity, role, Date.now()),
            ui.t(roles.includes(role) ? 'quickTag_removed' : 'quickTag_tagged', {
              role: ui.t(labelKey('roleWord', role)),
            }),
          )
        }
      />
      {latestNote.status === 'ready' && latestNote.value && (
        <p>
          <span class="muted">
            {ui.t('quickTag_latestNote', { when: ui.ago(latestNote.value.at, Date.now()) })}{' '}
          </span>
          <span data-testid="latest-note" dir="auto">
            {latestNote.value.text}
          </span>
        </p>
      )}
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          if (!note.trim()) return;
          const submitted = note;
          void run(async () => {
            await addNote(db, identity, submitted, Date.now());
            // Keep anything typed while the note was being saved.
            setNote((current) => (current === submitted ? '' : current));
          }, ui.t('quickTag_noteSaved'));
        }}
      >
        <label class="sr-only" for="quick-note">
          {ui.t('quickTag_noteLabel', { name })}
        </label>
        <input
          id="quick-note"
          class="grow"
          type="text"
          placeholder={ui.t('quickTag_notePlaceholder')}
          maxLength={500}
          value={note}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
        <button type="submit" disabled={!note.trim()}>
          {ui.t('quickTag_addNote')}
        </button>
      </form>
      <div class="row" role="group" aria-label={ui.t('quickTag_logToday')}>
        {QUICK_HABITS.map((kind) => (
          <button
            key={kind}
            type="button"
            onClick={() =>
              run(
                () => logTouch(db, identity, { kind }, Date.now()),
                ui.t('quickTag_logged', { habit: ui.t(labelKey('touch', kind)) }),
              )
            }
          >
            {ui.t(labelKey('touch', kind))}
          </button>
        ))}
      </div>
      <p role="status" class={status?.kind === 'error' ? 'error' : 'ok'}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}

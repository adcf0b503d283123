import { useState } from 'preact/hooks';
import { useFieldId } from './fields';
import { PersonPicker } from './PersonPicker';
import { deletePerson, mergePeople } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';
import type { Person } from '@/utils/model';
import { ui } from '@/utils/i18n';
import { errorText } from '@/utils/i18n/user-error';
import { rich } from './rich';

interface RecordActionsProps {
  db: AllianceDb;
  person: Person;
  report(kind: 'ok' | 'error', text: string): void;
  /** Called once the record is gone. */
  onDeleted(): void;
}

/** Merging a duplicate into this record and deleting it, each behind an explicit confirmation. */
export function RecordActions({ db, person, report, onDeleted }: RecordActionsProps) {
  const [mergeFrom, setMergeFrom] = useState<Person | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const id = useFieldId('manage');
  const name = person.name || person.slug;

  return (
    <section class="stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{ui.t('manage_title')}</h3>
      {mergeFrom ? (
        <div class="card stack" role="group" aria-label={ui.t('manage_confirmMerge')}>
          <p>
            {rich(ui.t('manage_mergeQuestion'), {
              from: <strong>{mergeFrom.name || mergeFrom.slug}</strong>,
              into: name,
            })}
          </p>
          <div class="row">
            <button
              type="button"
              class="primary"
              onClick={() =>
                mergePeople(db, mergeFrom.slug, person.slug, Date.now())
                  .then(() => {
                    report('ok', ui.t('manage_merged', { name: mergeFrom.name || mergeFrom.slug }));
                    setMergeFrom(null);
                  })
                  .catch((error: unknown) => report('error', errorText(ui, error)))
              }
            >
              {ui.t('manage_merge')}
            </button>
            <button type="button" onClick={() => setMergeFrom(null)}>
              {ui.t('common_cancel')}
            </button>
          </div>
        </div>
      ) : (
        <PersonPicker
          db={db}
          label={ui.t('manage_mergeLabel')}
          excludeSlug={person.slug}
          action={(other) => ui.t('manage_mergeAction', { name: other.name || other.slug })}
          onPick={setMergeFrom}
        />
      )}
      {confirmDelete ? (
        <div class="card stack" role="group" aria-label={ui.t('manage_confirmDelete')}>
          <p>{ui.t('manage_deleteQuestion', { name })}</p>
          <div class="row">
            <button
              type="button"
              class="danger"
              onClick={() =>
                deletePerson(db, person.slug)
                  .then(onDeleted)
                  .catch((error: unknown) => report('error', errorText(ui, error)))
              }
            >
              {ui.t('manage_deleteForGood')}
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {ui.t('common_cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>
            {ui.t('manage_delete')}
          </button>
        </div>
      )}
    </section>
  );
}

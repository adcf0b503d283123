import { useState } from 'preact/hooks';
import { useFieldId } from './fields';
import { PersonPicker } from './PersonPicker';
import { deletePerson, mergePeople } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';
import type { Person } from '@/utils/model';

interface RecordActionsProps {
  db: AllianceDb;
  person: Person;
  report(kind: 'ok' | 'error', text: string): void;
  /** Called once the record is gone. */
  onDeleted(): void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Merging a duplicate into this record and deleting it, each behind an explicit confirmation. */
export function RecordActions({ db, person, report, onDeleted }: RecordActionsProps) {
  const [mergeFrom, setMergeFrom] = useState<Person | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const id = useFieldId('manage');
  const name = person.name || person.slug;

  return (
    <section class="stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Manage this record</h3>
      {mergeFrom ? (
        <div class="card stack" role="group" aria-label="Confirm the merge">
          <p>
            Merge <strong>{mergeFrom.name || mergeFrom.slug}</strong> into {name}? Their notes,
            touches, follow-ups and ties move here and their separate record is removed.
          </p>
          <div class="row">
            <button
              type="button"
              class="primary"
              onClick={() =>
                mergePeople(db, mergeFrom.slug, person.slug, Date.now())
                  .then(() => {
                    report('ok', `Merged ${mergeFrom.name || mergeFrom.slug} into this record.`);
                    setMergeFrom(null);
                  })
                  .catch((error: unknown) => report('error', errorText(error)))
              }
            >
              Merge
            </button>
            <button type="button" onClick={() => setMergeFrom(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <PersonPicker
          db={db}
          label="Merge a duplicate record into this one"
          excludeSlug={person.slug}
          action={(other) => `Merge ${other.name || other.slug}…`}
          onPick={setMergeFrom}
        />
      )}
      {confirmDelete ? (
        <div class="card stack" role="group" aria-label="Confirm the deletion">
          <p>Delete {name} and everything recorded about them? This cannot be undone.</p>
          <div class="row">
            <button
              type="button"
              class="danger"
              onClick={() =>
                deletePerson(db, person.slug)
                  .then(onDeleted)
                  .catch((error: unknown) => report('error', errorText(error)))
              }
            >
              Delete for good
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>
            Delete this person…
          </button>
        </div>
      )}
    </section>
  );
}

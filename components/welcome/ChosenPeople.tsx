import { PlacementChoices } from '../PlacementChoices';
import type { AllianceDb } from '@/utils/db/schema';
import { updatePerson, type PersonPatch } from '@/utils/db/records';
import type { Person } from '@/utils/model';

interface ChosenPeopleProps {
  db: AllianceDb;
  people: readonly Person[];
  /** What the list says while it is empty. */
  empty: string;
  /** The words of the button that takes someone off this step, e.g. "Remove Dana Lee as a mentor". */
  removeLabel(name: string): string;
  onRemove(person: Person): void;
  report(error: string): void;
}

/** The people named in a step: level, influence and stance one click each, and a way back. */
export function ChosenPeople({
  db,
  people,
  empty,
  removeLabel,
  onRemove,
  report,
}: ChosenPeopleProps) {
  if (!people.length) return <p class="muted">{empty}</p>;
  const save = (slug: string, patch: PersonPatch) =>
    void updatePerson(db, slug, patch, Date.now()).catch((error: unknown) =>
      report(error instanceof Error ? error.message : String(error)),
    );
  return (
    <ul class="plain stack chosen">
      {people.map((person) => {
        const name = person.name || person.slug;
        return (
          <li key={person.slug} class="card stack" aria-label={name}>
            <div class="row chosen-head">
              <strong>{name}</strong>
              <button type="button" onClick={() => onRemove(person)}>
                {removeLabel(name)}
              </button>
            </div>
            <PlacementChoices
              who={name}
              placement={person}
              onChoose={(patch) => save(person.slug, patch)}
            />
          </li>
        );
      })}
    </ul>
  );
}

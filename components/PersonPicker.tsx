import { useEffect, useState } from 'preact/hooks';
import { useFieldId } from './fields';
import { findPeopleByName } from '@/utils/db/name-search';
import type { AllianceDb } from '@/utils/db/schema';
import { LIMITS, type Person } from '@/utils/model';
import { ui } from '@/utils/i18n';

/** How many matches the picker offers: enough to choose, few enough to read. */
const MATCHES = 8;

interface PersonPickerProps {
  db: AllianceDb;
  label: string;
  /** Never offered (the person whose record this is). */
  excludeSlug: string;
  /** The words on each match's button, e.g. "Tie to Dana Lee". */
  action(person: Person): string;
  onPick(person: Person): void;
}

/** Finds a known person by name: type a few letters, then choose one of the buttons. */
export function PersonPicker({ db, label, excludeSlug, action, onPick }: PersonPickerProps) {
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<Person[]>([]);
  const id = useFieldId('picker');

  useEffect(() => {
    let current = true;
    findPeopleByName(db, text, MATCHES, excludeSlug)
      .then((found) => current && setMatches(found))
      .catch(() => current && setMatches([]));
    return () => {
      current = false;
    };
  }, [db, text, excludeSlug]);

  return (
    <div class="stack">
      <div class="field">
        <label for={id}>{label}</label>
        <input
          id={id}
          type="search"
          maxLength={LIMITS.name}
          autocomplete="off"
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </div>
      {text.trim() !== '' && (
        <ul class="plain stack" aria-label={ui.t('picker_matches', { query: text.trim() })}>
          {matches.map((person) => (
            <li key={person.slug}>
              <button
                type="button"
                class="match"
                onClick={() => {
                  onPick(person);
                  setText('');
                }}
              >
                {action(person)}
                {person.company && <span class="muted"> · {person.company}</span>}
              </button>
            </li>
          ))}
          {matches.length === 0 && <li class="muted">{ui.t('picker_none')}</li>}
        </ul>
      )}
    </div>
  );
}

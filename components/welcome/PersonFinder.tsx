import { useEffect, useState } from 'preact/hooks';
import { useFieldId } from '../fields';
import { useNameMatches } from '../useNameMatches';
import { readFinderInput } from './finder-input';
import { findPerson } from '@/utils/db/lookups';
import type { SeenIdentity } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';
import { LIMITS, type Person } from '@/utils/model';
import { ui } from '@/utils/i18n';

interface PersonFinderProps {
  db: AllianceDb;
  label: string;
  /** The words on the button that adds someone, e.g. "Add Dana Lee as a mentor". */
  action(name: string): string;
  onChoose(person: SeenIdentity): void;
}

/**
 * Finds someone by typing their name (among the imported connections and the people already
 * known) or by pasting their LinkedIn profile address (a new person, named from the address
 * until the user corrects it).
 */
export function PersonFinder({ db, label, action, onChoose }: PersonFinderProps) {
  const [text, setText] = useState('');
  const [known, setKnown] = useState<Person | null>(null);
  const [name, setName] = useState('');
  const id = useFieldId('finder');
  const input = readFinderInput(text);
  const slug = input.kind === 'profile' ? input.slug : null;
  const matches = useNameMatches(db, input.kind === 'name' ? input.text : '');

  // A pasted address may name someone already known: then their record is used as it is.
  useEffect(() => {
    let current = true;
    setKnown(null);
    if (input.kind === 'profile') {
      findPerson(db, input.slug)
        .then((person) => current && setKnown(person ?? null))
        .catch(() => undefined);
    }
    return () => {
      current = false;
    };
  }, [db, slug]);

  const choose = (person: SeenIdentity) => {
    onChoose(person);
    setText('');
  };

  return (
    <div class="stack finder">
      <div class="field">
        <label for={id}>{label}</label>
        <input
          id={id}
          type="search"
          maxLength={2000}
          autocomplete="off"
          placeholder={ui.t('finder_placeholder')}
          value={text}
          onInput={(event) => {
            const next = event.currentTarget.value;
            // A new address names its person from the address, in the same render that shows
            // the name field: set after it (in an effect), it overwrote a name typed at once.
            const pasted = readFinderInput(next);
            if (pasted.kind === 'profile' && pasted.slug !== slug) setName(pasted.name);
            setText(next);
          }}
        />
      </div>
      {input.kind === 'not-a-profile' && (
        <p class="error" role="status">
          {ui.t('finder_notProfile')}
        </p>
      )}
      {input.kind === 'profile' &&
        (known ? (
          <button type="button" class="match" onClick={() => choose({ slug: known.slug })}>
            {action(known.name || known.slug)}
          </button>
        ) : (
          <div class="row">
            <div class="field">
              <label for={`${id}-name`}>{ui.t('finder_theirName')}</label>
              <input
                id={`${id}-name`}
                type="text"
                maxLength={LIMITS.name}
                value={name}
                onInput={(event) => setName(event.currentTarget.value)}
              />
            </div>
            <button
              type="button"
              class="match"
              disabled={!name.trim()}
              onClick={() => choose({ slug: input.slug, name: name.trim() })}
            >
              {action(name.trim() || input.slug)}
            </button>
          </div>
        ))}
      {input.kind === 'name' && (
        <ul class="plain stack" aria-label={ui.t('finder_namedLike', { text: input.text })}>
          {matches.map((person) => (
            <li key={person.slug}>
              <button type="button" class="match" onClick={() => choose({ slug: person.slug })}>
                {action(person.name || person.slug)}
                {person.company && <span class="muted"> · {person.company}</span>}
              </button>
            </li>
          ))}
          {matches.length === 0 && <li class="muted">{ui.t('finder_nobody')}</li>}
        </ul>
      )}
    </div>
  );
}

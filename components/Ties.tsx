import { useState } from 'preact/hooks';
import { useFieldId } from './fields';
import { PersonPicker } from './PersonPicker';
import { liveValue, useLiveQuery } from './useLiveQuery';
import { loadTies } from '@/utils/db/panel-reads';
import { addTie, removeTie } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';
import { LIMITS } from '@/utils/model';

interface TiesProps {
  db: AllianceDb;
  slug: string;
  name: string;
  report(kind: 'ok' | 'error', text: string): void;
  onOpen(slug: string): void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Who this person is strongly connected to: influence travels along these ties. */
export function Ties({ db, slug, name, report, onOpen }: TiesProps) {
  const live = useLiveQuery(() => loadTies(db, slug), [slug]);
  const ties = liveValue(live, []);
  const [label, setLabel] = useState('');
  const id = useFieldId('ties');

  return (
    <section class="stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Ties</h3>
      {ties.length > 0 ? (
        <ul class="plain stack">
          {ties.map(({ tie, otherSlug, otherName }) => (
            <li key={tie.id} class="row">
              <button type="button" class="link" onClick={() => onOpen(otherSlug)}>
                {otherName}
              </button>
              {tie.label && <span class="muted">{tie.label}</span>}
              <button
                type="button"
                aria-label={`Remove the tie to ${otherName}`}
                onClick={() =>
                  void removeTie(db, tie.id)
                    .then(() => report('ok', `Removed the tie to ${otherName}.`))
                    .catch((error: unknown) => report('error', errorText(error)))
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        live.status === 'ready' && <p class="muted">No ties recorded.</p>
      )}
      <div class="field">
        <label for={`${id}-label`}>How they are connected (optional)</label>
        <input
          id={`${id}-label`}
          type="text"
          maxLength={LIMITS.label}
          value={label}
          onInput={(event) => setLabel(event.currentTarget.value)}
        />
      </div>
      <PersonPicker
        db={db}
        label={`Tie ${name} to…`}
        excludeSlug={slug}
        action={(other) => `Tie to ${other.name || other.slug}`}
        onPick={(other) => {
          addTie(db, slug, other.slug, label, Date.now())
            .then(() => {
              setLabel('');
              report('ok', `Tied to ${other.name || other.slug}.`);
            })
            .catch((error: unknown) => report('error', errorText(error)));
        }}
      />
    </section>
  );
}

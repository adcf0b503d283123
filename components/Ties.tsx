import { useFieldId } from './fields';
import { TieAdder } from './TieAdder';
import { liveValue, useLiveQuery } from './useLiveQuery';
import { loadTies } from '@/utils/db/panel-reads';
import { addTie, removeTie } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';

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
      <TieAdder
        db={db}
        slug={slug}
        name={name}
        onTie={(other, label) =>
          addTie(db, slug, other.slug, label, Date.now()).then(
            () => {
              report('ok', `Tied to ${other.name || other.slug}.`);
              return true;
            },
            (error: unknown) => {
              report('error', errorText(error));
              return false;
            },
          )
        }
      />
    </section>
  );
}

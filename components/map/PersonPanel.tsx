import { PlacementChoices } from '../PlacementChoices';
import { TieAdder } from '../TieAdder';
import type { AllianceDb } from '@/utils/db/schema';
import { tiesOf, type MapData } from '@/utils/loaders/map';
import type { Placement } from '@/utils/map/edits';
import type { MapPerson } from '@/utils/map/layout';
import { AWARENESS_TEXT } from '@/utils/map/labels';

interface PersonPanelProps {
  db: AllianceDb;
  data: MapData;
  person: MapPerson;
  onPlace(patch: Partial<Placement>): void;
  onTie(other: { slug: string; name: string }, label: string): Promise<boolean>;
  onUntie(other: { slug: string; name: string }): void;
  onOpenRecord(): void;
  onRoute(): void;
  onClose(): void;
}

/** The person chosen on the map: where they sit (one click each), their ties, their record. */
export function PersonPanel(props: PersonPanelProps) {
  const { db, data, person } = props;
  const ties = tiesOf(data, person.slug);
  return (
    <section class="stack map-panel" aria-labelledby="person-panel-title">
      <header class="row panel-head">
        <h2 id="person-panel-title" tabIndex={-1}>
          {person.name}
        </h2>
        <button type="button" onClick={props.onClose} aria-label={`Close ${person.name}`}>
          Close
        </button>
      </header>
      {person.isKeyHolder && (
        <p>
          Key holder: {person.name} {AWARENESS_TEXT[person.awareness ?? 'none']}.
        </p>
      )}
      <div class="row">
        <button type="button" class="primary" onClick={props.onOpenRecord}>
          Open the record
        </button>
        {person.isKeyHolder && (
          <button type="button" onClick={props.onRoute}>
            Who can get me to them?
          </button>
        )}
      </div>
      <PlacementChoices placement={person} onChoose={props.onPlace} />
      <section class="stack" aria-labelledby="person-ties-title">
        <h3 id="person-ties-title">Ties</h3>
        {ties.length ? (
          <ul class="plain stack">
            {ties.map(({ tie, other, name }) => (
              <li key={tie.id} class="row">
                <span>{name}</span>
                {tie.label && <span class="muted">{tie.label}</span>}
                <button
                  type="button"
                  aria-label={`Remove the tie to ${name}`}
                  onClick={() => props.onUntie({ slug: other, name })}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">No ties recorded.</p>
        )}
        <TieAdder
          db={db}
          slug={person.slug}
          name={person.name}
          onTie={(other, label) =>
            props.onTie({ slug: other.slug, name: other.name || other.slug }, label)
          }
        />
      </section>
    </section>
  );
}

import { PlacementChoices } from '../PlacementChoices';
import { TieAdder } from '../TieAdder';
import type { AllianceDb } from '@/utils/db/schema';
import { tiesOf, type MapData } from '@/utils/loaders/map';
import type { Placement } from '@/utils/map/edits';
import type { MapPerson } from '@/utils/map/layout';
import { keyHolderSentence } from '@/utils/map/labels';
import { ui } from '@/utils/i18n';

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
        <button
          type="button"
          onClick={props.onClose}
          aria-label={ui.t('map_closeLabel', { name: person.name })}
        >
          {ui.t('map_close')}
        </button>
      </header>
      {person.isKeyHolder && <p>{keyHolderSentence(person.name, person.awareness, ui)}</p>}
      <div class="row">
        <button type="button" class="primary" onClick={props.onOpenRecord}>
          {ui.t('map_openRecord')}
        </button>
        {person.isKeyHolder && (
          <button type="button" onClick={props.onRoute}>
            {ui.t('map_routeTitle')}
          </button>
        )}
      </div>
      <PlacementChoices placement={person} onChoose={props.onPlace} />
      <section class="stack" aria-labelledby="person-ties-title">
        <h3 id="person-ties-title">{ui.t('ties_title')}</h3>
        {ties.length ? (
          <ul class="plain stack">
            {ties.map(({ tie, other, name }) => (
              <li key={tie.id} class="row">
                <span dir="auto">{name}</span>
                {tie.label && (
                  <span class="muted" dir="auto">
                    {tie.label}
                  </span>
                )}
                <button
                  type="button"
                  aria-label={ui.t('ties_removeLabel', { name })}
                  onClick={() => props.onUntie({ slug: other, name })}
                >
                  {ui.t('ties_remove')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{ui.t('ties_none')}</p>
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

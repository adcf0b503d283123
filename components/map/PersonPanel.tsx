import { useState } from 'preact/hooks';
import { OneClickChoice } from '../OneClickChoice';
import { PersonPicker } from '../PersonPicker';
import type { AllianceDb } from '@/utils/db/schema';
import { tiesOf, type MapData } from '@/utils/map/data';
import type { Placement } from '@/utils/map/edits';
import { MAP_INFLUENCES, MAP_LEVELS, MAP_STANCES, type MapPerson } from '@/utils/map/layout';
import { AWARENESS_TEXT } from '@/utils/map/labels';
import { LABELS, LIMITS } from '@/utils/model';

interface PersonPanelProps {
  db: AllianceDb;
  data: MapData;
  person: MapPerson;
  onPlace(patch: Partial<Placement>): void;
  onTie(other: { slug: string; name: string }, label: string): void;
  onUntie(other: { slug: string; name: string }): void;
  onOpenRecord(): void;
  onRoute(): void;
  onClose(): void;
}

/** The person chosen on the map: where they sit (one click each), their ties, their record. */
export function PersonPanel(props: PersonPanelProps) {
  const { db, data, person } = props;
  const [label, setLabel] = useState('');
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
      <OneClickChoice
        legend="Level above you"
        value={person.level}
        options={MAP_LEVELS}
        labels={LABELS.level}
        onChoose={(level) => props.onPlace({ level })}
      />
      <OneClickChoice
        legend="Stance toward you"
        value={person.stance}
        options={MAP_STANCES}
        labels={LABELS.stance}
        onChoose={(stance) => props.onPlace({ stance })}
      />
      <OneClickChoice
        legend="Influence on your career"
        value={person.influence}
        options={MAP_INFLUENCES}
        labels={LABELS.influence}
        onChoose={(influence) => props.onPlace({ influence })}
      />
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
        <div class="field">
          <label for="person-tie-label">How they are connected (optional)</label>
          <input
            id="person-tie-label"
            type="text"
            maxLength={LIMITS.label}
            value={label}
            onInput={(event) => setLabel(event.currentTarget.value)}
          />
        </div>
        <PersonPicker
          db={db}
          label={`Tie ${person.name} to…`}
          excludeSlug={person.slug}
          action={(other) => `Tie to ${other.name || other.slug}`}
          onPick={(other) => {
            props.onTie({ slug: other.slug, name: other.name || other.slug }, label);
            setLabel('');
          }}
        />
      </section>
    </section>
  );
}

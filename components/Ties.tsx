import { useState } from 'preact/hooks';
import { useFieldId } from './fields';
import { PersonPicker } from './PersonPicker';
import { liveValue, useLiveQuery } from './useLiveQuery';
import { loadTies } from '@/utils/db/panel-reads';
import { addTie, removeTie } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';
import { LIMITS } from '@/utils/model';
import { ui } from '@/utils/i18n';
import { errorText } from '@/utils/i18n/user-error';

interface TiesProps {
  db: AllianceDb;
  slug: string;
  name: string;
  report(kind: 'ok' | 'error', text: string): void;
  onOpen(slug: string): void;
}

/** Who this person is strongly connected to: influence travels along these ties. */
export function Ties({ db, slug, name, report, onOpen }: TiesProps) {
  const live = useLiveQuery(() => loadTies(db, slug), [slug]);
  const ties = liveValue(live, []);
  const [label, setLabel] = useState('');
  const id = useFieldId('ties');

  return (
    <section class="stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{ui.t('ties_title')}</h3>
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
                aria-label={ui.t('ties_removeLabel', { name: otherName })}
                onClick={() =>
                  void removeTie(db, tie.id)
                    .then(() => report('ok', ui.t('ties_removed', { name: otherName })))
                    .catch((error: unknown) => report('error', errorText(ui, error)))
                }
              >
                {ui.t('ties_remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        live.status === 'ready' && <p class="muted">{ui.t('ties_none')}</p>
      )}
      <div class="field">
        <label for={`${id}-label`}>{ui.t('ties_how')}</label>
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
        label={ui.t('ties_pickerLabel', { name })}
        excludeSlug={slug}
        action={(other) => ui.t('ties_pickAction', { name: other.name || other.slug })}
        onPick={(other) => {
          addTie(db, slug, other.slug, label, Date.now())
            .then(() => {
              setLabel('');
              report('ok', ui.t('ties_tied', { name: other.name || other.slug }));
            })
            .catch((error: unknown) => report('error', errorText(ui, error)));
        }}
      />
    </section>
  );
}

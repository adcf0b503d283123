import { useFieldId } from './fields';
import { TieAdder } from './TieAdder';
import { liveValue, useLiveQuery } from './useLiveQuery';
import { loadTies } from '@/utils/db/panel-reads';
import { addTie, removeTie } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';
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
      <TieAdder
        db={db}
        slug={slug}
        name={name}
        onTie={(other, label) =>
          addTie(db, slug, other.slug, label, Date.now()).then(
            () => {
              report('ok', ui.t('ties_tied', { name: other.name || other.slug }));
              return true;
            },
            (error: unknown) => {
              report('error', errorText(ui, error));
              return false;
            },
          )
        }
      />
    </section>
  );
}

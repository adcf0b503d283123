import { useFieldId } from '../fields';
import { displayName } from '@/utils/insights/alliance';
import type { RouteToKeyHolder } from '@/utils/insights/paths';
import type { InsightPerson } from '@/utils/insights/types';
import { labelKey, ui } from '@/utils/i18n';

interface RoutePanelProps {
  keyHolders: readonly InsightPerson[];
  record: readonly InsightPerson[];
  target: string | null;
  route: RouteToKeyHolder | null;
  onChoose(slug: string | null): void;
  onOpenRecord(slug: string): void;
  onShow(slug: string): void;
}

/**
 * "Who can get me to them?": choose a key holder; the map lights up the ways in, and this lists
 * who could put the user's name forward and the next action on the best way.
 */
export function RoutePanel({ keyHolders, record, target, route, ...props }: RoutePanelProps) {
  const id = useFieldId('route');
  const names = new Map(record.map((person) => [person.slug, displayName(person)]));
  const nameOf = (slug: string) => names.get(slug) ?? slug;
  const targetName = target ? nameOf(target) : '';
  return (
    <section class="stack map-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Who can get me to them?</h2>
      {keyHolders.length === 0 ? (
        <p class="muted">
          No key holder yet: set the level and influence of the people above you, or mark who
          decides your promotion in their record.
        </p>
      ) : (
        <div class="field">
          <label for={`${id}-target`}>Key holder</label>
          <select
            id={`${id}-target`}
            value={target ?? ''}
            onChange={(event) => props.onChoose(event.currentTarget.value || null)}
          >
            <option value="">Choose a key holder</option>
            {keyHolders.map((person) => (
              <option key={person.slug} value={person.slug}>
                {displayName(person)} ({ui.t(labelKey('level', person.level))})
              </option>
            ))}
          </select>
        </div>
      )}
      {route && (
        <div class="stack" data-testid="route">
          <div class="next-step">
            <h3>Next action</h3>
            <p data-testid="route-next">{route.next.text}.</p>
            <div class="row">
              <button type="button" onClick={() => props.onOpenRecord(route.next.personSlug)}>
                Open {route.next.personName}'s record
              </button>
              <button type="button" onClick={() => props.onShow(route.next.personSlug)}>
                Show {route.next.personName} on the map
              </button>
            </div>
          </div>
          <h3>Who could put your name forward to {targetName}</h3>
          {route.carriers.length ? (
            <ol class="stack carriers" data-testid="route-carriers">
              {route.carriers.map((carrier) => (
                <li key={carrier.slug}>
                  <strong>{carrier.name}</strong>{' '}
                  <span class="muted">
                    {carrier.backsMe
                      ? `backs you and is tied to ${targetName}`
                      : `is tied to ${targetName}; reach them through ${carrier.path.slugs
                          .slice(0, -2)
                          .map(nameOf)
                          .join(', then ')}`}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p class="muted">
              {route.direct
                ? `${targetName} backs you: you can go to them directly.`
                : `Nobody who backs you is within three ties of ${targetName}.`}
            </p>
          )}
          {route.paths.length > 0 && (
            <>
              <h3>The ways in, best first</h3>
              <ol class="stack" data-testid="route-paths">
                {route.paths.map((path) => (
                  <li key={path.slugs.join('>')}>
                    You → {path.slugs.map(nameOf).join(' → ')}{' '}
                    <span class="muted">
                      ({path.ties} {path.ties === 1 ? 'tie' : 'ties'})
                    </span>
                  </li>
                ))}
              </ol>
            </>
          )}
          <button type="button" onClick={() => props.onChoose(null)}>
            Clear the ways in
          </button>
        </div>
      )}
    </section>
  );
}

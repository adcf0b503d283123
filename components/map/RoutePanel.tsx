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
      <h2 id={`${id}-title`}>{ui.t('map_routeTitle')}</h2>
      {keyHolders.length === 0 ? (
        <p class="muted">{ui.t('map_routeNoKeyHolder')}</p>
      ) : (
        <div class="field">
          <label for={`${id}-target`}>{ui.t('map_routeKeyHolder')}</label>
          <select
            id={`${id}-target`}
            value={target ?? ''}
            onChange={(event) => props.onChoose(event.currentTarget.value || null)}
          >
            <option value="">{ui.t('map_routeChoose')}</option>
            {keyHolders.map((person) => (
              <option key={person.slug} value={person.slug}>
                {ui.t('map_routeOption', {
                  name: displayName(person),
                  level: ui.t(labelKey('level', person.level)),
                })}
              </option>
            ))}
          </select>
        </div>
      )}
      {route && (
        <div class="stack" data-testid="route">
          <div class="next-step">
            <h3>{ui.t('map_routeNext')}</h3>
            <p data-testid="route-next">{route.next.text}</p>
            <div class="row">
              <button type="button" onClick={() => props.onOpenRecord(route.next.personSlug)}>
                {ui.t('map_routeOpenRecord', { name: route.next.personName })}
              </button>
              <button type="button" onClick={() => props.onShow(route.next.personSlug)}>
                {ui.t('map_routeShow', { name: route.next.personName })}
              </button>
            </div>
          </div>
          <h3>{ui.t('map_routeCarriers', { name: targetName })}</h3>
          {route.carriers.length ? (
            <ol class="stack carriers" data-testid="route-carriers">
              {route.carriers.map((carrier) => (
                <li key={carrier.slug}>
                  <strong dir="auto">{carrier.name}</strong>{' '}
                  <span class="muted">
                    {carrier.backsMe
                      ? ui.t('map_routeBacksYou', { name: targetName })
                      : ui.t('map_routeReach', {
                          name: targetName,
                          path: carrier.path.slugs
                            .slice(0, -2)
                            .map(nameOf)
                            .reduce((first, next) => ui.t('map_routeThen', { first, next })),
                        })}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p class="muted">
              {route.direct
                ? ui.t('map_routeDirect', { name: targetName })
                : ui.t('map_routeNobody', { name: targetName })}
            </p>
          )}
          {route.paths.length > 0 && (
            <>
              <h3>{ui.t('map_routePaths')}</h3>
              <ol class="stack" data-testid="route-paths">
                {route.paths.map((path) => (
                  <li key={path.slugs.join('>')}>
                    {ui.t('map_routePath', {
                      path: path.slugs
                        .map(nameOf)
                        .reduce((first, next) => ui.t('map_routeStep', { first, next })),
                      ties: ui.n('count_ties', path.ties),
                    })}
                  </li>
                ))}
              </ol>
            </>
          )}
          <button type="button" onClick={() => props.onChoose(null)}>
            {ui.t('map_routeClear')}
          </button>
        </div>
      )}
    </section>
  );
}

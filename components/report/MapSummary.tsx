import { rich } from '@/components/rich';
import { FIRST_RUN_PATH } from '@/utils/first-run';
import { ui, type Translator } from '@/utils/i18n';
import type { WeeklyReport } from '@/utils/insights/types';

/** The alliance map in one sentence: who decides, who knows the user's work, who backs them. */
export function mapSummary(map: WeeklyReport['map'], t: Translator = ui): string {
  const holders = map.nodes.filter((node) => node.isKeyHolder);
  const aware = holders.filter((node) => node.awareness === 'full').length;
  const backers = map.nodes.length - holders.length + map.omitted;
  return t.n('mapSummary_text', aware, {
    holders: t.n('count_keyHolders', holders.length),
    backers: t.n('count_people', backers),
  });
}

/**
 * The report's part of the alliance map: what it holds, and the way to the map page, where it
 * is drawn, edited and searched for ways in (one map, not two). With nobody on it yet, the way
 * to the first run that builds it.
 */
export function MapSummary({ map }: { map: WeeklyReport['map'] }) {
  if (map.nodes.length === 0) {
    return (
      <p>
        {rich(ui.t('mapSummary_empty'), {
          link: (
            <a href={FIRST_RUN_PATH} target="_blank">
              {ui.t('report_buildMap')}
            </a>
          ),
        })}
      </p>
    );
  }
  return (
    <p>
      {rich(ui.t('mapSummary_open'), {
        summary: mapSummary(map),
        link: (
          <a href="/map.html" target="_blank">
            {ui.t('mapSummary_openLink')}
          </a>
        ),
      })}
    </p>
  );
}

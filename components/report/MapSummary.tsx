import { FIRST_RUN_PATH } from '@/utils/first-run';
import { plural } from '@/utils/format';
import type { WeeklyReport } from '@/utils/insights/types';

/** The alliance map in one sentence: who decides, who knows the user's work, who backs them. */
export function mapSummary(map: WeeklyReport['map']): string {
  const holders = map.nodes.filter((node) => node.isKeyHolder);
  const aware = holders.filter((node) => node.awareness === 'full').length;
  const backers = map.nodes.length - holders.length + map.omitted;
  return `${plural(holders.length, 'key holder')}, of whom ${aware} ${aware === 1 ? 'knows' : 'know'} your recent work, and ${plural(backers, 'person', 'people')} who back you.`;
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
        Nobody on your map yet.{' '}
        <a href={FIRST_RUN_PATH} target="_blank">
          Build your map step by step
        </a>
        : who decides your next promotion, your mentors, a sponsor, allies and a board of advisors.
      </p>
    );
  }
  return (
    <p>
      {mapSummary(map)}{' '}
      <a href="/map.html" target="_blank">
        Open the alliance map
      </a>{' '}
      to see who decides and who backs you, move people, draw ties and find the ways in to a key
      holder.
    </p>
  );
}

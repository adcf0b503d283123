import { OneClickChoice } from './OneClickChoice';
import type { Placement } from '@/utils/map/edits';
import { INFLUENCES, LABELS, LEVELS, STANCES } from '@/utils/model';

/**
 * Where a person sits for the user, one click each: level above them, stance toward them,
 * influence on their career (the map's panel and the first run).
 */
export function PlacementChoices({
  who,
  placement,
  onChoose,
}: {
  /** Named in each legend when several people are listed together. */
  who?: string;
  placement: Placement;
  onChoose(patch: Partial<Placement>): void;
}) {
  const legend = (what: string) =>
    who ? `${who}'s ${what}` : what.charAt(0).toUpperCase() + what.slice(1);
  return (
    <>
      <OneClickChoice
        legend={legend('level above you')}
        value={placement.level}
        options={LEVELS}
        labels={LABELS.level}
        onChoose={(level) => onChoose({ level })}
      />
      <OneClickChoice
        legend={legend('influence on your career')}
        value={placement.influence}
        options={INFLUENCES}
        labels={LABELS.influence}
        onChoose={(influence) => onChoose({ influence })}
      />
      <OneClickChoice
        legend={legend('stance toward you')}
        value={placement.stance}
        options={STANCES}
        labels={LABELS.stance}
        onChoose={(stance) => onChoose({ stance })}
      />
    </>
  );
}

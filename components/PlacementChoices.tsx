import { OneClickChoice } from './OneClickChoice';
import type { Placement } from '@/utils/map/edits';
import { labelKey, ui, type MessageKey } from '@/utils/i18n';
import { INFLUENCES, LEVELS, STANCES } from '@/utils/model';

/** The labels of a closed set of values, in the user's language. */
function labelsOf<P extends 'level' | 'influence' | 'stance', V extends string>(
  prefix: P,
  values: readonly V[],
): Record<V, string> {
  return Object.fromEntries(
    values.map((value) => [value, ui.t(labelKey(prefix, value) as MessageKey)]),
  ) as Record<V, string>;
}

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
  const legend = (what: 'Level' | 'Influence' | 'Stance') =>
    who ? ui.t(`placement_${what}Of`, { name: who }) : ui.t(`placement_${what}`);
  return (
    <>
      <OneClickChoice
        legend={legend('Level')}
        value={placement.level}
        options={LEVELS}
        labels={labelsOf('level', LEVELS)}
        onChoose={(level) => onChoose({ level })}
      />
      <OneClickChoice
        legend={legend('Influence')}
        value={placement.influence}
        options={INFLUENCES}
        labels={labelsOf('influence', INFLUENCES)}
        onChoose={(influence) => onChoose({ influence })}
      />
      <OneClickChoice
        legend={legend('Stance')}
        value={placement.stance}
        options={STANCES}
        labels={labelsOf('stance', STANCES)}
        onChoose={(stance) => onChoose({ stance })}
      />
    </>
  );
}

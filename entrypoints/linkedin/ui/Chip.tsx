import { RoleChips } from '@/components/RoleChips';
import type { ChipSummary } from '@/utils/messaging/protocol';
import { LABELS, ROLE_PRIORITY } from '@/utils/model';

/** A known person's roles next to their name in a list; read-only, so it adds no controls. */
export function Chip({ chip }: { chip: ChipSummary }) {
  const label = ROLE_PRIORITY.filter((r) => chip.roles.includes(r))
    .map((r) => LABELS.role[r])
    .join(', ');
  return (
    <span class="chips" title={`Alliance Map: ${label}`}>
      <RoleChips roles={chip.roles} />
      {chip.overdueFollowUps > 0 && <span class="due">overdue</span>}
    </span>
  );
}

import { RoleChips } from '@/components/RoleChips';
import type { ChipSummary } from '@/utils/messaging/protocol';
import { labelKey, ui } from '@/utils/i18n';
import { ROLE_PRIORITY } from '@/utils/model';

/** A known person's roles next to their name in a list; read-only, so it adds no controls. */
export function Chip({ chip }: { chip: ChipSummary }) {
  const roles = ui.list(
    ROLE_PRIORITY.filter((r) => chip.roles.includes(r)).map((r) => ui.t(labelKey('role', r))),
  );
  return (
    <span class="chips" title={ui.t('chip_title', { roles })} lang={ui.locale} dir={ui.dir}>
      <RoleChips roles={chip.roles} />
      {chip.overdueFollowUps > 0 && <span class="due">{ui.t('chip_overdue')}</span>}
    </span>
  );
}

import { labelKey, ui } from '@/utils/i18n';
import { ROLES, type Role } from '@/utils/model';

/** One pressed-or-not button per role: the two-click tag of the badge, popup and side panel. */
export function RoleToggles({
  roles,
  onToggle,
  class: className = 'row',
}: {
  roles: readonly Role[];
  onToggle(role: Role): void;
  class?: string;
}) {
  return (
    <div class={className} role="group" aria-label={ui.t('common_roles')}>
      {ROLES.map((role) => (
        <button
          key={role}
          type="button"
          aria-pressed={roles.includes(role)}
          onClick={() => onToggle(role)}
        >
          {ui.t(labelKey('role', role))}
        </button>
      ))}
    </div>
  );
}

import { labelKey, ui } from '@/utils/i18n';
import { ROLE_PRIORITY, type Role } from '@/utils/model';

/** The roles of a person as coloured chips, most career-relevant first. */
export function RoleChips({ roles }: { roles: readonly Role[] }) {
  const ordered = ROLE_PRIORITY.filter((role) => roles.includes(role));
  return (
    <>
      {ordered.map((role) => (
        <span key={role} class={`role role-${role}`}>
          {ui.t(labelKey('role', role))}
        </span>
      ))}
    </>
  );
}

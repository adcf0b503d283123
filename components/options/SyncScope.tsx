import { useLiveQuery } from '@/components/useLiveQuery';
import type { AllianceDb } from '@/utils/db/schema';
import { ui } from '@/utils/i18n';
import { readState } from '@/utils/sync/tables';

/**
 * Where a restore or "delete everything" applies while sync is on (docs/sync.md, "Restoring or
 * deleting everything"): on every device that syncs, or only here, with sync turned off here
 * first so that nothing of it reaches the others.
 */
export type SyncScope = 'everywhere' | 'here';

/** What a section asks about. */
export type ScopedAction = 'delete' | 'replace';

/** Whether sync is on here, kept current; undefined while it is being read. */
export function useSyncIsOn(db: AllianceDb): boolean | undefined {
  const state = useLiveQuery(async () => (await readState(db, 'account')) !== undefined, [db]);
  return state.status === 'ready' ? state.value : undefined;
}

/** The question, with sync on: no choice is made for the user. */
export function SyncScopeChoice({
  action,
  scope,
  onScope,
}: {
  action: ScopedAction;
  scope: SyncScope | undefined;
  onScope(scope: SyncScope): void;
}) {
  const option = (value: SyncScope) => (
    <label class="check">
      <input
        type="radio"
        name={`sync-scope-${action}`}
        value={value}
        checked={scope === value}
        onChange={() => onScope(value)}
      />
      <span>
        <strong>{ui.t(`syncScope_${action}_${value}`)}</strong>{' '}
        <span class="muted">{ui.t(`syncScope_${value}Hint`)}</span>
      </span>
    </label>
  );
  return (
    <fieldset class="stack" data-testid={`sync-scope-${action}`}>
      <legend>{ui.t(`syncScope_${action}_question`)}</legend>
      {option('everywhere')}
      {option('here')}
    </fieldset>
  );
}

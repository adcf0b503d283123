import { useEffect, useRef, useState } from 'preact/hooks';
import { RoleChips } from '@/components/RoleChips';
import { RoleToggles } from '@/components/RoleToggles';
import type { PersonSummary } from '@/utils/db/lookups';
import { ui } from '@/utils/i18n';
import type { Role } from '@/utils/model';

interface BadgeProps {
  summary: PersonSummary | null;
  now: number;
  onToggleRole(role: Role): void;
  /**
   * Opens the side panel; resolves with the browser's answer (null when the background did not
   * answer) and, when it would not open from here, the shortcut that opens it.
   */
  onOpenRecord(): Promise<{ opened: boolean; shortcut: string | null } | null>;
}

/** What the badge says when the browser would not open the side panel from it (Firefox never does). */
export function howToOpenRecord(
  answer: { opened: boolean; shortcut: string | null } | null,
): string | null {
  if (answer?.opened) return null;
  return answer?.shortcut
    ? ui.t('badge_openWithShortcut', { shortcut: answer.shortcut })
    : ui.t('badge_openFromToolbar');
}

/**
 * What the user privately knows about the person on this profile, next to their name: roles,
 * notes, last touch, what is overdue. An unknown person gets a two-click tag. No text input
 * here: typing belongs in the popup and side panel, out of LinkedIn's reach.
 */
export function Badge({ summary, now, onToggleRole, onOpenRecord }: BadgeProps) {
  const [tagging, setTagging] = useState(false);
  /** Set when the browser would not open the panel from the badge: how the user can open it. */
  const [howToOpen, setHowToOpen] = useState<string | null>(null);
  const roles = summary?.roles ?? [];
  const known = roles.length > 0 || (summary?.noteCount ?? 0) > 0 || summary?.lastTouchAt != null;
  const dueNow = summary?.dueAt != null && summary.dueAt < now;
  // A record deleted elsewhere closes the role menu rather than leave it open on nobody.
  const wasKnown = useRef(known);
  useEffect(() => {
    if (wasKnown.current && !known) setTagging(false);
    wasKnown.current = known;
  }, [known]);

  return (
    <span class="badge" role="group" aria-label={ui.t('extName')} lang={ui.locale} dir={ui.dir}>
      {known && summary ? (
        <>
          <RoleChips roles={roles} />
          {summary.noteCount > 0 && (
            <span class="meta" title={ui.n('badge_notes', summary.noteCount)}>
              <span aria-hidden="true">✎ </span>
              {ui.n('badge_notes', summary.noteCount)}
            </span>
          )}
          <span class="meta">
            {summary.lastTouchAt != null
              ? ui.t('badge_lastTouch', { when: ui.ago(summary.lastTouchAt, now) })
              : ui.t('badge_noTouch')}
          </span>
          {summary.overdueFollowUps > 0 && (
            <span class="meta overdue">{ui.n('people_overdue', summary.overdueFollowUps)}</span>
          )}
          {dueNow && summary.overdueFollowUps === 0 && (
            <span class="meta overdue">{ui.t('people_dueOnly')}</span>
          )}
          <button type="button" aria-expanded={tagging} onClick={() => setTagging(!tagging)}>
            {ui.t(tagging ? 'badge_done' : 'common_roles')}
          </button>
          <button
            type="button"
            onClick={() =>
              void onOpenRecord().then((answer) => setHowToOpen(howToOpenRecord(answer)))
            }
          >
            {ui.t('badge_openRecord')}
          </button>
          {howToOpen && (
            <span class="meta" role="status">
              {howToOpen}
            </span>
          )}
        </>
      ) : (
        <button type="button" aria-expanded={tagging} onClick={() => setTagging(!tagging)}>
          {ui.t(tagging ? 'badge_close' : 'badge_tag')}
        </button>
      )}
      {tagging && <RoleToggles class="tagger" roles={roles} onToggle={onToggleRole} />}
    </span>
  );
}

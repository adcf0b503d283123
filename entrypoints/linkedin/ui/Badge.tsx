import { useEffect, useRef, useState } from 'preact/hooks';
import { RoleChips } from '@/components/RoleChips';
import { RoleToggles } from '@/components/RoleToggles';
import type { PersonSummary } from '@/utils/db/records';
import { daysAgo, plural } from '@/utils/format';
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
  const button = 'the Alliance Map toolbar button';
  return answer?.shortcut
    ? `Open it with ${answer.shortcut} or from ${button}.`
    : `Open it from ${button}.`;
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
    <span class="badge" role="group" aria-label="Alliance Map">
      {known && summary ? (
        <>
          <RoleChips roles={roles} />
          {summary.noteCount > 0 && (
            <span class="meta" title={plural(summary.noteCount, 'note')}>
              <span aria-hidden="true">✎ </span>
              {plural(summary.noteCount, 'note')}
            </span>
          )}
          <span class="meta">
            {summary.lastTouchAt != null
              ? `Last touch ${daysAgo(summary.lastTouchAt, now)}`
              : 'No touch yet'}
          </span>
          {summary.overdueFollowUps > 0 && (
            <span class="meta overdue">
              {plural(summary.overdueFollowUps, 'overdue follow-up')}
            </span>
          )}
          {dueNow && summary.overdueFollowUps === 0 && (
            <span class="meta overdue">Due for a touch</span>
          )}
          <button type="button" aria-expanded={tagging} onClick={() => setTagging(!tagging)}>
            {tagging ? 'Done' : 'Roles'}
          </button>
          <button
            type="button"
            onClick={() =>
              void onOpenRecord().then((answer) => setHowToOpen(howToOpenRecord(answer)))
            }
          >
            Open record
          </button>
          {howToOpen && (
            <span class="meta" role="status">
              {howToOpen}
            </span>
          )}
        </>
      ) : (
        <button type="button" aria-expanded={tagging} onClick={() => setTagging(!tagging)}>
          {tagging ? 'Close' : '+ Tag in Alliance Map'}
        </button>
      )}
      {tagging && <RoleToggles class="tagger" roles={roles} onToggle={onToggleRole} />}
    </span>
  );
}

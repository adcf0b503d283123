import { useSummary } from './useSummary';
import type { AllianceDb } from '@/utils/db/schema';
import type { Settings } from '@/utils/model';
import { ui } from '@/utils/i18n';

/**
 * The state of the alliance at a glance: who is due, what is overdue, how active this week was.
 */
export function Summary({
  db,
  settings,
  onOpenReport,
  onStart,
}: {
  db: AllianceDb;
  settings: Settings;
  onOpenReport(): void;
  /** Opens the first run that builds the map (utils/first-run.ts): offered while nobody is tagged. */
  onStart(): void;
}) {
  const state = useSummary(db, settings);
  if (state.status === 'loading') return <p class="muted">{ui.t('summary_loading')}</p>;
  if (state.status === 'error')
    return <p class="error">{ui.t('summary_readError', { detail: state.error.message })}</p>;
  const s = state.value;
  const now = Date.now();
  return (
    <section class="stack" aria-labelledby="summary-title">
      <h2 id="summary-title">{ui.t('summary_thisWeek')}</h2>
      {s.taggedPeople === 0 && (
        <div class="stack start-here">
          <p>{ui.t('summary_nobodyTagged')}</p>
          <button type="button" class="primary" onClick={onStart}>
            {ui.t('summary_startHere')}
          </button>
        </div>
      )}
      <p>
        {ui.n('summary_taggedPeople', s.taggedPeople)} ·{' '}
        {ui.n('summary_touchesThisWeek', s.touchesThisWeek)}
      </p>
      <dl class="scores">
        <div>
          <dt>{ui.t('common_visibility')}</dt>
          <dd>
            <strong>{ui.number(s.visibility.score)}</strong>{' '}
            <span class="muted">{ui.t('common_outOf100')}</span>
            <p>{s.visibility.reason}</p>
          </dd>
        </div>
        <div>
          <dt>{ui.t('common_connectivity')}</dt>
          <dd>
            <strong>{ui.number(s.connectivity.score)}</strong>{' '}
            <span class="muted">{ui.t('common_outOf100')}</span>
            <p>{s.connectivity.reason}</p>
          </dd>
        </div>
      </dl>
      <div>
        <h3>{ui.t('summary_dueTitle')}</h3>
        {s.taggedPeople === 0 ? (
          <p class="muted">{ui.t('summary_dueNeedsTags')}</p>
        ) : s.due.length ? (
          <ul>
            {s.due.map((p) => (
              <li key={p.slug}>
                {p.name || p.slug}{' '}
                <span class="muted">
                  {p.lastTouchAt
                    ? ui.t('summary_lastTouched', { when: ui.ago(p.lastTouchAt, now) })
                    : ui.t('summary_neverTouched')}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{ui.t('summary_nobodyDue')}</p>
        )}
      </div>
      <div>
        <h3>{ui.t('summary_overdueTitle')}</h3>
        {s.overdue.length ? (
          <ul>
            {s.overdue.map((f) => (
              <li key={f.id}>
                {f.text}{' '}
                <span class="muted">
                  {ui.t('summary_overdueItem', { name: f.personName, when: ui.ago(f.due, now) })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{ui.t('summary_nothingOverdue')}</p>
        )}
      </div>
      <button type="button" class="primary" onClick={onOpenReport}>
        {ui.t('summary_openReport')}
      </button>
    </section>
  );
}

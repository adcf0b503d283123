import { useSummary } from './useSummary';
import type { AllianceDb } from '@/utils/db/schema';
import { daysAgo, plural } from '@/utils/format';
import type { Settings } from '@/utils/model';

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
  if (state.status === 'loading') return <p class="muted">Loading your alliance…</p>;
  if (state.status === 'error')
    return <p class="error">Could not read your data: {state.error.message}</p>;
  const s = state.value;
  const now = Date.now();
  return (
    <section class="stack" aria-labelledby="summary-title">
      <h2 id="summary-title">This week</h2>
      {s.taggedPeople === 0 && (
        <div class="stack start-here">
          <p>
            Nobody tagged yet. Start with your map: import your LinkedIn connections if you like,
            then who decides your next promotion, your mentors, a sponsor, allies and a board of
            advisors, at your own pace.
          </p>
          <button type="button" class="primary" onClick={onStart}>
            Build your map
          </button>
        </div>
      )}
      <p>
        {plural(s.taggedPeople, 'tagged person', 'tagged people')} ·{' '}
        {plural(s.touchesThisWeek, 'touch', 'touches')} this week
      </p>
      <dl class="scores">
        <div>
          <dt>Visibility</dt>
          <dd>
            <strong>{s.visibility.score}</strong> <span class="muted">/ 100</span>
            <p>{s.visibility.reason}</p>
          </dd>
        </div>
        <div>
          <dt>Connectivity</dt>
          <dd>
            <strong>{s.connectivity.score}</strong> <span class="muted">/ 100</span>
            <p>{s.connectivity.reason}</p>
          </dd>
        </div>
      </dl>
      <div>
        <h3>Due for a touch</h3>
        {s.taggedPeople === 0 ? (
          <p class="muted">Tag people to see who is due for a touch.</p>
        ) : s.due.length ? (
          <ul>
            {s.due.map((p) => (
              <li key={p.slug}>
                {p.name || p.slug}{' '}
                <span class="muted">
                  {p.lastTouchAt ? `last touched ${daysAgo(p.lastTouchAt, now)}` : 'never touched'}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">Nobody is due.</p>
        )}
      </div>
      <div>
        <h3>Overdue follow-ups</h3>
        {s.overdue.length ? (
          <ul>
            {s.overdue.map((f) => (
              <li key={f.id}>
                {f.text}{' '}
                <span class="muted">
                  ({f.personName}, due {daysAgo(f.due, now)})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">Nothing overdue.</p>
        )}
      </div>
      <button type="button" class="primary" onClick={onOpenReport}>
        Open the weekly report
      </button>
    </section>
  );
}

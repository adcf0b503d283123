import { useLiveQuery } from './useLiveQuery';
import { loadSummary } from '@/utils/db/summary';
import type { AllianceDb } from '@/utils/db/schema';
import { formatDay, plural } from '@/utils/format';

/**
 * The state of the alliance at a glance: who is due, what is overdue, how active this week was.
 */
export function Summary({ db, onOpenReport }: { db: AllianceDb; onOpenReport(): void }) {
  const live = useLiveQuery(() => loadSummary(db, Date.now()), []);
  if (live.status === 'loading') return <p class="muted">Loading your alliance…</p>;
  if (live.status === 'error') return <p class="error">Could not read your data: {live.error.message}</p>;
  const s = live.value;
  return (
    <section class="stack" aria-labelledby="summary-title">
      <h2 id="summary-title">This week</h2>
      <p>
        {plural(s.taggedPeople, 'tagged person', 'tagged people')} ·{' '}
        {plural(s.touchesThisWeek, 'touch', 'touches')} this week
      </p>
      {s.visibility && (
        <p>
          <strong>Visibility {s.visibility.score}</strong> — {s.visibility.reason}
        </p>
      )}
      {s.connectivity && (
        <p>
          <strong>Connectivity {s.connectivity.score}</strong> — {s.connectivity.reason}
        </p>
      )}
      <div>
        <h3>Due for a touch</h3>
        {s.due.length ? (
          <ul>
            {s.due.map((p) => (
              <li key={p.slug}>
                {p.name || p.slug}{' '}
                <span class="muted">
                  {p.lastTouchAt ? `last ${formatDay(p.lastTouchAt)}` : 'never touched'}
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
                {f.text} <span class="muted">({f.personName}, due {formatDay(f.due)})</span>
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

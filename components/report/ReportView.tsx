import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { WeeklyReport } from '@/utils/insights/types';
import { LABELS } from '@/utils/model';
import { formatDay, plural } from '@/utils/format';
import { MapSummary } from './MapSummary';
import { ScoreCard } from './ScoreCard';
import { TouchesChart } from './TouchesChart';
import { TrendChart } from './TrendChart';

/** Lists longer than this show their first items and a button for the rest (10,000 people). */
export const LIST_PREVIEW = 10;

function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <section aria-labelledby={`${id}-title`} data-section={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** A list that shows its first items and, on request, all of them. */
function LongList<T>({
  items,
  empty,
  render,
  keyOf,
}: {
  items: readonly T[];
  empty: string;
  render(item: T): ComponentChildren;
  keyOf(item: T): string;
}) {
  const [all, setAll] = useState(false);
  if (items.length === 0) return <p class="muted">{empty}</p>;
  const shown = all ? items : items.slice(0, LIST_PREVIEW);
  return (
    <>
      <ul>
        {shown.map((item) => (
          <li key={keyOf(item)}>{render(item)}</li>
        ))}
      </ul>
      {shown.length < items.length && (
        <button type="button" class="no-print" onClick={() => setAll(true)}>
          Show all {items.length}
        </button>
      )}
    </>
  );
}

/** Everything the weekly report says, laid out for reading and printing. Pure view of a report. */
export function ReportView({ report }: { report: WeeklyReport }) {
  // With nobody on the map yet, the way to build it comes first.
  const mapIsEmpty = report.map.nodes.length === 0;
  const mapSection = (
    <Section id="map" title="Alliance map">
      <MapSummary map={report.map} />
    </Section>
  );
  return (
    <div class="report-body">
      {mapIsEmpty && mapSection}
      <Section id="scores" title="Scores">
        <div class="scores">
          <ScoreCard
            id="visibility"
            label="Visibility"
            score={report.visibility}
            change={report.change.visibility}
          />
          <ScoreCard
            id="connectivity"
            label="Connectivity"
            score={report.connectivity}
            change={report.change.connectivity}
          />
        </div>
        <h3 style={{ marginTop: 12 }}>The last 12 weeks</h3>
        <TrendChart trend={report.trend} />
      </Section>

      <Section id="next-actions" title="Next actions">
        {report.nextActions.length ? (
          <ol>
            {report.nextActions.map((action) => (
              <li key={action.personSlug} data-habit={action.habit}>
                {action.text}
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">Nothing to do this week: keep it up.</p>
        )}
      </Section>

      {!mapIsEmpty && mapSection}

      <Section id="unaware" title="Key holders who do not know your work">
        <LongList
          items={report.unawareKeyHolders}
          empty="Every key holder knows your recent work."
          keyOf={(holder) => holder.slug}
          render={(holder) => holder.reason}
        />
      </Section>

      <Section id="cold" title="Relationships going cold">
        <LongList
          items={report.goingCold}
          empty="Nobody is past their cadence."
          keyOf={(item) => item.slug}
          render={(item) => (
            <>
              <strong>{item.name}</strong> ({item.roles.map((role) => LABELS.role[role]).join(', ')}
              ):{' '}
              {item.lastTouchAt === null
                ? 'never touched'
                : `last touch ${formatDay(item.lastTouchAt)}`}
              , {plural(item.daysOverdue, 'day')} past the cadence
            </>
          )}
        />
      </Section>

      <Section id="follow-ups" title="Overdue follow-ups">
        <LongList
          items={report.overdueFollowUps}
          empty="No follow-up is overdue."
          keyOf={(item) => item.id}
          render={(item) => (
            <>
              {item.text}{' '}
              <span class="muted">
                ({item.personName}, due {formatDay(item.due)}, {plural(item.daysOverdue, 'day')}{' '}
                late)
              </span>
            </>
          )}
        />
      </Section>

      <Section id="takers" title="People you only take from">
        <LongList
          items={report.takersOnly}
          empty="You give back to everyone you received from in the last 90 days."
          keyOf={(taker) => taker.slug}
          render={(taker) => (
            <>
              <strong>{taker.name}</strong>: received {plural(taker.received90, 'time')} in 90 days,
              gave nothing
            </>
          )}
        />
      </Section>

      <Section id="gaps" title="Gaps in your alliance">
        {report.gaps.length ? (
          <ul>
            {report.gaps.map((gap) => (
              <li key={gap.id}>{gap.text}</li>
            ))}
          </ul>
        ) : (
          <p class="muted">No gaps: a sponsor, a mentor, allies and a board of 5 to 8.</p>
        )}
      </Section>

      <Section id="feedback" title="Feedback asked for">
        <p>
          You asked for feedback{' '}
          {report.feedbackAsked === 1 ? 'once' : `${report.feedbackAsked} times`} this week.
          {report.feedbackAsked === 0 && ' Ask someone "what am I missing?"'}
        </p>
      </Section>

      <Section id="touches" title="Touches per week">
        <TouchesChart weeks={report.touchesByWeek} />
      </Section>
    </div>
  );
}

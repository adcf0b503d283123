import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { NextAction, WeeklyReport } from '@/utils/insights/types';
import { emptyListText } from '@/utils/insights/wording';
import { FIRST_RUN_PATH } from '@/utils/first-run';
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

/**
 * What to do about a listed finding, after the finding itself: the step alone in a list whose
 * item says why, or the whole sentence. A first step that is among the next actions (where it
 * has its link) is named only, so an empty record does not repeat "import" in every section.
 */
function NextStep({
  action,
  whole = false,
  listed,
  onOpenSidePanel,
}: {
  action: NextAction;
  whole?: boolean;
  /** The ids of the next actions. */
  listed: ReadonlySet<string>;
  onOpenSidePanel?: () => void;
}) {
  const named = action.place !== null && listed.has(action.id);
  return (
    <span class="next-step" data-action={action.id}>
      {' '}
      <strong>Next step:</strong> {whole && !named ? action.text : `${action.step}.`}
      {!named && <PlaceLink action={action} onOpenSidePanel={onOpenSidePanel} />}
    </span>
  );
}

/** Where a first step is taken: the first run that builds the map, or the side panel. */
function PlaceLink({
  action,
  onOpenSidePanel,
}: {
  action: NextAction;
  onOpenSidePanel?: () => void;
}) {
  if (action.place === 'import')
    return (
      <>
        {' '}
        <a class="no-print" href={FIRST_RUN_PATH}>
          Build your map step by step
        </a>
      </>
    );
  if (action.place === 'side-panel' && onOpenSidePanel)
    return (
      <>
        {' '}
        <button type="button" class="no-print" onClick={onOpenSidePanel}>
          Open the side panel
        </button>
      </>
    );
  return null;
}

/**
 * Everything the weekly report says, laid out for reading and printing. Pure view of a report;
 * `onOpenSidePanel` is given where the page can open it (a first step is taken there).
 */
export function ReportView({
  report,
  onOpenSidePanel,
}: {
  report: WeeklyReport;
  onOpenSidePanel?: () => void;
}) {
  const empty = emptyListText(report.counts);
  const { newRole, feedback, payItForward } = report;
  const listed = new Set(report.nextActions.map((action) => action.id));
  const step = (action: NextAction, whole = false) => (
    <NextStep action={action} whole={whole} listed={listed} onOpenSidePanel={onOpenSidePanel} />
  );
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
      {newRole && (
        <Section id="new-role" title="Your first 90 days in a new role">
          <p>{newRole.text}</p>
          {newRole.toMeet.length > 0 && (
            <>
              <h3>Not met since you started</h3>
              <LongList
                items={newRole.toMeet}
                empty=""
                keyOf={(person) => person.slug}
                render={(person) => (
                  <>
                    <strong>{person.name}</strong> ({LABELS.level[person.level]}).
                    {step(person.action)}
                  </>
                )}
              />
            </>
          )}
          {newRole.action && <p>{step(newRole.action, true)}</p>}
        </Section>
      )}

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
              <li
                key={action.id}
                data-habit={action.habit ?? undefined}
                data-place={action.place ?? undefined}
              >
                {action.text}
                <PlaceLink action={action} onOpenSidePanel={onOpenSidePanel} />
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">{empty.actions}</p>
        )}
      </Section>

      {!mapIsEmpty && mapSection}

      <Section id="unaware" title="Key holders who do not know your work">
        <LongList
          items={report.unawareKeyHolders}
          empty={empty.unaware}
          keyOf={(holder) => holder.slug}
          render={(holder) => (
            <>
              {holder.reason}
              {step(holder.action)}
            </>
          )}
        />
      </Section>

      <Section id="cold" title="Relationships going cold">
        <LongList
          items={report.goingCold}
          empty={empty.cold}
          keyOf={(item) => item.slug}
          render={(item) => (
            <>
              <strong>{item.name}</strong> ({item.roles.map((role) => LABELS.role[role]).join(', ')}
              ):{' '}
              {item.lastTouchAt === null
                ? 'never touched'
                : `last touch ${formatDay(item.lastTouchAt)}`}
              , {plural(item.daysOverdue, 'day')} past the cadence.
              {step(item.action)}
            </>
          )}
        />
      </Section>

      <Section id="follow-ups" title="Overdue follow-ups">
        <LongList
          items={report.overdueFollowUps}
          empty={empty.followUps}
          keyOf={(item) => item.id}
          render={(item) => (
            <>
              {item.text}{' '}
              <span class="muted">
                ({item.personName}, due {formatDay(item.due)}, {plural(item.daysOverdue, 'day')}{' '}
                late)
              </span>
              {step(item.action)}
            </>
          )}
        />
      </Section>

      <Section id="takers" title="People you only take from">
        <LongList
          items={report.takersOnly}
          empty={empty.takers}
          keyOf={(taker) => taker.slug}
          render={(taker) => (
            <>
              <strong>{taker.name}</strong>: received {plural(taker.received90, 'time')} in 90 days,
              gave nothing.
              {step(taker.action)}
            </>
          )}
        />
      </Section>

      <Section id="gaps" title="Gaps in your alliance">
        <LongList
          items={report.gaps}
          empty={empty.gaps}
          keyOf={(gap) => gap.id}
          render={(gap) => (
            <>
              {gap.text}
              {step(gap.action, true)}
            </>
          )}
        />
      </Section>

      <Section id="basis" title="The basis of your alliances">
        <LongList
          items={report.basisRisks}
          empty={empty.basis}
          keyOf={(risk) => risk.slug}
          render={(risk) => (
            <>
              {risk.text}
              {step(risk.action, true)}
            </>
          )}
        />
      </Section>

      <Section id="feedback" title="Negative feedback">
        <p>
          {feedback.text}
          {feedback.action && step(feedback.action, true)}
        </p>
        <p class="muted">
          Feedback asked for this week:{' '}
          {report.feedbackAsked === 1 ? 'once' : `${report.feedbackAsked} times`}.
        </p>
      </Section>

      <Section id="pay-it-forward" title="Paying it forward">
        <p>
          {payItForward.text}
          {payItForward.action && step(payItForward.action, true)}
        </p>
      </Section>

      <Section id="touches" title="Touches per week">
        <TouchesChart weeks={report.touchesByWeek} empty={empty.touches} />
      </Section>
    </div>
  );
}

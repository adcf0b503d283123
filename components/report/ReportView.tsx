import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { NextAction, WeeklyReport } from '@/utils/insights/types';
import { emptyListText } from '@/utils/insights/wording';
import { FIRST_RUN_PATH } from '@/utils/first-run';
import { labelKey, ui } from '@/utils/i18n';
import { MapSummary } from './MapSummary';
import { ScoreCard } from './ScoreCard';
import { TouchesChart } from './TouchesChart';
import { TrendChart } from './TrendChart';
import { rich } from '@/components/rich';

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
          {ui.t('report_showAll', { count: items.length })}
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
      <strong>{ui.t('report_nextStep')}</strong>{' '}
      {whole && !named ? action.text : ui.t('insight_stepOnly', { step: action.step })}
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
          {ui.t('report_buildMap')}
        </a>
      </>
    );
  if (action.place === 'side-panel' && onOpenSidePanel)
    return (
      <>
        {' '}
        <button type="button" class="no-print" onClick={onOpenSidePanel}>
          {ui.t('report_openPanel')}
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
  const empty = emptyListText(report.counts, ui);
  const { newRole, feedback, payItForward } = report;
  const listed = new Set(report.nextActions.map((action) => action.id));
  const step = (action: NextAction, whole = false) => (
    <NextStep action={action} whole={whole} listed={listed} onOpenSidePanel={onOpenSidePanel} />
  );
  // With nobody on the map yet, the way to build it comes first.
  const mapIsEmpty = report.map.nodes.length === 0;
  const mapSection = (
    <Section id="map" title={ui.t('report_map')}>
      <MapSummary map={report.map} />
    </Section>
  );
  return (
    <div class="report-body">
      {mapIsEmpty && mapSection}
      {newRole && (
        <Section id="new-role" title={ui.t('report_newRoleTitle')}>
          <p>{newRole.text}</p>
          {newRole.toMeet.length > 0 && (
            <>
              <h3>{ui.t('report_notMet')}</h3>
              <LongList
                items={newRole.toMeet}
                empty=""
                keyOf={(person) => person.slug}
                render={(person) => (
                  <>
                    {rich(ui.t('report_personLevel'), {
                      name: <strong>{person.name}</strong>,
                      level: ui.t(labelKey('level', person.level)),
                    })}
                    {step(person.action)}
                  </>
                )}
              />
            </>
          )}
          {newRole.action && <p>{step(newRole.action, true)}</p>}
        </Section>
      )}

      <Section id="scores" title={ui.t('report_scores')}>
        <div class="scores">
          <ScoreCard
            id="visibility"
            label={ui.t('common_visibility')}
            score={report.visibility}
            change={report.change.visibility}
          />
          <ScoreCard
            id="connectivity"
            label={ui.t('common_connectivity')}
            score={report.connectivity}
            change={report.change.connectivity}
          />
        </div>
        <h3 style={{ marginTop: 12 }}>{ui.t('report_last12')}</h3>
        <TrendChart trend={report.trend} />
      </Section>

      <Section id="next-actions" title={ui.t('report_nextActions')}>
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

      <Section id="unaware" title={ui.t('report_unaware')}>
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

      <Section id="cold" title={ui.t('report_cold')}>
        <LongList
          items={report.goingCold}
          empty={empty.cold}
          keyOf={(item) => item.slug}
          render={(item) => (
            <>
              {rich(
                ui.n(
                  item.lastTouchAt === null ? 'report_coldNever' : 'report_coldLast',
                  item.daysOverdue,
                ),
                {
                  name: <strong>{item.name}</strong>,
                  roles: ui.list(item.roles.map((role) => ui.t(labelKey('role', role)))),
                  date: item.lastTouchAt === null ? '' : ui.day(item.lastTouchAt),
                },
              )}
              {step(item.action)}
            </>
          )}
        />
      </Section>

      <Section id="follow-ups" title={ui.t('summary_overdueTitle')}>
        <LongList
          items={report.overdueFollowUps}
          empty={empty.followUps}
          keyOf={(item) => item.id}
          render={(item) => (
            <>
              {item.text}{' '}
              <span class="muted">
                {ui.n('report_followUpLate', item.daysOverdue, {
                  name: item.personName,
                  date: ui.day(item.due),
                })}
              </span>
              {step(item.action)}
            </>
          )}
        />
      </Section>

      <Section id="takers" title={ui.t('report_takers')}>
        <LongList
          items={report.takersOnly}
          empty={empty.takers}
          keyOf={(taker) => taker.slug}
          render={(taker) => (
            <>
              {rich(ui.n('report_taker', taker.received90), {
                name: <strong>{taker.name}</strong>,
              })}
              {step(taker.action)}
            </>
          )}
        />
      </Section>

      <Section id="gaps" title={ui.t('report_gaps')}>
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

      <Section id="basis" title={ui.t('report_basis')}>
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

      <Section id="feedback" title={ui.t('report_feedback')}>
        <p>
          {feedback.text}
          {feedback.action && step(feedback.action, true)}
        </p>
        <p class="muted">
          {ui.t('report_feedbackAsked', { times: ui.n('insight_times', report.feedbackAsked) })}
        </p>
      </Section>

      <Section id="pay-it-forward" title={ui.t('report_forward')}>
        <p>
          {payItForward.text}
          {payItForward.action && step(payItForward.action, true)}
        </p>
      </Section>

      <Section id="touches" title={ui.t('report_touches')}>
        <TouchesChart weeks={report.touchesByWeek} empty={empty.touches} />
      </Section>
    </div>
  );
}

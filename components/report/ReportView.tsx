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

/** What a next step needs from the page: which actions are listed, and where it links already. */
interface StepPlace {
  /** The ids of the next actions. */
  listed: ReadonlySet<string>;
  /** The map's section, first on the page, already leads to the first run: no second link. */
  firstRunLinked: boolean;
  onOpenSidePanel?: () => void;
}

/**
 * Findings, each followed by its next step: the first ten and, on request, all of them (a long
 * list can hold 10,000 people); what to say when there is none.
 */
function FindingList<T extends { action: NextAction }>({
  items,
  empty,
  keyOf,
  finding,
  whole = false,
  place,
}: {
  items: readonly T[];
  empty: string;
  keyOf(item: T): string;
  /** What was found about the item. */
  finding(item: T): ComponentChildren;
  /** The next step as a whole sentence (where the finding does not say why). */
  whole?: boolean;
  place: StepPlace;
}) {
  const [all, setAll] = useState(false);
  if (items.length === 0) return <p class="muted">{empty}</p>;
  const shown = all ? items : items.slice(0, LIST_PREVIEW);
  return (
    <>
      <ul>
        {shown.map((item) => (
          <li key={keyOf(item)}>
            {finding(item)}
            <NextStep action={item.action} whole={whole} {...place} />
          </li>
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

/** A section of the report that is a list of findings. */
function FindingSection<T extends { action: NextAction }>({
  id,
  title,
  ...list
}: { id: string; title: string } & Parameters<typeof FindingList<T>>[0]) {
  return (
    <Section id={id} title={title}>
      <FindingList {...list} />
    </Section>
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
  ...place
}: { action: NextAction; whole?: boolean } & StepPlace) {
  const named = action.place !== null && place.listed.has(action.id);
  return (
    <span class="next-step" data-action={action.id}>
      {' '}
      <strong>{ui.t('report_nextStep')}</strong>{' '}
      {whole && !named ? action.text : ui.t('insight_stepOnly', { step: action.step })}
      {!named && <PlaceLink action={action} {...place} />}
    </span>
  );
}

/**
 * Where a first step is taken: the first run that builds the map (unless the page already leads
 * there), or the side panel.
 */
function PlaceLink({
  action,
  firstRunLinked,
  onOpenSidePanel,
}: { action: NextAction } & Omit<StepPlace, 'listed'>) {
  if (action.place === 'import' && !firstRunLinked)
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
  // With nobody on the map yet, the way to build it comes first.
  const mapIsEmpty = report.map.nodes.length === 0;
  const place: StepPlace = {
    listed: new Set(report.nextActions.map((action) => action.id)),
    firstRunLinked: mapIsEmpty,
    onOpenSidePanel,
  };
  /** A next step after a text that does not say why: the whole sentence. */
  const sentence = (action: NextAction) => <NextStep action={action} whole {...place} />;
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
              <FindingList
                items={newRole.toMeet}
                empty=""
                keyOf={(person) => person.slug}
                finding={(person) =>
                  rich(ui.t('report_personLevel'), {
                    name: <strong>{person.name}</strong>,
                    level: ui.t(labelKey('level', person.level)),
                  })
                }
                place={place}
              />
            </>
          )}
          {newRole.action && <p>{sentence(newRole.action)}</p>}
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
                <PlaceLink action={action} {...place} />
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">{empty.actions}</p>
        )}
      </Section>

      {!mapIsEmpty && mapSection}

      <FindingSection
        id="unaware"
        title={ui.t('report_unaware')}
        items={report.unawareKeyHolders}
        empty={empty.unaware}
        keyOf={(holder) => holder.slug}
        finding={(holder) => holder.reason}
        place={place}
      />

      <FindingSection
        id="cold"
        title={ui.t('report_cold')}
        items={report.goingCold}
        empty={empty.cold}
        keyOf={(item) => item.slug}
        finding={(item) =>
          rich(
            ui.n(
              item.lastTouchAt === null ? 'report_coldNever' : 'report_coldLast',
              item.daysOverdue,
            ),
            {
              name: <strong>{item.name}</strong>,
              roles: ui.list(item.roles.map((role) => ui.t(labelKey('role', role)))),
              date: item.lastTouchAt === null ? '' : ui.day(item.lastTouchAt),
            },
          )
        }
        place={place}
      />

      <FindingSection
        id="follow-ups"
        title={ui.t('summary_overdueTitle')}
        items={report.overdueFollowUps}
        empty={empty.followUps}
        keyOf={(item) => item.id}
        finding={(item) => (
          <>
            {item.text}{' '}
            <span class="muted">
              {ui.n('report_followUpLate', item.daysOverdue, {
                name: item.personName,
                date: ui.day(item.due),
              })}
            </span>
          </>
        )}
        place={place}
      />

      <FindingSection
        id="takers"
        title={ui.t('report_takers')}
        items={report.takersOnly}
        empty={empty.takers}
        keyOf={(taker) => taker.slug}
        finding={(taker) =>
          rich(ui.n('report_taker', taker.received90), { name: <strong>{taker.name}</strong> })
        }
        place={place}
      />

      <FindingSection
        id="gaps"
        title={ui.t('report_gaps')}
        items={report.gaps}
        empty={empty.gaps}
        keyOf={(gap) => gap.id}
        finding={(gap) => gap.text}
        whole
        place={place}
      />

      <FindingSection
        id="basis"
        title={ui.t('report_basis')}
        items={report.basisRisks}
        empty={empty.basis}
        keyOf={(risk) => risk.slug}
        finding={(risk) => risk.text}
        whole
        place={place}
      />

      <Section id="feedback" title={ui.t('report_feedback')}>
        <p>
          {feedback.text}
          {feedback.action && sentence(feedback.action)}
        </p>
        <p class="muted">
          {ui.t('report_feedbackAsked', { times: ui.n('insight_times', report.feedbackAsked) })}
        </p>
      </Section>

      <Section id="pay-it-forward" title={ui.t('report_forward')}>
        <p>
          {payItForward.text}
          {payItForward.action && sentence(payItForward.action)}
        </p>
      </Section>

      <Section id="touches" title={ui.t('report_touches')}>
        <TouchesChart weeks={report.touchesByWeek} empty={empty.touches} />
      </Section>
    </div>
  );
}

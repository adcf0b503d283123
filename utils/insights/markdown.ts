/**
 * The weekly report as Markdown, for the user to keep or paste elsewhere. Names and notes are
 * the user's own text, so Markdown's special characters in them are escaped.
 */
import { labelKey, type Translator } from '@/utils/i18n';
import { english } from '@/utils/i18n/english';
import { TOUCH_KINDS } from '@/utils/model';
import type { NextAction, Score, WeeklyReport } from './types';
import { formatLocalDate } from './weeks';
import { emptyListText } from './wording';

/** Text the user typed, safe to place inline in Markdown (and on one line). */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`);
}

function signed(t: Translator, change: number): string {
  if (change > 0) return `+${t.number(change)}`;
  return change === 0 ? '±0' : t.number(change);
}

function section(title: string, lines: readonly string[], empty: string): string[] {
  return [`## ${title}`, '', ...(lines.length ? lines : [escapeMarkdown(empty)]), ''];
}

/** The whole report as a Markdown document, in `t`'s language. */
export function reportToMarkdown(report: WeeklyReport, t: Translator = english): string {
  const date = formatLocalDate;
  const empty = emptyListText(report.counts, t);
  const nextStep = (text: string) => `${t.t('report_nextStep')} ${escapeMarkdown(text)}`;
  const item = (text: string, action?: NextAction | null) =>
    `- ${escapeMarkdown(text)}${action ? ` ${nextStep(t.t('insight_stepOnly', { step: action.step }))}` : ''}`;
  const scoreLines = (label: string, score: Score, change: number) => [
    `- ${t.t('md_score', { label, score: t.number(score.score), change: signed(t, change) })} ${escapeMarkdown(score.reason)}`,
    ...score.parts.map(
      (part) => `  - ${escapeMarkdown(part.label)}: ${escapeMarkdown(part.detail)}`,
    ),
  ];
  const kinds = TOUCH_KINDS.filter((kind) =>
    report.touchesByWeek.some((week) => week.byKind[kind] > 0),
  );
  const touchTable = kinds.length
    ? [
        `| ${t.t('md_week')} | ${kinds.map((kind) => t.t(labelKey('touch', kind))).join(' | ')} | ${t.t('md_total')} |`,
        `| --- | ${kinds.map(() => '---:').join(' | ')} | ---: |`,
        ...report.touchesByWeek.map(
          (week) =>
            `| ${date(week.weekStart)} | ${kinds.map((kind) => t.number(week.byKind[kind])).join(' | ')} | ${t.number(week.total)} |`,
        ),
      ]
    : [];
  const { newRole, feedback, payItForward } = report;
  const lines = [
    `# ${t.t('md_title', { date: date(report.weekStart) })}`,
    '',
    t.t('md_asOf', { date: date(report.asOf) }),
    '',
    ...(newRole
      ? section(
          t.t('report_newRoleTitle'),
          [
            escapeMarkdown(newRole.text),
            ...(newRole.toMeet.length ? ['', t.t('md_notMetYet'), ''] : []),
            ...newRole.toMeet.map((person) => item(person.name, person.action)),
            ...(newRole.action ? ['', nextStep(newRole.action.text)] : []),
          ],
          '',
        )
      : []),
    ...section(
      t.t('report_nextActions'),
      report.nextActions.map((action, i) => `${i + 1}. ${escapeMarkdown(action.text)}`),
      empty.actions,
    ),
    ...section(
      t.t('report_scores'),
      [
        ...scoreLines(t.t('common_visibility'), report.visibility, report.change.visibility),
        ...scoreLines(t.t('common_connectivity'), report.connectivity, report.change.connectivity),
      ],
      '',
    ),
    ...section(
      t.t('md_trend'),
      [
        `| ${t.t('md_week')} | ${t.t('common_visibility')} | ${t.t('common_connectivity')} |`,
        '| --- | ---: | ---: |',
        ...report.trend.map(
          (point) =>
            `| ${date(point.weekStart)} | ${t.number(point.visibility)} | ${t.number(point.connectivity)} |`,
        ),
      ],
      '',
    ),
    ...section(t.t('md_touches'), touchTable, empty.touches),
    ...section(
      t.t('report_unaware'),
      report.unawareKeyHolders.map((holder) => item(holder.reason, holder.action)),
      empty.unaware,
    ),
    ...section(
      t.t('md_cold'),
      report.goingCold.map((cold) =>
        item(
          cold.lastTouchAt === null
            ? t.t('md_coldNever', { name: cold.name, due: date(cold.dueAt) })
            : t.t('md_coldLast', {
                name: cold.name,
                last: date(cold.lastTouchAt),
                due: date(cold.dueAt),
              }),
          cold.action,
        ),
      ),
      empty.cold,
    ),
    ...section(
      t.t('summary_overdueTitle'),
      report.overdueFollowUps.map((followUp) =>
        item(
          t.t('md_followUp', {
            name: followUp.personName,
            text: followUp.text,
            due: date(followUp.due),
          }),
          followUp.action,
        ),
      ),
      empty.followUps,
    ),
    ...section(
      t.t('report_takers'),
      report.takersOnly.map((taker) =>
        item(t.t('md_taker', { name: taker.name, count: taker.received90 }), taker.action),
      ),
      empty.takers,
    ),
    ...section(
      t.t('report_gaps'),
      report.gaps.map((gap) => `- ${escapeMarkdown(gap.text)} ${escapeMarkdown(gap.action.text)}`),
      empty.gaps,
    ),
    ...section(
      t.t('md_basis'),
      report.basisRisks.map(
        (risk) => `- ${escapeMarkdown(risk.text)} ${escapeMarkdown(risk.action.text)}`,
      ),
      empty.basis,
    ),
    ...section(
      t.t('report_feedback'),
      [
        escapeMarkdown(feedback.text),
        ...(feedback.action ? ['', nextStep(feedback.action.text)] : []),
        '',
        t.t('md_feedbackAsked', { count: report.feedbackAsked }),
      ],
      '',
    ),
    ...section(
      t.t('report_forward'),
      [
        escapeMarkdown(payItForward.text),
        ...(payItForward.action ? ['', nextStep(payItForward.action.text)] : []),
      ],
      '',
    ),
  ];
  return lines.join('\n');
}

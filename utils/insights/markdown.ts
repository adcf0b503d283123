/**
 * The weekly report as Markdown, for the user to keep or paste elsewhere. Names and notes are
 * the user's own text, so Markdown's special characters in them are escaped.
 */
import { LABELS, TOUCH_KINDS } from '@/utils/model';
import type { NextAction, Score, WeeklyReport } from './types';
import { formatLocalDate } from './weeks';
import { emptyListText } from './wording';

/** Text the user typed, safe to place inline in Markdown (and on one line). */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`);
}

function signed(change: number): string {
  if (change > 0) return `+${change}`;
  return change === 0 ? '±0' : String(change);
}

function section(title: string, lines: readonly string[], empty: string): string[] {
  return [`## ${title}`, '', ...(lines.length ? lines : [escapeMarkdown(empty)]), ''];
}

function scoreLines(label: string, score: Score, change: number): string[] {
  const parts = score.parts.map(
    (part) => `  - ${escapeMarkdown(part.label)}: ${escapeMarkdown(part.detail)}`,
  );
  return [
    `- **${label}: ${score.score}** (${signed(change)} since last week). ${escapeMarkdown(score.reason)}`,
    ...parts,
  ];
}

function item(text: string, action?: NextAction | null): string {
  return `- ${escapeMarkdown(text)}${action ? ` Next step: ${escapeMarkdown(action.step)}.` : ''}`;
}

/** The whole report as a Markdown document. */
export function reportToMarkdown(report: WeeklyReport): string {
  const date = formatLocalDate;
  const empty = emptyListText(report.counts);
  const kinds = TOUCH_KINDS.filter((kind) =>
    report.touchesByWeek.some((week) => week.byKind[kind] > 0),
  );
  const touchTable = kinds.length
    ? [
        `| Week | ${kinds.map((kind) => LABELS.touch[kind]).join(' | ')} | Total |`,
        `| --- | ${kinds.map(() => '---:').join(' | ')} | ---: |`,
        ...report.touchesByWeek.map(
          (week) =>
            `| ${date(week.weekStart)} | ${kinds.map((kind) => week.byKind[kind]).join(' | ')} | ${week.total} |`,
        ),
      ]
    : [];
  const { newRole, feedback, payItForward } = report;
  const lines = [
    `# Alliance Map: week of ${date(report.weekStart)}`,
    '',
    `As of ${date(report.asOf)}.`,
    '',
    ...(newRole
      ? section(
          'Your first 90 days in a new role',
          [
            escapeMarkdown(newRole.text),
            ...(newRole.toMeet.length ? ['', 'Not met yet:', ''] : []),
            ...newRole.toMeet.map((person) => item(person.name, person.action)),
            ...(newRole.action ? ['', `Next step: ${escapeMarkdown(newRole.action.text)}`] : []),
          ],
          '',
        )
      : []),
    ...section(
      'Next actions',
      report.nextActions.map((action, i) => `${i + 1}. ${escapeMarkdown(action.text)}`),
      empty.actions,
    ),
    ...section(
      'Scores',
      [
        ...scoreLines('Visibility', report.visibility, report.change.visibility),
        ...scoreLines('Connectivity', report.connectivity, report.change.connectivity),
      ],
      '',
    ),
    ...section(
      'Trend (12 weeks)',
      [
        '| Week | Visibility | Connectivity |',
        '| --- | ---: | ---: |',
        ...report.trend.map(
          (point) => `| ${date(point.weekStart)} | ${point.visibility} | ${point.connectivity} |`,
        ),
      ],
      '',
    ),
    ...section('Touches by week', touchTable, empty.touches),
    ...section(
      'Key holders who do not know your work',
      report.unawareKeyHolders.map((holder) => item(holder.reason, holder.action)),
      empty.unaware,
    ),
    ...section(
      'Going cold',
      report.goingCold.map((cold) =>
        item(
          `${cold.name}: ${cold.lastTouchAt === null ? 'never touched' : `last touch ${date(cold.lastTouchAt)}`}, due ${date(cold.dueAt)}.`,
          cold.action,
        ),
      ),
      empty.cold,
    ),
    ...section(
      'Overdue follow-ups',
      report.overdueFollowUps.map((followUp) =>
        item(
          `${followUp.personName}: ${followUp.text} (due ${date(followUp.due)}).`,
          followUp.action,
        ),
      ),
      empty.followUps,
    ),
    ...section(
      'People you only take from',
      report.takersOnly.map((taker) =>
        item(`${taker.name}: received ${taker.received90}, gave nothing in 90 days.`, taker.action),
      ),
      empty.takers,
    ),
    ...section(
      'Gaps in your alliance',
      report.gaps.map((gap) => `- ${escapeMarkdown(gap.text)} ${escapeMarkdown(gap.action.text)}`),
      empty.gaps,
    ),
    ...section(
      'Basis of your alliances',
      report.basisRisks.map(
        (risk) => `- ${escapeMarkdown(risk.text)} ${escapeMarkdown(risk.action.text)}`,
      ),
      empty.basis,
    ),
    ...section(
      'Negative feedback',
      [
        escapeMarkdown(feedback.text),
        ...(feedback.action ? ['', `Next step: ${escapeMarkdown(feedback.action.text)}`] : []),
        '',
        `Feedback asked for this week: ${report.feedbackAsked}.`,
      ],
      '',
    ),
    ...section(
      'Paying it forward',
      [
        escapeMarkdown(payItForward.text),
        ...(payItForward.action
          ? ['', `Next step: ${escapeMarkdown(payItForward.action.text)}`]
          : []),
      ],
      '',
    ),
  ];
  return lines.join('\n');
}

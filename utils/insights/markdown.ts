/**
 * The weekly report as Markdown, for the user to keep or paste elsewhere. Names and notes are
 * the user's own text, so Markdown's special characters in them are escaped.
 */
import { LABELS, TOUCH_KINDS } from '@/utils/model';
import type { Score, WeeklyReport } from './types';
import { formatLocalDate } from './weeks';

/** Text the user typed, safe to place inline in Markdown (and on one line). */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`);
}

function signed(change: number): string {
  if (change > 0) return `+${change}`;
  return change === 0 ? '±0' : String(change);
}

function section(title: string, lines: readonly string[], empty: string): string[] {
  return [`## ${title}`, '', ...(lines.length ? lines : [empty]), ''];
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

/** The whole report as a Markdown document. */
export function reportToMarkdown(report: WeeklyReport): string {
  const date = formatLocalDate;
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
  const lines = [
    `# Alliance Map: week of ${date(report.weekStart)}`,
    '',
    `As of ${date(report.asOf)}.`,
    '',
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
    ...section('Touches by week', touchTable, 'No touches in these 12 weeks.'),
    ...section(
      'Next actions',
      report.nextActions.map((item, i) => `${i + 1}. ${escapeMarkdown(item.text)}`),
      'Nothing pressing this week.',
    ),
    ...section(
      'Key holders who do not know your work',
      report.unawareKeyHolders.map((holder) => `- ${escapeMarkdown(holder.reason)}`),
      'Every key holder knows your recent work.',
    ),
    ...section(
      'Going cold',
      report.goingCold.map(
        (item) =>
          `- ${escapeMarkdown(item.name)}: ${item.lastTouchAt === null ? 'never touched' : `last touch ${date(item.lastTouchAt)}`}, due ${date(item.dueAt)}`,
      ),
      'No relationship is past its cadence.',
    ),
    ...section(
      'Overdue follow-ups',
      report.overdueFollowUps.map(
        (item) =>
          `- ${escapeMarkdown(item.personName)}: ${escapeMarkdown(item.text)} (due ${date(item.due)})`,
      ),
      'No overdue follow-ups.',
    ),
    ...section(
      'People you only take from',
      report.takersOnly.map(
        (taker) =>
          `- ${escapeMarkdown(taker.name)}: received ${taker.received90}, gave nothing in 90 days`,
      ),
      'None.',
    ),
    ...section(
      'Gaps in your alliance',
      report.gaps.map((gap) => `- ${gap.text}`),
      'No gaps.',
    ),
    `Feedback asked for this week: ${report.feedbackAsked}.`,
    '',
  ];
  return lines.join('\n');
}

import type { Score } from '@/utils/insights/types';
import { signedChange } from './chart-text';
import { ui } from '@/utils/i18n';

/** One score of the week: the number, its change since last week, why, and its parts. */
export function ScoreCard({
  id,
  label,
  score,
  change,
}: {
  id: string;
  label: string;
  score: Score;
  change: number;
}) {
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'same';
  return (
    <article class="card stack" aria-labelledby={`${id}-title`} data-score={id}>
      <h3 id={`${id}-title`}>{label}</h3>
      <p style={{ margin: 0 }}>
        <span class="score-value">{ui.number(score.score)}</span>
        <span class="muted"> {ui.t('common_outOf100')}</span>
        <span class={`score-change ${direction}`}>{signedChange(change)}</span>
        <span class="muted"> {ui.t('report_sinceLastWeek')}</span>
      </p>
      <p style={{ margin: 0 }}>{score.reason}</p>
      {score.parts.length > 0 && (
        <ul class="score-parts muted">
          {score.parts.map((part) => (
            <li key={part.id}>
              {part.label}: {part.detail}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

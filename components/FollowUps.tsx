import { useState } from 'preact/hooks';
import { useFieldId, DayInput } from './fields';
import { liveValue, useLiveQuery } from './useLiveQuery';
import { loadFollowUps } from '@/utils/db/panel-reads';
import { addFollowUp, setFollowUpDone } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';
import { fromDateInput, toDateInput } from '@/utils/format';
import { ui } from '@/utils/i18n';
import { errorText } from '@/utils/i18n/user-error';
import { DAY_MS, LIMITS } from '@/utils/model';

interface FollowUpsProps {
  db: AllianceDb;
  slug: string;
  report(kind: 'ok' | 'error', text: string): void;
}

/** The end of a local day, so that something due today is not overdue before the day ends. */
function endOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(23, 59, 59, 999);
  return d.getTime();
}

/** What the user owes this person, by date; overdue ones are marked in words, not only colour. */
export function FollowUps({ db, slug, report }: FollowUpsProps) {
  const live = useLiveQuery(() => loadFollowUps(db, slug), [slug]);
  const followUps = liveValue(live, []);
  const [text, setText] = useState('');
  const [day, setDay] = useState(() => toDateInput(Date.now() + 7 * DAY_MS));
  const id = useFieldId('follow-ups');
  const now = Date.now();

  const add = async (event: Event) => {
    event.preventDefault();
    const due = fromDateInput(day);
    if (!text.trim()) return report('error', ui.t('followUps_empty'));
    if (!Number.isFinite(due) || due < LIMITS.minDate || due > LIMITS.maxDate) {
      return report('error', ui.t('followUps_dateRange'));
    }
    try {
      await addFollowUp(db, slug, text, endOfDay(due), Date.now());
      setText('');
      report('ok', ui.t('followUps_added'));
    } catch (error) {
      report('error', errorText(ui, error));
    }
  };

  return (
    <section class="stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{ui.t('followUps_title')}</h3>
      {followUps.length > 0 && (
        <ul class="plain stack">
          {followUps.map((f) => {
            const overdue = f.status === 'open' && f.due < now;
            return (
              <li key={f.id} class={overdue ? 'follow-up overdue' : 'follow-up'}>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={f.status === 'done'}
                    onChange={(event) =>
                      void setFollowUpDone(db, f.id, event.currentTarget.checked, Date.now()).catch(
                        (error: unknown) => report('error', errorText(ui, error)),
                      )
                    }
                  />
                  <span class={f.status === 'done' ? 'done' : undefined} dir="auto">
                    {f.text}
                  </span>
                </label>
                <span class={overdue ? 'error' : 'muted'}>
                  {overdue
                    ? ui.t('followUps_overdueSince', { date: ui.day(f.due) })
                    : f.status === 'done'
                      ? ui.t('followUps_done')
                      : ui.t('followUps_due', { date: ui.day(f.due) })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {live.status === 'ready' && followUps.length === 0 && (
        <p class="muted">{ui.t('followUps_nothing')}</p>
      )}
      <form class="stack" onSubmit={(event) => void add(event)}>
        <div class="field">
          <label for={`${id}-text`}>{ui.t('followUps_new')}</label>
          <input
            id={`${id}-text`}
            type="text"
            maxLength={LIMITS.shortText}
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </div>
        <div class="row">
          <label for={`${id}-due`}>{ui.t('followUps_dueLabel')}</label>
          <DayInput id={`${id}-due`} value={day} onChange={setDay} />
          <button type="submit">{ui.t('followUps_add')}</button>
        </div>
      </form>
    </section>
  );
}

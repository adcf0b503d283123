import { useState } from 'preact/hooks';
import { useFieldId, DayInput } from './fields';
import { logTouch, type SeenIdentity } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';
import { fromDateInput, toDateInput } from '@/utils/format';
import { DEFAULT_DIRECTION, DIRECTIONS, LIMITS, TOUCH_KINDS, type Direction } from '@/utils/model';
import { labelKey, ui } from '@/utils/i18n';
import { errorText } from '@/utils/i18n/user-error';

interface TouchLoggerProps {
  db: AllianceDb;
  identity: SeenIdentity;
  /** Tells the record what happened, for its status line. */
  report(kind: 'ok' | 'error', text: string): void;
}

/**
 * One click per habit logs a touch. The note, date (today unless changed) and direction
 * (the habit's own unless changed) apply to the next click; the note clears after it.
 */
export function TouchLogger({ db, identity, report }: TouchLoggerProps) {
  const [note, setNote] = useState('');
  const [day, setDay] = useState(() => toDateInput(Date.now()));
  const [direction, setDirection] = useState<Direction | ''>('');
  const id = useFieldId('touch');

  const log = async (kind: (typeof TOUCH_KINDS)[number]) => {
    const today = toDateInput(Date.now());
    // Today's touches carry the time of day, so that they sort in the order they were logged.
    const at = day === today ? Date.now() : fromDateInput(day);
    if (!Number.isFinite(at) || at < LIMITS.minDate || at > LIMITS.maxDate) {
      report('error', ui.t('timeline_dateRange'));
      return;
    }
    try {
      await logTouch(
        db,
        identity,
        { kind, at, note, direction: direction || DEFAULT_DIRECTION[kind] },
        Date.now(),
      );
      setNote('');
      report('ok', ui.t('touchLog_logged', { habit: ui.t(labelKey('touch', kind)) }));
    } catch (error) {
      report('error', errorText(ui, error));
    }
  };

  return (
    <section class="stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{ui.t('touchLog_title')}</h3>
      <div class="field">
        <label for={`${id}-note`}>{ui.t('touchLog_note')}</label>
        <input
          id={`${id}-note`}
          type="text"
          maxLength={LIMITS.shortText}
          value={note}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </div>
      <div class="grid-2">
        <div class="field">
          <label for={`${id}-date`}>{ui.t('touchLog_date')}</label>
          <DayInput id={`${id}-date`} value={day} onChange={setDay} />
        </div>
        <div class="field">
          <label for={`${id}-direction`}>{ui.t('touchLog_direction')}</label>
          <select
            id={`${id}-direction`}
            value={direction}
            onChange={(event) => setDirection(event.currentTarget.value as Direction | '')}
          >
            <option value="">{ui.t('touchLog_asHabit')}</option>
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {ui.t(labelKey('direction', d))}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="habits" role="group" aria-label={ui.t('touchLog_habits')}>
        {TOUCH_KINDS.map((kind) => (
          <button key={kind} type="button" onClick={() => void log(kind)}>
            {ui.t(labelKey('touch', kind))}
          </button>
        ))}
      </div>
    </section>
  );
}

/**
 * The numeric settings as the user types them, and their validation. Inputs hold text, so a
 * half-typed value never reaches storage: the whole group is checked, each field gets its own
 * message, and only a fully valid group is saved.
 */
import { fromDateInput } from '@/utils/format';
import { labelKey, ui } from '@/utils/i18n';
import { LIMITS, ROLES, type Role, type Settings } from '@/utils/model';

/** The settings saved together by the "Save rhythm" button. */
export type Rhythm = Pick<
  Settings,
  'cadenceByRole' | 'defaultCadenceDays' | 'weekStart' | 'visibilityWindowDays'
>;

/** A rhythm as typed: every value is the text of its input. */
export interface RhythmDraft {
  cadenceByRole: Record<Role, string>;
  defaultCadenceDays: string;
  weekStart: string;
  visibilityWindowDays: string;
}

/** The fields of the rhythm group, each with its own message. */
export type RhythmField = Role | 'defaultCadenceDays' | 'weekStart' | 'visibilityWindowDays';

/** A valid rhythm to save, or a message per invalid field. */
export type RhythmResult =
  { ok: true; rhythm: Rhythm } | { ok: false; errors: Partial<Record<RhythmField, string>> };

/** Days in a week: the week-start select offers them in `Date.getDay()` order (0 is Sunday). */
export const WEEKDAY_COUNT = 7;

/** The same bounds as a backup file accepts (utils/transfer/backup-format.ts). */
export const VISIBILITY_WINDOW = { min: 1, max: 365 } as const;

/** The inputs' text for saved settings. */
export function rhythmDraft(settings: Settings): RhythmDraft {
  return {
    cadenceByRole: Object.fromEntries(
      ROLES.map((role) => [role, String(settings.cadenceByRole[role])]),
    ) as Record<Role, string>,
    defaultCadenceDays: String(settings.defaultCadenceDays),
    weekStart: String(settings.weekStart),
    visibilityWindowDays: String(settings.visibilityWindowDays),
  };
}

/** A whole number within bounds, or a message that names the field and says what to enter. */
export function readWholeNumber(
  text: string,
  label: string,
  bounds: { min: number; max: number },
): number | { error: string } {
  const { min, max } = bounds;
  const value = text.trim();
  if (!value) return { error: ui.t('settings_numberEmpty', { label, min, max }) };
  if (!/^[+-]?\d+(\.\d+)?$/.test(value)) {
    return { error: ui.t('settings_numberNaN', { label, min, max, value: value.slice(0, 20) }) };
  }
  const number = Number(value);
  if (!Number.isInteger(number))
    return { error: ui.t('settings_numberWhole', { label, min, max }) };
  if (number < bounds.min || number > bounds.max) {
    return { error: ui.t('settings_numberRange', { label, min, max, value: number }) };
  }
  return number;
}

/** Checks every field of the group; never throws. */
export function validateRhythm(draft: RhythmDraft): RhythmResult {
  const errors: Partial<Record<RhythmField, string>> = {};
  const read = (
    field: RhythmField,
    text: string,
    label: string,
    bounds: { min: number; max: number } = LIMITS.cadenceDays,
  ) => {
    const result = readWholeNumber(text, label, bounds);
    if (typeof result === 'number') return result;
    errors[field] = result.error;
    return bounds.min;
  };
  const cadenceByRole = Object.fromEntries(
    ROLES.map((role) => [
      role,
      read(
        role,
        draft.cadenceByRole[role],
        ui.t('settings_roleCadence', { role: ui.t(labelKey('role', role)) }),
      ),
    ]),
  ) as Record<Role, number>;
  const rhythm: Rhythm = {
    cadenceByRole,
    defaultCadenceDays: read(
      'defaultCadenceDays',
      draft.defaultCadenceDays,
      ui.t('settings_noRoleCadence'),
    ),
    weekStart: read('weekStart', draft.weekStart, ui.t('settings_weekStartName'), {
      min: 0,
      max: WEEKDAY_COUNT - 1,
    }),
    visibilityWindowDays: read(
      'visibilityWindowDays',
      draft.visibilityWindowDays,
      ui.t('settings_visibilityWindow'),
      VISIBILITY_WINDOW,
    ),
  };
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, rhythm };
}

/**
 * The start of a new role as typed in a date input: empty means none. Kept within the dates a
 * backup accepts, so that the setting always survives a backup and restore.
 */
export function readRoleStart(value: string): number | null | { error: string } {
  const text = value.trim();
  if (!text) return null;
  const date = fromDateInput(text);
  if (Number.isNaN(date)) return { error: ui.t('settings_notADate', { value: text.slice(0, 20) }) };
  if (date < LIMITS.minDate || date > LIMITS.maxDate) return { error: ui.t('settings_dateRange') };
  return date;
}

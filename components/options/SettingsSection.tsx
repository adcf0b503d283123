import { useEffect, useState } from 'preact/hooks';
import { Notice, errorNotice, type NoticeMessage } from './Notice';
import {
  WEEKDAY_COUNT,
  readRoleStart,
  rhythmDraft,
  validateRhythm,
  type RhythmDraft,
  type RhythmField,
} from '@/utils/settings-form';
import { toDateInput } from '@/utils/format';
import { labelKey, ui } from '@/utils/i18n';
import { DAY_MS, ROLES, type Settings } from '@/utils/model';
import { NEW_ROLE_DAYS } from '@/utils/insights/advice';

/** The optional `notifications` permission, asked for only from the user's click. */
export interface NotificationPermission {
  request(): Promise<boolean>;
  remove(): Promise<unknown>;
}

interface SettingsSectionProps {
  settings: Settings;
  save(patch: Partial<Settings>): Promise<unknown>;
  notifications: NotificationPermission;
}

/**
 * The user's settings: the rhythm (cadences, week start, visibility window) is typed, checked as
 * a whole and saved with one button; the start of a new role has its own; the switches apply at
 * once.
 */
export function SettingsSection({ settings, save, notifications }: SettingsSectionProps) {
  return (
    <section class="card stack" aria-labelledby="settings-title">
      <h2 id="settings-title">{ui.t('popup_settings')}</h2>
      <RhythmForm settings={settings} save={save} />
      <NewRoleForm settings={settings} save={save} />
      <Switches settings={settings} save={save} notifications={notifications} />
    </section>
  );
}

function RhythmForm({ settings, save }: Omit<SettingsSectionProps, 'notifications'>) {
  const [draft, setDraft] = useState<RhythmDraft>(() => rhythmDraft(settings));
  const [errors, setErrors] = useState<Partial<Record<RhythmField, string>>>({});
  const [message, setMessage] = useState<NoticeMessage>();
  // Settings restored from a backup or changed in another window replace what is shown; a
  // switch saved meanwhile leaves the typing alone.
  const savedRhythm = JSON.stringify(rhythmDraft(settings));
  useEffect(() => {
    setDraft(JSON.parse(savedRhythm) as RhythmDraft);
    setErrors({});
  }, [savedRhythm]);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const result = validateRhythm(draft);
    if (!result.ok) {
      setErrors(result.errors);
      const count = Object.keys(result.errors).length;
      setMessage({
        kind: 'error',
        text: `${ui.n('settings_notSaved', count)} ${Object.values(result.errors).join(' ')}`,
      });
      return;
    }
    setErrors({});
    try {
      await save(result.rhythm);
      setMessage({ kind: 'ok', text: ui.t('settings_saved') });
    } catch (error) {
      setMessage(errorNotice(error));
    }
  };

  const field = (
    id: RhythmField,
    label: string,
    value: string,
    onInput: (value: string) => void,
    hint?: string,
  ) => {
    const error = errors[id];
    const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
    return (
      <div class="field" key={id}>
        <label for={`setting-${id}`}>{label}</label>
        <input
          id={`setting-${id}`}
          type="text"
          inputMode="numeric"
          size={5}
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={described || undefined}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
        {hint && (
          <span id={`${id}-hint`} class="muted small">
            {hint}
          </span>
        )}
        {error && (
          <span id={`${id}-error`} class="error small">
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <form class="stack" onSubmit={onSubmit} noValidate>
      <fieldset class="stack">
        <legend>{ui.t('settings_cadenceLegend')}</legend>
        <p id="cadence-hint" class="muted small">
          {ui.t('settings_cadenceHint')}
        </p>
        <div class="fields">
          {ROLES.map((role) =>
            field(role, ui.t(labelKey('role', role)), draft.cadenceByRole[role], (value) =>
              setDraft({ ...draft, cadenceByRole: { ...draft.cadenceByRole, [role]: value } }),
            ),
          )}
          {field('defaultCadenceDays', ui.t('settings_noRole'), draft.defaultCadenceDays, (value) =>
            setDraft({ ...draft, defaultCadenceDays: value }),
          )}
        </div>
      </fieldset>
      <fieldset class="stack">
        <legend>{ui.t('settings_weeksLegend')}</legend>
        <div class="fields">
          <div class="field">
            <label for="setting-weekStart">{ui.t('settings_weekStart')}</label>
            <select
              id="setting-weekStart"
              value={draft.weekStart}
              onChange={(event) => setDraft({ ...draft, weekStart: event.currentTarget.value })}
            >
              {Array.from({ length: WEEKDAY_COUNT }, (_, index) => (
                <option key={index} value={String(index)}>
                  {ui.weekday(index)}
                </option>
              ))}
            </select>
          </div>
          {field(
            'visibilityWindowDays',
            ui.t('settings_visibilityWindow'),
            draft.visibilityWindowDays,
            (value) => setDraft({ ...draft, visibilityWindowDays: value }),
            ui.t('settings_visibilityHint'),
          )}
        </div>
      </fieldset>
      <div class="row">
        <button type="submit" class="primary">
          {ui.t('settings_save')}
        </button>
      </div>
      <Notice message={message} />
    </form>
  );
}

/** The day the user started a new role: for 90 days the weekly report focuses on meeting people. */
function NewRoleForm({ settings, save }: Omit<SettingsSectionProps, 'notifications'>) {
  const saved = settings.roleStartedAt === null ? '' : toDateInput(settings.roleStartedAt);
  const [value, setValue] = useState(saved);
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<NoticeMessage>();
  // A restore or another window replaces what is shown.
  useEffect(() => {
    setValue(saved);
    setError(undefined);
  }, [saved]);

  const store = async (roleStartedAt: number | null) => {
    try {
      await save({ roleStartedAt });
      if (roleStartedAt === null) {
        setMessage({
          kind: 'ok',
          text: ui.t('settings_newRoleCleared'),
        });
        return;
      }
      const until = roleStartedAt + NEW_ROLE_DAYS * DAY_MS;
      setMessage({
        kind: 'ok',
        text:
          until > Date.now()
            ? ui.t('settings_newRoleSaved', { days: NEW_ROLE_DAYS, date: ui.day(until) })
            : ui.t('settings_newRoleOver', { days: NEW_ROLE_DAYS }),
      });
    } catch (failure) {
      setMessage(errorNotice(failure));
    }
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem(
      'role-started',
    ) as HTMLInputElement;
    // A half-typed date reads as empty: say so rather than clear the saved one.
    const result = input.validity.badInput
      ? { error: ui.t('settings_dateIncomplete') }
      : readRoleStart(value);
    if (result !== null && typeof result === 'object') {
      setError(result.error);
      setMessage({
        kind: 'error',
        text: ui.t('settings_notSavedBecause', { reason: result.error }),
      });
      return;
    }
    setError(undefined);
    void store(result);
  };

  return (
    <form class="stack" onSubmit={onSubmit} noValidate>
      <fieldset class="stack">
        <legend>{ui.t('settings_newRoleLegend')}</legend>
        <div class="fields">
          <div class="field">
            <label for="setting-role-started">{ui.t('settings_newRoleLabel')}</label>
            <input
              id="setting-role-started"
              name="role-started"
              type="date"
              value={value}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={['role-started-hint', error && 'role-started-error']
                .filter(Boolean)
                .join(' ')}
              onInput={(event) => setValue(event.currentTarget.value)}
            />
            <span id="role-started-hint" class="muted small">
              {ui.t('settings_newRoleHint', { days: NEW_ROLE_DAYS })}
            </span>
            {error && (
              <span id="role-started-error" class="error small">
                {error}
              </span>
            )}
          </div>
        </div>
      </fieldset>
      <div class="row">
        <button type="submit">{ui.t('settings_saveStart')}</button>
        <button
          type="button"
          disabled={settings.roleStartedAt === null}
          onClick={() => {
            setValue('');
            setError(undefined);
            void store(null);
          }}
        >
          {ui.t('settings_clear')}
        </button>
      </div>
      <Notice message={message} />
    </form>
  );
}

function Switches({ settings, save, notifications }: SettingsSectionProps) {
  const [message, setMessage] = useState<NoticeMessage>();
  const [asking, setAsking] = useState(false);

  const apply = async (patch: Partial<Settings>, done: string) => {
    try {
      await save(patch);
      setMessage({ kind: 'ok', text: done });
    } catch (error) {
      setMessage(errorNotice(error));
    }
  };

  const onNotificationChange = (event: Event) => {
    const box = event.currentTarget as HTMLInputElement;
    if (asking) {
      box.checked = !box.checked;
      return;
    }
    const wanted = box.checked;
    if (!wanted) {
      void notifications.remove().catch(() => undefined);
      void apply({ weeklyNotification: false }, ui.t('settings_notificationOff'));
      return;
    }
    // Called before any await: the browser shows its prompt only during the user's click.
    const asked = notifications.request();
    setAsking(true);
    void asked
      .catch(() => false)
      .then(async (granted) => {
        if (granted) {
          await apply({ weeklyNotification: true }, ui.t('settings_notificationOn'));
        } else {
          setMessage({
            kind: 'error',
            text: ui.t('settings_notificationRefused'),
          });
        }
      })
      .finally(() => setAsking(false));
  };

  return (
    <fieldset class="stack">
      <legend>{ui.t('settings_behaviour')}</legend>
      <p class="muted small">{ui.t('settings_switchesHint')}</p>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.stealth}
          onChange={(event) => {
            const stealth = event.currentTarget.checked;
            void apply(
              { stealth },
              stealth ? ui.t('settings_stealthOn') : ui.t('settings_stealthOff'),
            );
          }}
          aria-describedby="stealth-hint"
        />
        {ui.t('settings_stealth')}
      </label>
      <p id="stealth-hint" class="muted small hint">
        {ui.t('settings_stealthHint')}
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.weeklyNotification}
          aria-busy={asking ? 'true' : undefined}
          onChange={onNotificationChange}
          aria-describedby="notification-hint"
        />
        {ui.t('settings_notification')}
      </label>
      <p id="notification-hint" class="muted small hint">
        {ui.t('settings_notificationHint')}
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.debug}
          onChange={(event) => {
            const debug = event.currentTarget.checked;
            void apply({ debug }, ui.t(debug ? 'settings_debugOn' : 'settings_debugOff'));
          }}
          aria-describedby="debug-hint"
        />
        {ui.t('settings_debug')}
      </label>
      <p id="debug-hint" class="muted small hint">
        {ui.t('settings_debugHint')}
      </p>
      <Notice message={message} />
    </fieldset>
  );
}

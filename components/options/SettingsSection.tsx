import { useEffect, useState } from 'preact/hooks';
import { Notice, errorNotice, type NoticeMessage } from './Notice';
import {
  WEEKDAYS,
  readRoleStart,
  rhythmDraft,
  validateRhythm,
  type RhythmDraft,
  type RhythmField,
} from '@/utils/settings-form';
import { formatDay, toDateInput } from '@/utils/format';
import { DAY_MS, LABELS, ROLES, type Settings } from '@/utils/model';
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

const ROLE_HINT = 'Days between touches before someone is due again.';

/**
 * The user's settings: the rhythm (cadences, week start, visibility window) is typed, checked as
 * a whole and saved with one button; the start of a new role has its own; the switches apply at
 * once.
 */
export function SettingsSection({ settings, save, notifications }: SettingsSectionProps) {
  return (
    <section class="card stack" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
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
        text: `Not saved: ${count === 1 ? 'one value needs' : `${count} values need`} fixing. ${Object.values(result.errors).join(' ')}`,
      });
      return;
    }
    setErrors({});
    try {
      await save(result.rhythm);
      setMessage({ kind: 'ok', text: 'Settings saved.' });
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
        <legend>Cadence per role (days)</legend>
        <p id="cadence-hint" class="muted small">
          {ROLE_HINT} A person with several roles follows the shortest.
        </p>
        <div class="fields">
          {ROLES.map((role) =>
            field(role, LABELS.role[role], draft.cadenceByRole[role], (value) =>
              setDraft({ ...draft, cadenceByRole: { ...draft.cadenceByRole, [role]: value } }),
            ),
          )}
          {field('defaultCadenceDays', 'No role', draft.defaultCadenceDays, (value) =>
            setDraft({ ...draft, defaultCadenceDays: value }),
          )}
        </div>
      </fieldset>
      <fieldset class="stack">
        <legend>Weeks and visibility</legend>
        <div class="fields">
          <div class="field">
            <label for="setting-weekStart">Week starts on</label>
            <select
              id="setting-weekStart"
              value={draft.weekStart}
              onChange={(event) => setDraft({ ...draft, weekStart: event.currentTarget.value })}
            >
              {WEEKDAYS.map((day, index) => (
                <option key={day} value={String(index)}>
                  {day}
                </option>
              ))}
            </select>
          </div>
          {field(
            'visibilityWindowDays',
            'Visibility window (days)',
            draft.visibilityWindowDays,
            (value) => setDraft({ ...draft, visibilityWindowDays: value }),
            'How long a shared win keeps a key holder aware of your work (1 to 365).',
          )}
        </div>
      </fieldset>
      <div class="row">
        <button type="submit" class="primary">
          Save settings
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
          text: 'New role cleared: the weekly report gives its usual advice.',
        });
        return;
      }
      const until = roleStartedAt + NEW_ROLE_DAYS * DAY_MS;
      setMessage({
        kind: 'ok',
        text:
          until > Date.now()
            ? `New role saved: the weekly report focuses on your first ${NEW_ROLE_DAYS} days until ${formatDay(until)}.`
            : `New role saved. Its first ${NEW_ROLE_DAYS} days are over, so the weekly report gives its usual advice.`,
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
      ? { error: 'The date is not complete: enter a day, a month and a year.' }
      : readRoleStart(value);
    if (result !== null && typeof result === 'object') {
      setError(result.error);
      setMessage({ kind: 'error', text: `Not saved. ${result.error}` });
      return;
    }
    setError(undefined);
    void store(result);
  };

  return (
    <form class="stack" onSubmit={onSubmit} noValidate>
      <fieldset class="stack">
        <legend>A new role</legend>
        <div class="fields">
          <div class="field">
            <label for="setting-role-started">Started a new role on</label>
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
              For {NEW_ROLE_DAYS} days from this date, the ideal time to engage allies, the weekly
              report focuses on meeting your peers and the people one and two levels up, offering
              help and finding your first allies.
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
        <button type="submit">Save the start date</button>
        <button
          type="button"
          disabled={settings.roleStartedAt === null}
          onClick={() => {
            setValue('');
            setError(undefined);
            void store(null);
          }}
        >
          Clear
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
      void apply({ weeklyNotification: false }, 'Weekly notification turned off.');
      return;
    }
    // Called before any await: the browser shows its prompt only during the user's click.
    const asked = notifications.request();
    setAsking(true);
    void asked
      .catch(() => false)
      .then(async (granted) => {
        if (granted) {
          await apply({ weeklyNotification: true }, 'Weekly notification turned on.');
        } else {
          setMessage({
            kind: 'error',
            text: 'The browser did not allow notifications, so the weekly notification stays off.',
          });
        }
      })
      .finally(() => setAsking(false));
  };

  return (
    <fieldset class="stack">
      <legend>Behaviour</legend>
      <p class="muted small">These switches apply at once.</p>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.stealth}
          onChange={(event) => {
            const stealth = event.currentTarget.checked;
            void apply(
              { stealth },
              stealth
                ? 'Stealth mode on: nothing will be added to LinkedIn pages.'
                : 'Stealth mode off: badges show on LinkedIn pages again.',
            );
          }}
          aria-describedby="stealth-hint"
        />
        Stealth mode
      </label>
      <p id="stealth-hint" class="muted small hint">
        Inject nothing into LinkedIn's pages. The toolbar icon, popup and side panel still work.
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.weeklyNotification}
          aria-busy={asking ? 'true' : undefined}
          onChange={onNotificationChange}
          aria-describedby="notification-hint"
        />
        Weekly notification
      </label>
      <p id="notification-hint" class="muted small hint">
        A system notification when the weekly report is ready. The browser asks you to allow
        notifications first.
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.debug}
          onChange={(event) => {
            const debug = event.currentTarget.checked;
            void apply({ debug }, debug ? 'Debug logging on.' : 'Debug logging off.');
          }}
          aria-describedby="debug-hint"
        />
        Debug logging
      </label>
      <p id="debug-hint" class="muted small hint">
        Log to the console when a LinkedIn page could not be read. Off by default.
      </p>
      <Notice message={message} />
    </fieldset>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { Notice, errorNotice, type NoticeMessage } from './Notice';
import {
  WEEKDAYS,
  rhythmDraft,
  validateRhythm,
  type RhythmDraft,
  type RhythmField,
} from './settings-form';
import { LABELS, ROLES, type Settings } from '@/utils/model';

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
 * a whole and saved with one button; the switches apply at once.
 */
export function SettingsSection({ settings, save, notifications }: SettingsSectionProps) {
  return (
    <section class="card stack" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <RhythmForm settings={settings} save={save} />
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

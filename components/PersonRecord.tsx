import { RoleToggles } from './RoleToggles';
import { useState } from 'preact/hooks';
import { ChoiceField, TextField, useFieldId, useSyncedValue } from './fields';
import { FollowUps } from './FollowUps';
import { RecordActions } from './RecordActions';
import { Ties } from './Ties';
import { Timeline } from './Timeline';
import { TouchLogger } from './TouchLogger';
import { usePatchSaver, type PatchSaver } from './usePatchSaver';
import { toggleRole } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';
import {
  BASES,
  INFLUENCES,
  LEVELS,
  LIMITS,
  STANCES,
  cadenceFor,
  type Person,
  type Settings,
} from '@/utils/model';
import { labelKey, ui } from '@/utils/i18n';
import { errorText } from '@/utils/i18n/user-error';

interface PersonRecordProps {
  db: AllianceDb;
  person: Person;
  settings: Settings;
  /** Opens another person's record (a tie). */
  onOpen(slug: string): void;
  onDeleted(): void;
}

/** Days between touches: empty means the default for the person's roles. */
function CadenceField({
  person,
  settings,
  saver,
}: {
  person: Person;
  settings: Settings;
  saver: PatchSaver;
}) {
  const stored = person.cadenceDays === null ? '' : String(person.cadenceDays);
  const field = useSyncedValue(stored);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useFieldId('cadence');
  const { min, max } = LIMITS.cadenceDays;
  const fallback = cadenceFor({ ...person, cadenceDays: null }, settings);
  return (
    <div class="field">
      <label for={id}>{ui.t('record_cadenceLabel')}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        placeholder={ui.t('record_cadenceDefault', { days: fallback })}
        value={field.value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-msg`}
        onFocus={field.onFocus}
        onBlur={() => {
          field.onBlur();
          if (problem) {
            field.setValue(stored);
            setProblem(null);
          }
          void saver.flush();
        }}
        onInput={(event) => {
          const text = event.currentTarget.value.trim();
          field.setValue(event.currentTarget.value);
          if (text === '') {
            setProblem(null);
            return saver.queue({ cadenceDays: null });
          }
          const days = Number(text);
          if (!Number.isInteger(days) || days < min || days > max) {
            setProblem(ui.t('record_cadenceInvalid', { min, max }));
            return;
          }
          setProblem(null);
          saver.queue({ cadenceDays: days });
        }}
      />
      <span id={`${id}-msg`} class={problem ? 'error' : 'muted'}>
        {problem ?? (person.cadenceDays === null ? ui.n('record_cadenceFromRoles', fallback) : '')}
      </span>
    </div>
  );
}

/**
 * The whole record of one person, edited in place. Every change saves as the user types
 * (see usePatchSaver) and every section reads live, so other views and windows stay in step.
 */
export function PersonRecord({ db, person, settings, onOpen, onDeleted }: PersonRecordProps) {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const report = (kind: 'ok' | 'error', text: string) => setStatus({ kind, text });
  const saver = usePatchSaver(db, person.slug, (text) => report('error', text));
  const identity = { slug: person.slug };
  const name = person.name || person.slug;
  const leave = () => void saver.flush();

  return (
    <article class="stack record" aria-labelledby="record-title">
      <header class="stack">
        <h2 id="record-title" class="break" tabIndex={-1}>
          {name}
        </h2>
        {person.headline && (
          <p class="muted break" dir="auto">
            {person.headline}
          </p>
        )}
        {person.profileUrl ? (
          <a href={person.profileUrl} target="_blank" rel="noreferrer">
            {ui.t('record_openProfile', { name })}
          </a>
        ) : (
          <p class="muted">{ui.t('record_noProfile')}</p>
        )}
      </header>

      <RoleToggles
        roles={person.roles}
        // toggleRole reads the stored roles inside its transaction: two quick clicks both count.
        onToggle={(role) =>
          void toggleRole(db, identity, role, Date.now()).catch((error: unknown) =>
            report('error', errorText(ui, error)),
          )
        }
      />
      <label class="check">
        <input
          type="checkbox"
          checked={person.decisionMaker}
          onChange={(event) => saver.queue({ decisionMaker: event.currentTarget.checked }, true)}
        />
        {ui.t('record_decisionMaker')}
      </label>

      <p
        role="status"
        class={status?.kind === 'error' ? 'error' : 'ok'}
        data-testid="record-status"
      >
        {status?.text ?? ''}
      </p>

      <TouchLogger db={db} identity={identity} report={report} />

      <section class="stack" aria-labelledby="details-title">
        <h3 id="details-title">{ui.t('record_about', { name })}</h3>
        <TextField
          label={ui.t('record_name')}
          stored={person.name}
          maxLength={LIMITS.name}
          validate={(text) => (text.trim() ? null : ui.t('record_nameEmpty'))}
          onEdit={(text) => saver.queue({ name: text })}
          onLeave={leave}
        />
        <TextField
          label={ui.t('record_headline')}
          stored={person.headline}
          maxLength={LIMITS.shortText}
          onEdit={(text) => saver.queue({ headline: text })}
          onLeave={leave}
        />
        <TextField
          label={ui.t('record_company')}
          stored={person.company}
          maxLength={LIMITS.shortText}
          onEdit={(text) => saver.queue({ company: text })}
          onLeave={leave}
        />
        <div class="grid-2">
          <ChoiceField
            label={ui.t('record_level')}
            value={person.level}
            options={LEVELS}
            labels={(level) => ui.t(labelKey('level', level))}
            onChoose={(level) => saver.queue({ level }, true)}
          />
          <ChoiceField
            label={ui.t('record_influence')}
            value={person.influence}
            options={INFLUENCES}
            labels={(influence) => ui.t(labelKey('influence', influence))}
            onChoose={(influence) => saver.queue({ influence }, true)}
          />
          <ChoiceField
            label={ui.t('record_stance')}
            value={person.stance}
            options={STANCES}
            labels={(stance) => ui.t(labelKey('stance', stance))}
            onChoose={(stance) => saver.queue({ stance }, true)}
          />
          <ChoiceField
            label={ui.t('record_basis')}
            value={person.basis}
            options={BASES}
            labels={(basis) => ui.t(labelKey('basis', basis))}
            onChoose={(basis) => saver.queue({ basis }, true)}
          />
        </div>
        <TextField
          label={ui.t('record_motivations')}
          multiline
          stored={person.motivations}
          maxLength={LIMITS.longText}
          onEdit={(text) => saver.queue({ motivations: text })}
          onLeave={leave}
        />
        <TextField
          label={ui.t('record_influencedBy')}
          multiline
          stored={person.influencedBy}
          maxLength={LIMITS.longText}
          onEdit={(text) => saver.queue({ influencedBy: text })}
          onLeave={leave}
        />
        <CadenceField person={person} settings={settings} saver={saver} />
      </section>

      <FollowUps db={db} slug={person.slug} report={report} />
      <Timeline db={db} identity={identity} report={report} />
      <Ties db={db} slug={person.slug} name={name} report={report} onOpen={onOpen} />
      <RecordActions db={db} person={person} report={report} onDeleted={onDeleted} />
    </article>
  );
}

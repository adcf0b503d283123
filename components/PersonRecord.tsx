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
  LABELS,
  LEVELS,
  LIMITS,
  STANCES,
  cadenceFor,
  type Person,
  type Settings,
} from '@/utils/model';

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
      <label for={id}>Days between touches</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        placeholder={`Default: ${fallback}`}
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
            setProblem(`Enter whole days from ${min} to ${max}, or leave empty for the default.`);
            return;
          }
          setProblem(null);
          saver.queue({ cadenceDays: days });
        }}
      />
      <span id={`${id}-msg`} class={problem ? 'error' : 'muted'}>
        {problem ??
          (person.cadenceDays === null ? `Empty: every ${fallback} days, from the roles.` : '')}
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
        {person.headline && <p class="muted break">{person.headline}</p>}
        {person.profileUrl ? (
          <a href={person.profileUrl} target="_blank" rel="noreferrer">
            Open {name}'s LinkedIn profile
          </a>
        ) : (
          <p class="muted">
            No LinkedIn profile yet: open theirs on LinkedIn, and this panel offers to link it.
          </p>
        )}
      </header>

      <RoleToggles
        roles={person.roles}
        // toggleRole reads the stored roles inside its transaction: two quick clicks both count.
        onToggle={(role) =>
          void toggleRole(db, identity, role, Date.now()).catch((error: unknown) =>
            report('error', error instanceof Error ? error.message : String(error)),
          )
        }
      />
      <label class="check">
        <input
          type="checkbox"
          checked={person.decisionMaker}
          onChange={(event) => saver.queue({ decisionMaker: event.currentTarget.checked }, true)}
        />
        Decision maker for my promotion
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
        <h3 id="details-title">About {name}</h3>
        <TextField
          label="Name"
          stored={person.name}
          maxLength={LIMITS.name}
          validate={(text) =>
            text.trim() ? null : 'A name cannot be empty; the saved name is kept.'
          }
          onEdit={(text) => saver.queue({ name: text })}
          onLeave={leave}
        />
        <TextField
          label="Headline"
          stored={person.headline}
          maxLength={LIMITS.shortText}
          onEdit={(text) => saver.queue({ headline: text })}
          onLeave={leave}
        />
        <TextField
          label="Company"
          stored={person.company}
          maxLength={LIMITS.shortText}
          onEdit={(text) => saver.queue({ company: text })}
          onLeave={leave}
        />
        <div class="grid-2">
          <ChoiceField
            label="Level above me"
            value={person.level}
            options={LEVELS}
            labels={LABELS.level}
            onChoose={(level) => saver.queue({ level }, true)}
          />
          <ChoiceField
            label="Influence on my career"
            value={person.influence}
            options={INFLUENCES}
            labels={LABELS.influence}
            onChoose={(influence) => saver.queue({ influence }, true)}
          />
          <ChoiceField
            label="Stance toward me"
            value={person.stance}
            options={STANCES}
            labels={LABELS.stance}
            onChoose={(stance) => saver.queue({ stance }, true)}
          />
          <ChoiceField
            label="Basis of the alliance"
            value={person.basis}
            options={BASES}
            labels={LABELS.basis}
            onChoose={(basis) => saver.queue({ basis }, true)}
          />
        </div>
        <TextField
          label="Motivations"
          multiline
          stored={person.motivations}
          maxLength={LIMITS.longText}
          onEdit={(text) => saver.queue({ motivations: text })}
          onLeave={leave}
        />
        <TextField
          label="What influences them"
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

import { useState } from 'preact/hooks';
import { useFieldId } from './fields';
import { PersonPicker } from './PersonPicker';
import type { AllianceDb } from '@/utils/db/schema';
import { ui } from '@/utils/i18n';
import { LIMITS, type Person } from '@/utils/model';

/** "How they are connected", the optional label of a tie. */
export function TieLabelField({
  id,
  value,
  onInput,
}: {
  id: string;
  value: string;
  onInput(value: string): void;
}) {
  return (
    <div class="field">
      <label for={id}>{ui.t('ties_how')}</label>
      <input
        id={id}
        type="text"
        maxLength={LIMITS.label}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </div>
  );
}

interface TieAdderProps {
  db: AllianceDb;
  slug: string;
  name: string;
  /** Ties the person to `other`; answers whether it did (then the label is cleared). */
  onTie(other: Person, label: string): Promise<boolean>;
}

/** Ties a person to anyone known: how they are connected, then who (the side panel and the map). */
export function TieAdder({ db, slug, name, onTie }: TieAdderProps) {
  const [label, setLabel] = useState('');
  const id = useFieldId('tie');
  return (
    <>
      <TieLabelField id={`${id}-label`} value={label} onInput={setLabel} />
      <PersonPicker
        db={db}
        label={ui.t('ties_pickerLabel', { name })}
        excludeSlug={slug}
        action={(other) => ui.t('ties_pickAction', { name: other.name || other.slug })}
        onPick={(other) => {
          void onTie(other, label).then((tied) => tied && setLabel(''));
        }}
      />
    </>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { ui } from '@/utils/i18n';

/**
 * The value a field shows: what the user is typing while it has focus, otherwise what is
 * stored, so that a change made in another view appears at once without fighting the typist.
 */
export function useSyncedValue<T>(stored: T): {
  value: T;
  setValue(value: T): void;
  onFocus(): void;
  onBlur(): void;
} {
  const [value, setValue] = useState(stored);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setValue(stored);
  }, [stored]);
  return {
    value,
    setValue,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
    },
  };
}

let nextId = 0;
/** A stable id for tying a label or message to its control. */
export function useFieldId(prefix: string): string {
  const id = useRef<string | undefined>(undefined);
  id.current ??= `${prefix}-${++nextId}`;
  return id.current;
}

interface TextFieldProps {
  label: string;
  stored: string;
  maxLength: number;
  multiline?: boolean;
  /** A message when the text cannot be saved; null when it can. */
  validate?(text: string): string | null;
  onEdit(text: string): void;
  /** Leaving the field writes at once. */
  onLeave(): void;
}

/** A labelled text input or textarea that saves as the user types and says what is wrong. */
export function TextField({
  label,
  stored,
  maxLength,
  multiline,
  validate,
  onEdit,
  onLeave,
}: TextFieldProps) {
  const field = useSyncedValue(stored);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useFieldId('field');
  const atLimit = field.value.length >= maxLength;
  const message = problem ?? (atLimit ? ui.t('field_limit', { max: maxLength }) : null);
  const props = {
    id,
    value: field.value,
    maxLength,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': message ? `${id}-msg` : undefined,
    onFocus: field.onFocus,
    onBlur: () => {
      field.onBlur();
      if (problem) {
        // Leaving an invalid field shows the saved value again.
        field.setValue(stored);
        setProblem(null);
      }
      onLeave();
    },
    onInput: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      // A paste longer than the limit is cut, never stored whole.
      const text = event.currentTarget.value.slice(0, maxLength);
      field.setValue(text);
      const error = validate?.(text) ?? null;
      setProblem(error);
      if (!error) onEdit(text);
    },
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      {message && (
        <span id={`${id}-msg`} class={problem ? 'error' : 'muted'}>
          {message}
        </span>
      )}
    </div>
  );
}

interface ChoiceFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly T[];
  /** The words for each option, in the user's language. */
  labels(option: T): string;
  onChoose(value: T): void;
}

/** A labelled select over one of the model's closed sets. */
export function ChoiceField<T extends string>({
  label,
  value,
  options,
  labels,
  onChoose,
}: ChoiceFieldProps<T>) {
  const id = useFieldId('choice');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChoose(event.currentTarget.value as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {labels(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A day picker bounded to the years the product supports (1900–9999), as the model checks. */
export function DayInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <input
      id={id}
      type="date"
      min="1900-01-01"
      max="9999-12-31"
      value={value}
      onInput={(event) => onChange(event.currentTarget.value)}
    />
  );
}

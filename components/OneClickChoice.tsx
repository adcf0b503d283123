import { useFieldId } from './fields';

interface OneClickChoiceProps<T extends string> {
  legend: string;
  value: T;
  options: readonly T[];
  labels: Record<T, string>;
  onChoose(value: T): void;
}

/** One of a closed set, chosen in one click: a row of pressed / not pressed buttons. */
export function OneClickChoice<T extends string>({
  legend,
  value,
  options,
  labels,
  onChoose,
}: OneClickChoiceProps<T>) {
  const id = useFieldId('choice');
  return (
    <div class="one-click" role="group" aria-labelledby={id}>
      <span id={id} class="one-click-legend">
        {legend}
      </span>
      <div class="row">
        {options.map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={option === value}
            onClick={() => option !== value && onChoose(option)}
          >
            {labels[option]}
          </button>
        ))}
      </div>
    </div>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { TieLabelField } from '../TieAdder';

interface TieDialogProps {
  from: string;
  to: string;
  onSave(label: string): void;
  onCancel(): void;
}

/** Asks, after a tie is drawn, how the two people are connected (optional). */
export function TieDialog({ from, to, onSave, onCancel }: TieDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [label, setLabel] = useState('');
  useEffect(() => {
    const node = dialog.current;
    node?.showModal();
    return () => node?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="tie-dialog"
      aria-labelledby="tie-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          onSave(label);
        }}
      >
        <h2 id="tie-dialog-title">
          Tie {from} and {to}
        </h2>
        <TieLabelField id="tie-dialog-label" value={label} onInput={setLabel} />
        <div class="row">
          <button type="submit" class="primary">
            Save the tie
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

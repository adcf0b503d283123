import { useEffect, useRef, useState } from 'preact/hooks';
import { TieLabelField } from '../TieAdder';
import { ui } from '@/utils/i18n';

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
        <h2 id="tie-dialog-title">{ui.t('map_tieTitle', { from, to })}</h2>
        <TieLabelField id="tie-dialog-label" value={label} onInput={setLabel} />
        <div class="row">
          <button type="submit" class="primary">
            {ui.t('map_tieSave')}
          </button>
          <button type="button" onClick={onCancel}>
            {ui.t('common_cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

import { dataChangedItem } from '@/utils/settings';

/** Calls `onChange` whenever the relationship data changes anywhere, until `signal` aborts. */
export function onDataChange(signal: AbortSignal, onChange: () => void): void {
  const unwatch = dataChangedItem.watch(() => {
    if (!signal.aborted) onChange();
  });
  signal.addEventListener('abort', unwatch, { once: true });
}

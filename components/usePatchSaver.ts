import { useEffect, useMemo, useRef } from 'preact/hooks';
import { clearStashedEdit, stashEdit } from '@/utils/unsaved-edits';
import { updatePerson, type PersonPatch } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';
import { ui } from '@/utils/i18n';
import { errorText } from '@/utils/i18n/user-error';

/** How long typing must pause before an edit is written. */
export const SAVE_DELAY_MS = 400;

/** Queues edits to one person's record and writes them together. */
export interface PatchSaver {
  /** Adds to the pending edit; `immediate` writes at once (a click rather than typing). */
  queue(patch: PersonPatch, immediate?: boolean): void;
  /** Writes whatever is pending now. */
  flush(): Promise<void>;
}

function pageStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Saves as the user types: edits are merged and written after a pause of `delay`, and at once
 * when the page is hidden or closed or the record view goes away, so that closing the panel
 * mid-edit keeps the edit. Until written, the edit also waits in page storage (see
 * utils/unsaved-edits.ts). Errors go to `onError` with a message for the user.
 */
export function usePatchSaver(
  db: AllianceDb,
  slug: string,
  onError: (message: string) => void,
  delay = SAVE_DELAY_MS,
): PatchSaver {
  const pending = useRef<PersonPatch | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const reportError = useRef(onError);
  reportError.current = onError;

  const saver = useMemo<PatchSaver>(() => {
    const storage = pageStorage();
    const flush = async () => {
      clearTimeout(timer.current);
      const patch = pending.current;
      if (!patch) return;
      pending.current = null;
      try {
        await updatePerson(db, slug, patch, Date.now());
        if (!pending.current && storage) clearStashedEdit(storage, slug);
      } catch (error) {
        reportError.current(errorText(ui, error));
      }
    };
    return {
      flush,
      queue(patch, immediate = false) {
        pending.current = { ...pending.current, ...patch };
        if (storage) stashEdit(storage, slug, pending.current, Date.now());
        clearTimeout(timer.current);
        if (immediate) void flush();
        else timer.current = setTimeout(() => void flush(), delay);
      },
    };
  }, [db, slug, delay]);

  useEffect(() => {
    const onHide = () => document.visibilityState === 'hidden' && void saver.flush();
    const onPageHide = () => void saver.flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void saver.flush();
    };
  }, [saver]);

  return saver;
}

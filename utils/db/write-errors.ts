/** Errors of a failed write, in words a user can act on. */
import { english } from '@/utils/i18n/english';
import type { Translator } from '@/utils/i18n/translator';

interface MaybeDexieError {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
}

function isQuotaError(error: unknown): boolean {
  const found = error as MaybeDexieError | null;
  if (typeof found !== 'object' || found === null) return false;
  // Dexie reports a full disk as an AbortError whose `inner` is the QuotaExceededError.
  return found.name === 'QuotaExceededError' || isQuotaError(found.inner);
}

/**
 * "Nothing was changed" plus the reason, for a write that ran in one aborted transaction. The
 * import worker has no browser to ask for the language, so it is given one (English by default).
 */
export function describeFailedWrite(error: unknown, t: Translator = english): string {
  if (isQuotaError(error)) {
    return t.t('error_quota');
  }
  const detail =
    error instanceof Error ? error.message : String((error as MaybeDexieError)?.message ?? error);
  return t.t('error_importFailed', { detail });
}

/**
 * A message that ends like a sentence, so that another can follow it. Its start is kept as is:
 * it may be a path into the file, such as `people[3].roles[0]`.
 */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

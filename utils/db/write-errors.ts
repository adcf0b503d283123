/** Errors of a failed write, in words a user can act on. */

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

/** "Nothing was changed" plus the reason, for a write that ran in one aborted transaction. */
export function describeFailedWrite(error: unknown): string {
  if (isQuotaError(error)) {
    return 'The browser has no room left for this data, so nothing was changed. Free some disk space and try again.';
  }
  const detail =
    error instanceof Error ? error.message : String((error as MaybeDexieError)?.message ?? error);
  return `The import failed and nothing was changed: ${detail}`;
}

/**
 * A message that ends like a sentence, so that another can follow it. Its start is kept as is:
 * it may be a path into the file, such as `people[3].roles[0]`.
 */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Sync's state in words for the options page: the last sync, the changes not yet sent, and any
 * problem as a sentence that says what to do (docs/sync.md, "Status").
 */
import { SyncProblem } from './problem';
import type { SyncStatusRow } from './tables';

/** An HTTP error as PouchDB reports it. */
interface HttpError {
  status?: number;
  name?: string;
  message?: string;
  reason?: string;
}

/** What went wrong, as a sentence that says what to do. */
export function describeSyncError(error: unknown): string {
  if (error instanceof SyncProblem) return error.message;
  const { status, name, message, reason } = (
    typeof error === 'object' && error !== null ? error : {}
  ) as HttpError;
  if (name === 'QuotaExceededError' || /quota/i.test(message ?? ''))
    return 'This computer’s storage is full, so sync could not save what it received. Free some disk space; sync will try again.';
  switch (status) {
    case 401:
      return 'The server refused the user name or password (401). Check them, or ask the server’s owner.';
    case 403:
      return 'The server does not let this user read or write this database (403). Ask the server’s owner to give the user access.';
    case 404:
      return 'There is no database at this address, and this user may not create one (404). Check the address, or ask the server’s owner to create the database.';
    case 413:
      return 'The server refused a document as too large (413). Raise its maximum document size.';
  }
  if (status !== undefined && status >= 500)
    return `The server had a problem (${status}${reason ? `: ${reason}` : ''}). Sync will try again.`;
  if (error instanceof TypeError || status === 0 || /fetch|network/i.test(message ?? ''))
    return 'The server could not be reached: you may be offline, or the address may be wrong. Sync will try again.';
  return `Sync stopped: ${message ?? String(error)}`;
}

function ago(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${plural(hours, 'hour')} ago`;
  return `${plural(Math.round(hours / 24), 'day')} ago`;
}

function plural(count: number, one: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : `${one}s`}`;
}

/** The lines of the status, in reading order. */
export function statusLines(
  status: SyncStatusRow | undefined,
  pending: number,
  now: number,
): string[] {
  if (!status) return ['Starting…'];
  const lines: string[] = [];
  const { progress } = status;
  if (progress && status.state === 'syncing') {
    const verb = progress.direction === 'send' ? 'Sending' : 'Receiving';
    lines.push(
      `${verb}: ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} records…`,
    );
  } else if (status.state === 'syncing') lines.push('Syncing…');
  lines.push(
    status.lastSyncAt === null ? 'Not synced yet.' : `Last synced ${ago(now - status.lastSyncAt)}.`,
  );
  lines.push(
    pending === 0
      ? 'Every change made here is on the server.'
      : `${plural(pending, 'change')} made here ${pending === 1 ? 'is' : 'are'} not on the server yet.`,
  );
  if (status.error) lines.push(status.error);
  return lines;
}

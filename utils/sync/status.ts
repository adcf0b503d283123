/**
 * Sync's state in words for the options page: the last sync, the changes not yet sent, and any
 * problem as a sentence that says what to do (docs/sync.md, "Status"). The background keeps a
 * problem as a message id, so that the page shows it in the user's language.
 */
import { SyncProblem } from './problem';
import type { SyncStatusRow } from './tables';
import type { MessageKey, PluralKey } from '@/utils/i18n/messages';
import type { MessageValues, Translator } from '@/utils/i18n/translator';

/** A message for the user, to be put in words where it is shown. */
export type SyncNotice =
  { key: MessageKey; values?: MessageValues } | { plural: PluralKey; count: number };

/** An HTTP error as PouchDB reports it. */
interface HttpError {
  status?: number;
  name?: string;
  message?: string;
  reason?: string;
}

const BY_STATUS: Partial<Record<number, MessageKey>> = {
  401: 'sync_error401',
  403: 'sync_error403',
  404: 'sync_error404',
  413: 'sync_error413',
};

/** What went wrong, as a message that says what to do. */
export function describeSyncError(error: unknown): SyncNotice {
  if (error instanceof SyncProblem)
    return { key: error.messageId, ...(error.values ? { values: error.values } : {}) };
  const { status, name, message, reason } = (
    typeof error === 'object' && error !== null ? error : {}
  ) as HttpError;
  if (name === 'QuotaExceededError' || /quota/i.test(message ?? ''))
    return { key: 'sync_errorQuota' };
  const known = status === undefined ? undefined : BY_STATUS[status];
  if (known) return { key: known };
  if (status !== undefined && status >= 500)
    return reason
      ? { key: 'sync_errorServerReason', values: { status: String(status), reason } }
      : { key: 'sync_errorServer', values: { status: String(status) } };
  if (isUnreachable(error)) return { key: 'sync_errorUnreachable' };
  return { key: 'sync_stopped', values: { detail: message ?? String(error) } };
}

/** The server could not be reached at all: offline, or no server at that address. */
export function isUnreachable(error: unknown): boolean {
  const { status, message } = (
    typeof error === 'object' && error !== null ? error : {}
  ) as HttpError;
  return error instanceof TypeError || status === 0 || /fetch|network/i.test(message ?? '');
}

/** A notice in the words of `t`. */
export function noticeText(t: Translator, notice: SyncNotice): string {
  return 'plural' in notice ? t.n(notice.plural, notice.count) : t.t(notice.key, notice.values);
}

/** "5 minutes ago", in the unit a person would use, in the language of `t`. */
function ago(t: Translator, ms: number): string {
  const format = new Intl.RelativeTimeFormat(t.locale, { numeric: 'auto' });
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}

/** One line of the status, and whether it tells of a problem. */
export interface StatusLine {
  text: string;
  problem: boolean;
}

/** The lines of the status, in reading order. */
export function statusLines(
  t: Translator,
  status: SyncStatusRow | undefined,
  pending: number,
  now: number,
): StatusLine[] {
  const line = (text: string, problem = false): StatusLine => ({ text, problem });
  if (!status) return [line(t.t('sync_starting'))];
  const lines: StatusLine[] = [];
  const { progress } = status;
  if (progress && status.state === 'syncing') {
    const values = { done: progress.done, total: progress.total };
    lines.push(
      line(t.t(progress.direction === 'send' ? 'sync_sending' : 'sync_receiving', values)),
    );
  } else if (status.state === 'syncing') lines.push(line(t.t('sync_syncing')));
  lines.push(
    line(
      status.lastSyncAt === null
        ? t.t('sync_notYet')
        : now - status.lastSyncAt < 60_000
          ? t.t('sync_lastSyncedNow')
          : t.t('sync_lastSynced', { ago: ago(t, now - status.lastSyncAt) }),
    ),
  );
  lines.push(line(pending === 0 ? t.t('sync_allSent') : t.n('sync_pending', pending)));
  if (status.error) lines.push(line(noticeText(t, status.error), true));
  return lines;
}

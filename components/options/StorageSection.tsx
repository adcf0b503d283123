import { useEffect, useState } from 'preact/hooks';
import { KIND_LABELS } from '@/utils/transfer/backup-plan';
import {
  formatBytes,
  lastBackupItem,
  readEstimate,
  requestPersistence,
  type StorageApi,
  type StorageEstimateView,
} from '@/utils/storage-status';
import { useLiveQuery } from '@/components/useLiveQuery';
import { ALL_TABLES, type AllianceDb } from '@/utils/db/schema';
import { formatDay } from '@/utils/format';

/** How many records each table holds, kept current by a live query. */
function useRecordCounts(db: AllianceDb) {
  return useLiveQuery(
    () =>
      db.transaction('r', ALL_TABLES, () =>
        Promise.all(ALL_TABLES.map((name) => db.table(name).count())),
      ),
    [db],
  );
}

/** The date of the last backup export, kept current as exports happen. */
function useLastBackup(): number | null | undefined {
  const [at, setAt] = useState<number | null>();
  useEffect(() => {
    void lastBackupItem.getValue().then(setAt);
    return lastBackupItem.watch(setAt);
  }, []);
  return at;
}

function persistText(persisted: boolean | null | undefined): string {
  if (persisted === undefined) return 'checking…';
  if (persisted === null) return 'unknown (this browser does not say)';
  return persisted
    ? 'granted: the browser will not clear your data to free space'
    : 'not granted: the browser may clear your data when the disk is nearly full';
}

function spaceText(estimate: StorageEstimateView | undefined): string {
  if (estimate?.usage == null) return 'unknown';
  const quota = estimate.quota != null ? ` of ${formatBytes(estimate.quota)} available` : '';
  return `${formatBytes(estimate.usage)}${quota}`;
}

/**
 * Where the data lives and how safe it is: persistent storage (asked for from this page on
 * opening it), the space used, what is stored, and the date of the last backup.
 */
export function StorageSection({
  db,
  storage,
}: {
  db: AllianceDb;
  storage: StorageApi | undefined;
}) {
  const [persisted, setPersisted] = useState<boolean | null>();
  const [estimate, setEstimate] = useState<StorageEstimateView>();
  const counts = useRecordCounts(db);
  const lastBackup = useLastBackup();
  const countsKey = counts.status === 'ready' ? counts.value.join() : '';

  useEffect(() => {
    void requestPersistence(storage).then(setPersisted);
  }, [storage]);
  // The space used changes with the data.
  useEffect(() => {
    void readEstimate(storage).then(setEstimate);
  }, [storage, countsKey]);

  return (
    <section class="card stack" aria-labelledby="storage-title">
      <h2 id="storage-title">Your data on this computer</h2>
      <dl class="facts">
        <dt>Stored</dt>
        <dd data-testid="record-counts">
          {counts.status === 'ready'
            ? ALL_TABLES.map((name, i) => `${KIND_LABELS[name]}: ${counts.value[i]}`).join(' · ')
            : counts.status === 'error'
              ? `could not read the database (${counts.error.message})`
              : 'counting…'}
        </dd>
        <dt>Persistent storage</dt>
        <dd data-testid="persist-status">
          {persistText(persisted)}
          {persisted === false && (
            <>
              {' '}
              <button
                type="button"
                onClick={() => void requestPersistence(storage).then(setPersisted)}
              >
                Ask again
              </button>
            </>
          )}
        </dd>
        <dt>Space used</dt>
        <dd>{spaceText(estimate)}</dd>
        <dt>Last backup</dt>
        <dd data-testid="last-backup">
          {lastBackup === undefined
            ? 'checking…'
            : lastBackup === null
              ? 'never'
              : formatDay(lastBackup)}
        </dd>
      </dl>
      <p class="reminder">
        <strong>Uninstalling Alliance Map deletes everything it stores.</strong> A backup file is
        your only protection: export one regularly and keep it somewhere safe.
      </p>
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
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
import { labelKey, ui } from '@/utils/i18n';

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
  if (persisted === undefined) return ui.t('storage_checking');
  if (persisted === null) return ui.t('storage_persistUnknown');
  return ui.t(persisted ? 'storage_persistGranted' : 'storage_persistRefused');
}

function spaceText(estimate: StorageEstimateView | undefined): string {
  if (estimate?.usage == null) return ui.t('storage_spaceUnknown');
  const used = formatBytes(estimate.usage, ui.locale);
  return estimate.quota != null
    ? ui.t('storage_spaceOf', { used, quota: formatBytes(estimate.quota, ui.locale) })
    : used;
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
      <h2 id="storage-title">{ui.t('storage_title')}</h2>
      <dl class="facts">
        <dt>{ui.t('storage_stored')}</dt>
        <dd data-testid="record-counts">
          {counts.status === 'ready'
            ? ALL_TABLES.map((name, i) =>
                ui.t('storage_count', {
                  kind: ui.t(labelKey('records', name)),
                  count: counts.value[i] ?? 0,
                }),
              ).join(' · ')
            : counts.status === 'error'
              ? ui.t('storage_readError', { detail: counts.error.message })
              : ui.t('storage_counting')}
        </dd>
        <dt>{ui.t('storage_persistent')}</dt>
        <dd data-testid="persist-status">
          {persistText(persisted)}
          {persisted === false && (
            <>
              {' '}
              <button
                type="button"
                onClick={() => void requestPersistence(storage).then(setPersisted)}
              >
                {ui.t('storage_askAgain')}
              </button>
            </>
          )}
        </dd>
        <dt>{ui.t('storage_space')}</dt>
        <dd>{spaceText(estimate)}</dd>
        <dt>{ui.t('storage_lastBackup')}</dt>
        <dd data-testid="last-backup">
          {lastBackup === undefined
            ? ui.t('storage_checking')
            : lastBackup === null
              ? ui.t('storage_never')
              : ui.day(lastBackup)}
        </dd>
      </dl>
      <p class="reminder">
        <strong>{ui.t('storage_uninstallWarning')}</strong> {ui.t('storage_backupAdvice')}
      </p>
    </section>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import {
  backupFileName,
  isTooLargeForBackup,
  planRows,
  planSummary,
} from '@/utils/transfer/backup-plan';
import { downloadText } from '@/utils/download';
import { asSentence, describeFailedWrite } from '@/utils/db/write-errors';
import { Notice, errorNotice, useSectionAction } from './Notice';
import { SyncScopeChoice, useSyncIsOn, type SyncScope } from './SyncScope';
import { lastBackupItem } from '@/utils/storage-status';
import type { AllianceDb } from '@/utils/db/schema';
import { ui } from '@/utils/i18n';
import type { Settings } from '@/utils/model';
import {
  applyImport,
  exportBackup,
  parseBackup,
  planImport,
  type Backup,
  type ImportMode,
  type ImportPlan,
} from '@/utils/transfer/backup';

interface BackupSectionProps {
  db: AllianceDb;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<unknown>;
  /** Turns sync off on this computer (the user chose to restore here only). */
  turnSyncOffHere(): Promise<void>;
}

/** A validated backup waiting for the user's choice of merge or replace. */
interface PendingImport {
  fileName: string;
  backup: Backup;
  mode: ImportMode;
  plan: ImportPlan | null;
  /** With sync on, where a replace applies: the user's answer, none until they give it. */
  scope?: SyncScope;
}

/** The words of each way to import: `backup_merge`, `backup_mergeHint`, `backup_mergeAction`. */
function modeText(mode: ImportMode) {
  return mode === 'merge'
    ? {
        label: ui.t('backup_merge'),
        hint: ui.t('backup_mergeHint'),
        action: ui.t('backup_mergeAction'),
        effect: ui.t('backup_mergeEffect'),
      }
    : {
        label: ui.t('backup_replace'),
        hint: ui.t('backup_replaceHint'),
        action: ui.t('backup_replaceAction'),
        effect: ui.t('backup_replaceEffect'),
      };
}

/**
 * Full backup and restore: export everything to one versioned JSON file; import one back after
 * validating all of it and showing what it will do. A bad file changes nothing.
 */
export function BackupSection({
  db,
  loadSettings,
  saveSettings,
  turnSyncOffHere,
}: BackupSectionProps) {
  const [pending, setPending] = useState<PendingImport>();
  const syncOn = useSyncIsOn(db) ?? false;
  const { message, setMessage, busy, run } = useSectionAction();
  const fileInput = useRef<HTMLInputElement>(null);

  // The plan is computed for the mode shown, and again when the user switches mode.
  const planKey = pending ? `${pending.fileName}|${pending.mode}` : '';
  useEffect(() => {
    if (!pending || pending.plan) return;
    let live = true;
    planImport(db, pending.backup, pending.mode).then(
      (plan) => live && setPending((current) => current && { ...current, plan }),
      (error: unknown) => live && setMessage(errorNotice(error)),
    );
    return () => {
      live = false;
    };
  }, [planKey, pending?.plan]);

  const clearFile = () => {
    setPending(undefined);
    if (fileInput.current) fileInput.current.value = '';
  };

  const onExport = () =>
    run(async () => {
      const now = Date.now();
      const text = await exportBackup(db, await loadSettings(), now);
      downloadText(backupFileName(now), text, 'application/json');
      await lastBackupItem.setValue(now);
      return { kind: 'ok', text: ui.t('backup_saved', { file: backupFileName(now) }) };
    });

  const onChooseFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    setPending(undefined);
    if (!file) return;
    const refuse = (text: string) => {
      setMessage({
        kind: 'error',
        text: ui.t('backup_refused', { file: file.name, reason: asSentence(text) }),
      });
      clearFile();
    };
    if (isTooLargeForBackup(file.size)) return refuse(ui.t('backup_tooLarge'));
    setMessage({ kind: 'info', text: ui.t('backup_checking', { file: file.name }) });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return refuse(ui.t('backup_unreadable', { detail: errorNotice(error).text }));
    }
    const parsed = parseBackup(text, ui);
    if (!parsed.ok) return refuse(parsed.error);
    setMessage({ kind: 'info', text: ui.t('backup_valid', { file: file.name }) });
    setPending({ fileName: file.name, backup: parsed.backup, mode: 'merge', plan: null });
  };

  const onApply = async () => {
    if (!pending) return;
    // A replace with sync on removes on the other devices too, unless the user says otherwise.
    const scope = syncOn && pending.mode === 'replace' ? pending.scope : undefined;
    if (syncOn && pending.mode === 'replace' && !scope) {
      setMessage({ kind: 'error', text: ui.t('syncScope_choose') });
      return;
    }
    await run(
      async () => {
        if (scope === 'here') await turnSyncOffHere();
        const settings = await applyImport(db, pending.backup, pending.mode);
        await saveSettings(settings);
        const { backup } = pending;
        clearFile();
        const done = ui.t(pending.mode === 'replace' ? 'backup_restored' : 'backup_merged', {
          held: ui.list([
            ui.n('count_people', backup.people.length),
            ui.n('count_notes', backup.notes.length),
            ui.n('count_touches', backup.touches.length),
            ui.n('count_ties', backup.ties.length),
            ui.n('count_followUps', backup.followUps.length),
          ]),
        });
        const spread = scope
          ? ui.t(scope === 'here' ? 'syncScope_doneHere' : 'syncScope_doneEverywhere')
          : undefined;
        return { kind: 'ok', text: spread ? `${done} ${spread}` : done };
      },
      (error) => ({ kind: 'error', text: describeFailedWrite(error, ui) }),
    );
  };

  return (
    <section class="card stack" aria-labelledby="backup-title">
      <h2 id="backup-title">{ui.t('backup_title')}</h2>
      <p class="muted">{ui.t('backup_hint')}</p>
      <div class="row">
        <button type="button" class="primary" onClick={onExport} disabled={busy}>
          {ui.t('backup_export')}
        </button>
      </div>
      <div class="stack">
        <label for="backup-file">{ui.t('backup_import')}</label>
        <input
          id="backup-file"
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          onChange={onChooseFile}
          disabled={busy}
        />
      </div>
      {pending && (
        <ImportChoice
          pending={pending}
          busy={busy}
          syncOn={syncOn}
          onMode={(mode) => setPending({ ...pending, mode, plan: null })}
          onScope={(scope) => setPending({ ...pending, scope })}
          onApply={onApply}
          onCancel={() => {
            clearFile();
            setMessage({ kind: 'info', text: ui.t('backup_cancelled') });
          }}
        />
      )}
      <Notice message={message} />
    </section>
  );
}

function ImportChoice({
  pending,
  busy,
  syncOn,
  onMode,
  onScope,
  onApply,
  onCancel,
}: {
  pending: PendingImport;
  busy: boolean;
  syncOn: boolean;
  onMode(mode: ImportMode): void;
  onScope(scope: SyncScope): void;
  onApply(): void;
  onCancel(): void;
}) {
  const { plan, mode } = pending;
  return (
    <div class="stack import-choice">
      <fieldset class="stack">
        <legend>{ui.t('backup_how', { file: pending.fileName })}</legend>
        {(['merge', 'replace'] as const).map((option) => (
          <label class="check" key={option}>
            <input
              type="radio"
              name="import-mode"
              value={option}
              checked={mode === option}
              onChange={() => onMode(option)}
            />
            <span>
              <strong>{modeText(option).label}</strong>{' '}
              <span class="muted">{modeText(option).hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {plan ? (
        <>
          <div class="table-wrap">
            <table>
              <caption>{modeText(mode).effect}</caption>
              <thead>
                <tr>
                  <th scope="col">{ui.t('backup_colRecords')}</th>
                  <th scope="col">{ui.t('backup_colNew')}</th>
                  <th scope="col">{ui.t('backup_colUpdated')}</th>
                  <th scope="col">{ui.t('backup_colUnchanged')}</th>
                  {mode === 'replace' && <th scope="col">{ui.t('backup_colRemoved')}</th>}
                </tr>
              </thead>
              <tbody>
                {planRows(plan).map((row) => (
                  <tr key={row.kind}>
                    <th scope="row">{row.label}</th>
                    <td>{ui.number(row.counts.new)}</td>
                    <td>{ui.number(row.counts.updated)}</td>
                    <td>{ui.number(row.counts.unchanged)}</td>
                    {mode === 'replace' && <td>{ui.number(row.counts.removed)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>{planSummary(plan, mode)}</p>
        </>
      ) : (
        <p class="muted">{ui.t('backup_comparing')}</p>
      )}
      {syncOn && mode === 'replace' && (
        <SyncScopeChoice action="replace" scope={pending.scope} onScope={onScope} />
      )}
      <div class="row">
        <button
          type="button"
          class={mode === 'replace' ? 'danger' : 'primary'}
          onClick={onApply}
          disabled={busy || !plan}
        >
          {modeText(mode).action}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {ui.t('common_cancel')}
        </button>
      </div>
    </div>
  );
}

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
import { lastBackupItem } from '@/utils/storage-status';
import type { AllianceDb } from '@/utils/db/schema';
import { plural } from '@/utils/format';
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
}

/** A validated backup waiting for the user's choice of merge or replace. */
interface PendingImport {
  fileName: string;
  backup: Backup;
  mode: ImportMode;
  plan: ImportPlan | null;
}

const MODE_TEXT: Record<ImportMode, { label: string; hint: string; action: string }> = {
  merge: {
    label: 'Merge',
    hint: 'Keep what is here and add the backup; where both have a record, the newer one wins.',
    action: 'Merge into my data',
  },
  replace: {
    label: 'Replace',
    hint: 'Make your data exactly the backup: anything not in it is removed.',
    action: 'Replace my data',
  },
};

/**
 * Full backup and restore: export everything to one versioned JSON file; import one back after
 * validating all of it and showing what it will do. A bad file changes nothing.
 */
export function BackupSection({ db, loadSettings, saveSettings }: BackupSectionProps) {
  const [pending, setPending] = useState<PendingImport>();
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
      return { kind: 'ok', text: `Backup saved as ${backupFileName(now)}.` };
    });

  const onChooseFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    setPending(undefined);
    if (!file) return;
    const refuse = (text: string) => {
      setMessage({
        kind: 'error',
        text: `${file.name} was not imported. ${asSentence(text)} Nothing was changed.`,
      });
      clearFile();
    };
    if (isTooLargeForBackup(file.size))
      return refuse('The file is far larger than a backup can be.');
    setMessage({ kind: 'info', text: `Checking ${file.name}…` });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return refuse(`The file could not be read (${errorNotice(error).text}).`);
    }
    const parsed = parseBackup(text);
    if (!parsed.ok) return refuse(parsed.error);
    setMessage({ kind: 'info', text: `${file.name} is a valid backup. Check what it will do.` });
    setPending({ fileName: file.name, backup: parsed.backup, mode: 'merge', plan: null });
  };

  const onApply = async () => {
    if (!pending) return;
    await run(
      async () => {
        const settings = await applyImport(db, pending.backup, pending.mode);
        await saveSettings(settings);
        const { backup } = pending;
        clearFile();
        return {
          kind: 'ok',
          text: `Backup ${pending.mode === 'replace' ? 'restored' : 'merged'}: the file held ${plural(backup.people.length, 'person', 'people')}, ${plural(backup.notes.length, 'note')}, ${plural(backup.touches.length, 'touch', 'touches')}, ${plural(backup.ties.length, 'tie')} and ${plural(backup.followUps.length, 'follow-up')}. Settings restored.`,
        };
      },
      (error) => ({ kind: 'error', text: describeFailedWrite(error) }),
    );
  };

  return (
    <section class="card stack" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup and restore</h2>
      <p class="muted">
        One JSON file with all your people, notes, touches, ties, follow-ups and settings.
      </p>
      <div class="row">
        <button type="button" class="primary" onClick={onExport} disabled={busy}>
          Export a backup
        </button>
      </div>
      <div class="stack">
        <label for="backup-file">Import a backup file</label>
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
          onMode={(mode) => setPending({ ...pending, mode, plan: null })}
          onApply={onApply}
          onCancel={() => {
            clearFile();
            setMessage({ kind: 'info', text: 'Import cancelled. Nothing was changed.' });
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
  onMode,
  onApply,
  onCancel,
}: {
  pending: PendingImport;
  busy: boolean;
  onMode(mode: ImportMode): void;
  onApply(): void;
  onCancel(): void;
}) {
  const { plan, mode } = pending;
  return (
    <div class="stack import-choice">
      <fieldset class="stack">
        <legend>How to import {pending.fileName}</legend>
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
              <strong>{MODE_TEXT[option].label}</strong>{' '}
              <span class="muted">{MODE_TEXT[option].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {plan ? (
        <>
          <div class="table-wrap">
            <table>
              <caption>What {MODE_TEXT[mode].label.toLowerCase()} will do</caption>
              <thead>
                <tr>
                  <th scope="col">Records</th>
                  <th scope="col">New</th>
                  <th scope="col">Updated</th>
                  <th scope="col">Unchanged</th>
                  {mode === 'replace' && <th scope="col">Removed</th>}
                </tr>
              </thead>
              <tbody>
                {planRows(plan).map((row) => (
                  <tr key={row.kind}>
                    <th scope="row">{row.label}</th>
                    <td>{row.counts.new}</td>
                    <td>{row.counts.updated}</td>
                    <td>{row.counts.unchanged}</td>
                    {mode === 'replace' && <td>{row.counts.removed}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>{planSummary(plan, mode)}</p>
        </>
      ) : (
        <p class="muted">Comparing the backup with your data…</p>
      )}
      <div class="row">
        <button
          type="button"
          class={mode === 'replace' ? 'danger' : 'primary'}
          onClick={onApply}
          disabled={busy || !plan}
        >
          {MODE_TEXT[mode].action}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}

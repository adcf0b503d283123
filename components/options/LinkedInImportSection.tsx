import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { skippedPreview, type LinkedInImportReport } from '@/utils/transfer/linkedin-import';
import { importInWorker, workerInAdvance } from '@/utils/transfer/import-channel';
import { takeInterruptedImport, whileImporting } from '@/utils/transfer/import-journal';
import ImportWorker from '@/utils/transfer/import-worker?worker';
import { announceDataChange } from '@/utils/db';
import { Notice, type NoticeMessage } from './Notice';
import { ui, uiTable } from '@/utils/i18n';
import { rich } from '@/components/rich';

interface Progress {
  fileName: string;
  fraction: number;
}

/**
 * Import of LinkedIn's own data export (Connections.csv or the whole archive ZIP). Large files
 * show a progress bar; the import runs in a worker (./import-channel.ts), so the page never freezes.
 */
export function LinkedInImportSection() {
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<Progress>();
  const [report, setReport] = useState<LinkedInImportReport>();
  const [message, setMessage] = useState<NoticeMessage>();
  const fileInput = useRef<HTMLInputElement>(null);
  const workers = useMemo(() => workerInAdvance(() => new ImportWorker(), uiTable), []);

  useEffect(() => {
    void takeInterruptedImport()
      .then((text) => text && setMessage({ kind: 'error', text }))
      .catch(() => undefined);
  }, []);

  const onImport = async () => {
    if (!file) return;
    setReport(undefined);
    setMessage({ kind: 'info', text: ui.t('linkedin_importing', { file: file.name }) });
    setProgress({ fileName: file.name, fraction: 0 });
    const result = await whileImporting(file.name, () =>
      importInWorker(
        () => workers.take(file),
        Date.now(),
        (done, total) =>
          setProgress({ fileName: file.name, fraction: total > 0 ? Math.min(1, done / total) : 0 }),
        announceDataChange,
        ui,
      ),
    );
    setProgress(undefined);
    setReport(result);
    setMessage({
      // An import that brought nobody in is not shown as a success.
      kind: !result.ok ? 'error' : result.changed ? 'ok' : 'info',
      text: result.ok
        ? result.summary
        : ui.t('linkedin_notImported', { file: file.name, reason: result.summary }),
    });
    setFile(undefined);
    if (fileInput.current) fileInput.current.value = '';
  };

  const preview = report ? skippedPreview(report.skipped) : undefined;
  const percent = progress ? Math.round(progress.fraction * 100) : 0;

  return (
    <section class="card stack" aria-labelledby="linkedin-title">
      <h2 id="linkedin-title">{ui.t('linkedin_title')}</h2>
      <p class="muted">
        {rich(ui.t('linkedin_hint'), { path: <em>{ui.t('linkedin_hintPath')}</em> })}
      </p>
      <div class="stack">
        <label for="linkedin-file">{ui.t('linkedin_file')}</label>
        <input
          id="linkedin-file"
          ref={fileInput}
          type="file"
          accept=".csv,.zip,text/csv,application/zip"
          disabled={Boolean(progress)}
          onChange={(event) => {
            const picked = event.currentTarget.files?.[0];
            setFile(picked);
            if (picked) workers.prepare(picked);
            setReport(undefined);
          }}
        />
      </div>
      <div class="row">
        <button
          type="button"
          class="primary"
          onClick={onImport}
          disabled={!file || Boolean(progress)}
        >
          {ui.t('linkedin_title')}
        </button>
      </div>
      {progress && (
        <div class="stack">
          <label id="linkedin-progress-label" for="linkedin-progress">
            {ui.t('linkedin_progress', { file: progress.fileName, percent: ui.percent(percent) })}
          </label>
          <progress id="linkedin-progress" max={100} value={percent}>
            {ui.percent(percent)}
          </progress>
        </div>
      )}
      <Notice message={message} />
      {report && (report.details.length > 0 || report.skipped.length > 0) && (
        <div class="stack" data-testid="linkedin-report">
          {report.details.length > 0 && (
            <ul>
              {report.details.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          {preview && preview.shown.length > 0 && (
            <div>
              <h3>{ui.n('linkedin_skipped', report.skipped.length)}</h3>
              <ul class="skipped">
                {preview.shown.map((line, index) => (
                  <li key={index}>
                    {ui.t('linkedin_skippedLine', {
                      file: line.file,
                      line: line.line,
                      reason: line.reason,
                    })}
                  </li>
                ))}
              </ul>
              {preview.more > 0 && (
                <p class="muted">{ui.t('linkedin_more', { count: preview.more })}</p>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}

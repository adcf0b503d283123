import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { skippedPreview, type LinkedInImportReport } from '@/utils/transfer/linkedin-import';
import { importInWorker, workerInAdvance } from '@/utils/transfer/import-channel';
import { takeInterruptedImport, whileImporting } from '@/utils/transfer/import-journal';
import ImportWorker from '@/utils/transfer/import-worker?worker';
import { announceDataChange } from '@/utils/db';
import { Notice, type NoticeMessage } from './Notice';
import { plural } from '@/utils/format';

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
  const workers = useMemo(() => workerInAdvance(() => new ImportWorker()), []);

  useEffect(() => {
    void takeInterruptedImport()
      .then((text) => text && setMessage({ kind: 'error', text }))
      .catch(() => undefined);
  }, []);

  const onImport = async () => {
    if (!file) return;
    setReport(undefined);
    setMessage({ kind: 'info', text: `Importing ${file.name}…` });
    setProgress({ fileName: file.name, fraction: 0 });
    const result = await whileImporting(file.name, () =>
      importInWorker(
        () => workers.take(file),
        Date.now(),
        (done, total) =>
          setProgress({ fileName: file.name, fraction: total > 0 ? Math.min(1, done / total) : 0 }),
        announceDataChange,
      ),
    );
    setProgress(undefined);
    setReport(result);
    setMessage({
      // An import that brought nobody in is not shown as a success.
      kind: !result.ok ? 'error' : result.changed ? 'ok' : 'info',
      text: result.ok ? result.summary : `${file.name} was not imported. ${result.summary}`,
    });
    setFile(undefined);
    if (fileInput.current) fileInput.current.value = '';
  };

  const preview = report ? skippedPreview(report.skipped) : undefined;
  const percent = progress ? Math.round(progress.fraction * 100) : 0;

  return (
    <section class="card stack" aria-labelledby="linkedin-title">
      <h2 id="linkedin-title">Import from LinkedIn</h2>
      <p class="muted">
        In LinkedIn, choose <em>Settings → Data privacy → Get a copy of your data</em>. Import the
        archive ZIP it sends you (connections, and the days you exchanged messages: never their
        content), or only its Connections.csv. People already here are updated, never erased.
      </p>
      <div class="stack">
        <label for="linkedin-file">LinkedIn export file (Connections.csv or the archive ZIP)</label>
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
          Import from LinkedIn
        </button>
      </div>
      {progress && (
        <div class="stack">
          <label id="linkedin-progress-label" for="linkedin-progress">
            Importing {progress.fileName}: {percent}%
          </label>
          <progress id="linkedin-progress" max={100} value={percent}>
            {percent}%
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
              <h3>{plural(report.skipped.length, 'line')} skipped</h3>
              <ul class="skipped">
                {preview.shown.map((line, index) => (
                  <li key={index}>
                    {line.file}, line {line.line}: {line.reason}
                  </li>
                ))}
              </ul>
              {preview.more > 0 && <p class="muted">…and {preview.more} more.</p>}
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * The LinkedIn import runs in a dedicated worker, so that its seconds of parsing and IndexedDB
 * work never block the options page (README, "Performance": no task over 200 ms). The page
 * sends the file as soon as it is picked and the go-ahead when Import is clicked; the worker
 * answers with progress, a notice after each commit and the report. Both ends are here, so that
 * they cannot drift apart.
 */
import { openDb } from '@/utils/db/open';
import { english } from '@/utils/i18n/english';
import { tableTranslator, type MessageTable } from '@/utils/i18n/table';
import type { Translator } from '@/utils/i18n/translator';
import { DB_NAME } from '@/utils/db/schema';
import { throttleProgress, type ProgressListener } from '@/utils/transfer/pacing';
import {
  failure,
  readLinkedInFile,
  stepProgress,
  writeLinkedInFile,
  type LinkedInImportReport,
  type ReadLinkedInFile,
} from './linkedin-import';

/** The progress bar moves five times a second: enough to see it move; its redraws cost little. */
const PROGRESS_EVERY_MS = 200;

/**
 * The page's messages: a file as soon as it is picked, with the page's words (a worker has no
 * extension APIs to ask for the user's language), then the go-ahead to write it.
 */
export type ImportRequest =
  { kind: 'read'; file: Blob; words?: MessageTable } | { kind: 'import'; now: number };

export type ImportReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'committed' }
  | { kind: 'done'; report: LinkedInImportReport };

/** What the worker's global scope offers the import (typed here: the page's lib is the DOM's). */
export interface ImportWorkerScope {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(reply: ImportReply): void;
}

/**
 * The worker's side: reads the file it is sent at once (reading changes nothing), and writes it
 * into the extension's database when told to.
 */
export function serveImports(scope: ImportWorkerScope, name = DB_NAME): void {
  const progress = throttleProgress(
    (done, total) => scope.postMessage({ kind: 'progress', done, total }),
    PROGRESS_EVERY_MS,
  );
  let reading: Promise<ReadLinkedInFile> | undefined;
  let t: Translator = english;
  scope.onmessage = async ({ data }) => {
    if (data.kind === 'read') {
      if (data.words) t = tableTranslator(data.words);
      reading = readLinkedInFile(data.file, stepProgress('read', progress), t);
      return;
    }
    const read = (await reading) ?? { ok: false, report: failure(t.t('import_noFile')) };
    const report = await writeLinkedInFile(
      read,
      data.now,
      stepProgress('write', progress),
      // Workers have no extension APIs: the page tells the other views (`onCommitted` below).
      () => openDb(() => scope.postMessage({ kind: 'committed' }), name, 'relaxed'),
      t,
    );
    // Dexie resolved the import from its own 'complete' listener, which runs before the one that
    // posts 'committed': one task later, every commit has been told, before the page stops us.
    await new Promise((resolve) => setTimeout(resolve));
    scope.postMessage({ kind: 'done', report });
  };
}

/** What the page uses of a `Worker`. */
export interface ImportWorker {
  onmessage: ((event: MessageEvent<ImportReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(request: ImportRequest): void;
  terminate(): void;
}

/**
 * The page's side: has the worker `take` hands over (already reading the file) write it, and
 * stops it afterwards. `onCommitted` runs after each of the import's commits. Never throws: a
 * worker that cannot run is reported like any failed import.
 */
export function importInWorker(
  take: () => ImportWorker,
  now: number,
  onProgress: ProgressListener,
  onCommitted: () => void,
  t: Translator = english,
): Promise<LinkedInImportReport> {
  return new Promise((resolve) => {
    let worker: ImportWorker;
    const finish = (report: LinkedInImportReport) => {
      worker.terminate();
      resolve(report);
    };
    try {
      worker = take();
    } catch (error) {
      resolve(failure(t.t('import_couldNotStart', { detail: String(error) })));
      return;
    }
    let committed = false;
    worker.onmessage = ({ data }) => {
      if (data.kind === 'progress') {
        onProgress(data.done, data.total);
      } else if (data.kind === 'committed') {
        committed = true;
        onCommitted();
      } else {
        finish(data.report);
      }
    };
    // A worker that fails to load gets a plain `Event`, without a message.
    worker.onerror = (event) => {
      event.preventDefault();
      const detail = event.message || t.t('import_workerStopped');
      // The import is one transaction: committed means it was saved in full.
      finish(
        committed
          ? {
              ...failure(t.t('import_reportLost', { detail })),
              ok: true,
              changed: true,
            }
          : failure(t.t('import_stopped', { detail })),
      );
    };
    worker.postMessage({ kind: 'import', now });
  });
}

/**
 * Workers started ahead of need: picking a file starts one reading it, while the user reaches
 * for the button; the import takes it (or starts one then). A file picked again replaces the
 * last one's worker. Each worker serves one import.
 */
export function workerInAdvance(spawn: () => ImportWorker, words?: () => MessageTable) {
  let next: { worker: ImportWorker; file: Blob } | undefined;
  const start = (file: Blob) => {
    const worker = spawn();
    worker.postMessage({ kind: 'read', file, words: words?.() });
    return worker;
  };
  return {
    prepare(file: Blob): void {
      if (next?.file === file) return;
      next?.worker.terminate();
      next = undefined;
      try {
        next = { worker: start(file), file };
      } catch {
        // Reported by the import, which starts one again and fails in the same way.
      }
    },
    take(file: Blob): ImportWorker {
      const prepared = next?.file === file ? next.worker : undefined;
      if (!prepared) next?.worker.terminate();
      next = undefined;
      return prepared ?? start(file);
    },
  };
}

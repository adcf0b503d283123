import { afterEach, describe, expect, it } from 'vitest';
import {
  importInWorker,
  serveImports,
  workerInAdvance,
  type ImportReply,
  type ImportRequest,
  type ImportWorker,
  type ImportWorkerScope,
} from '@/utils/transfer/import-channel';
import { AllianceDb } from '@/utils/db/schema';
import { tableOf, tableTranslator } from '@/utils/i18n/table';
import de from '@/public/_locales/de/messages.json';
import { transferFixture } from './fixtures';

const NOW = Date.UTC(2025, 0, 1);
const CONNECTIONS = transferFixture('connections-current.csv');

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await new AllianceDb(name).delete();
});

interface FakeWorker extends ImportWorker {
  terminated: boolean;
  /** The kinds of the messages the page sent it. */
  sent: Array<ImportRequest['kind']>;
}

/**
 * A page-side worker whose other end is `serveImports`, in this process. As with a real worker,
 * messages arrive later, and none once it is terminated.
 */
function inProcessWorker(name: string): FakeWorker {
  const scope: ImportWorkerScope = {
    onmessage: null,
    postMessage: (reply) =>
      queueMicrotask(() => {
        if (!worker.terminated) worker.onmessage?.({ data: reply } as MessageEvent<ImportReply>);
      }),
  };
  serveImports(scope, name);
  const worker: FakeWorker = {
    onmessage: null,
    onerror: null,
    terminated: false,
    sent: [],
    postMessage: (request) => {
      worker.sent.push(request.kind);
      queueMicrotask(() => scope.onmessage?.({ data: request } as MessageEvent<ImportRequest>));
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

function freshName(): string {
  const name = `channel-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

/** The German messages, as a German options page sends them to the worker. */
const german: Record<string, { message: string } | undefined> = de;
const GERMAN = tableOf((id) => german[id]?.message, 'de-DE');

/** Workers of a fresh database, and every one started. */
function workersOf(name = freshName(), words?: typeof GERMAN) {
  const started: FakeWorker[] = [];
  const workers = workerInAdvance(
    () => {
      const worker = inProcessWorker(name);
      started.push(worker);
      return worker;
    },
    words && (() => words),
  );
  return { name, started, workers };
}

/** An import of `file` whose progress and commits nobody watches. */
function unwatchedImport(take: () => ImportWorker) {
  return importInWorker(
    take,
    NOW,
    () => undefined,
    () => undefined,
  );
}

async function peopleIn(name: string): Promise<number> {
  const db = new AllianceDb(name);
  const count = await db.people.count();
  db.close();
  return count;
}

describe('importInWorker', () => {
  it('reads a file once picked, writes it when told, relays progress and commits', async () => {
    const { name, started, workers } = workersOf();
    const file = new Blob([CONNECTIONS]);
    workers.prepare(file);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Reading changed nothing.
    expect(started.map((worker) => worker.sent)).toEqual([['read']]);
    expect(await peopleIn(name)).toBe(0);

    const progress: number[] = [];
    let commits = 0;
    const report = await importInWorker(
      () => workers.take(file),
      NOW,
      (done, total) => progress.push(done / total),
      () => (commits += 1),
    );
    expect(report).toMatchObject({
      ok: true,
      summary: 'Imported Connections.csv. 2 lines skipped (see below).',
      details: ['People: 4 new, 0 updated, 0 unchanged.'],
    });
    expect(started.map((worker) => worker.sent)).toEqual([['read', 'import']]);
    expect(commits).toBe(1);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(started[0]!.terminated).toBe(true);
    expect(await peopleIn(name)).toBe(4);
  });

  it("reports in the page's language, which the worker is sent with the file", async () => {
    const { workers } = workersOf(freshName(), GERMAN);
    const file = new Blob([CONNECTIONS]);
    workers.prepare(file);
    const report = await unwatchedImport(() => workers.take(file));
    expect(report).toMatchObject({
      ok: true,
      summary: 'Connections.csv importiert. 2 Zeilen übersprungen (siehe unten).',
      details: ['Personen: 4 neu, 0 aktualisiert, 0 unverändert.'],
    });
    expect(report.skipped[0]?.reason).toMatch(/^kein Name und keine Profil-URL/);
    // A worker that cannot start is said in the page's language too.
    const failed = await importInWorker(
      () => {
        throw new Error('no workers here');
      },
      NOW,
      () => undefined,
      () => undefined,
      tableTranslator(GERMAN),
    );
    expect(failed.summary).toBe(
      'Der Import konnte nicht starten, daher wurde nichts geändert: Error: no workers here',
    );
  });

  it('reports a file that is no export, and announces no change', async () => {
    const { name, workers } = workersOf();
    const file = new Blob(['Date,ShareLink\n2024-01-01,x\n']);
    let commits = 0;
    const report = await importInWorker(
      () => workers.take(file),
      NOW,
      () => undefined,
      () => (commits += 1),
    );
    expect(report.ok).toBe(false);
    expect(report.summary).toMatch(/not a LinkedIn Connections\.csv/);
    expect(commits).toBe(0);
    expect(await peopleIn(name)).toBe(0);
  });

  it('reports a worker that stops, or cannot start, as an import that changed nothing', async () => {
    const broken: FakeWorker = {
      onmessage: null,
      onerror: null,
      terminated: false,
      sent: [],
      // A worker whose script fails to load gets a plain Event, with no message.
      postMessage: () => queueMicrotask(() => broken.onerror?.(new Event('error') as ErrorEvent)),
      terminate: () => (broken.terminated = true),
    };
    const stopped = await unwatchedImport(() => broken);
    expect(stopped).toMatchObject({
      ok: false,
      summary: 'The import stopped, so nothing was changed: the import worker stopped',
    });
    expect(broken.terminated).toBe(true);

    const unstarted = await unwatchedImport(() => {
      throw new Error('refused by the page policy');
    });
    expect(unstarted).toMatchObject({
      ok: false,
      summary:
        'The import could not start, so nothing was changed: Error: refused by the page policy',
    });
  });
});

describe('workerInAdvance', () => {
  it('hands over the worker reading the file picked, and replaces it for another file', () => {
    const { started, workers } = workersOf();
    const [first, second] = [new Blob(['a']), new Blob(['b'])];
    workers.prepare(first);
    workers.prepare(first);
    expect(started).toHaveLength(1);
    expect(workers.take(first)).toBe(started[0]);

    workers.prepare(first);
    workers.prepare(second);
    expect(started).toHaveLength(3);
    expect(started[1]!.terminated).toBe(true);
    // Not the file picked last: that worker stops, and one starts reading this file.
    expect(workers.take(first)).toBe(started[3]);
    expect(started[2]!.terminated).toBe(true);
    expect(started.map((worker) => worker.sent)).toEqual([['read'], ['read'], ['read'], ['read']]);
  });

  it('leaves a worker that cannot start to the import, which reports it', () => {
    const workers = workerInAdvance(() => {
      throw new Error('no workers here');
    });
    const file = new Blob(['a']);
    expect(() => workers.prepare(file)).not.toThrow();
    expect(() => workers.take(file)).toThrow('no workers here');
  });
});

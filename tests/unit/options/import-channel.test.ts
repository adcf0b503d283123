import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  importInWorker,
  serveImports,
  workerInAdvance,
  type ImportReply,
  type ImportRequest,
  type ImportWorker,
  type ImportWorkerScope,
} from '@/components/options/import-channel';
import { AllianceDb } from '@/utils/db/schema';

const NOW = Date.UTC(2025, 0, 1);
const CONNECTIONS = readFileSync(
  new URL('../../fixtures/transfer/connections-current.csv', import.meta.url),
  'utf8',
);

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await new AllianceDb(name).delete();
});

interface FakeWorker extends ImportWorker {
  terminated: boolean;
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
    postMessage: (request) =>
      queueMicrotask(() => scope.onmessage?.({ data: request } as MessageEvent<ImportRequest>)),
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

describe('importInWorker', () => {
  it('imports in the worker, relays its progress and commits, and stops it', async () => {
    const name = freshName();
    const worker = inProcessWorker(name);
    const progress: number[] = [];
    let commits = 0;
    const report = await importInWorker(
      () => worker,
      new Blob([CONNECTIONS]),
      NOW,
      (done, total) => progress.push(done / total),
      () => (commits += 1),
    );
    expect(report).toMatchObject({
      ok: true,
      summary: 'Imported Connections.csv. 2 lines skipped (see below).',
      details: ['People: 4 new, 0 updated, 0 unchanged.'],
    });
    expect(commits).toBe(1);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(worker.terminated).toBe(true);
    const db = new AllianceDb(name);
    expect(await db.people.count()).toBe(4);
    db.close();
  });

  it('reports a file that is no export, and announces no change', async () => {
    const name = freshName();
    let commits = 0;
    const report = await importInWorker(
      () => inProcessWorker(name),
      new Blob(['Date,ShareLink\n2024-01-01,x\n']),
      NOW,
      () => undefined,
      () => (commits += 1),
    );
    expect(report.ok).toBe(false);
    expect(report.summary).toMatch(/not a LinkedIn Connections\.csv/);
    expect(commits).toBe(0);
  });

  it('reports a worker that stops, or cannot start, as an import that changed nothing', async () => {
    const broken: FakeWorker = {
      onmessage: null,
      onerror: null,
      terminated: false,
      // A worker whose script fails to load gets a plain Event, with no message.
      postMessage: () => queueMicrotask(() => broken.onerror?.(new Event('error') as ErrorEvent)),
      terminate: () => (broken.terminated = true),
    };
    const stopped = await importInWorker(
      () => broken,
      new Blob([CONNECTIONS]),
      NOW,
      () => undefined,
      () => undefined,
    );
    expect(stopped).toMatchObject({
      ok: false,
      summary: 'The import stopped, so nothing was changed: the import worker stopped',
    });
    expect(broken.terminated).toBe(true);

    const unstarted = await importInWorker(
      () => {
        throw new Error('refused by the page policy');
      },
      new Blob([CONNECTIONS]),
      NOW,
      () => undefined,
      () => undefined,
    );
    expect(unstarted).toMatchObject({
      ok: false,
      summary:
        'The import could not start, so nothing was changed: Error: refused by the page policy',
    });
  });
});

describe('workerInAdvance', () => {
  it('hands over the worker it prepared, once, and starts one when none was', () => {
    let spawned = 0;
    const workers = workerInAdvance(() => {
      spawned += 1;
      return inProcessWorker(freshName());
    });
    workers.prepare();
    workers.prepare();
    expect(spawned).toBe(1);
    const first = workers.take();
    expect(spawned).toBe(1);
    expect(workers.take()).not.toBe(first);
    expect(spawned).toBe(2);
  });

  it('leaves a worker that cannot start to the import, which reports it', () => {
    const workers = workerInAdvance(() => {
      throw new Error('no workers here');
    });
    expect(() => workers.prepare()).not.toThrow();
    expect(() => workers.take()).toThrow('no workers here');
  });
});

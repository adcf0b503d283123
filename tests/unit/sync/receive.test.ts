/**
 * How receiving saves work on a first sync (docs/sync.md, "In the background"): the local copy's
 * documents whose one leaf the tables already hold are not read, and a batch of people new here
 * is written at once, exactly as one by one. Sending keeps noted what changed during a send.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storeProblems } from '../../support/store-actions';
import { device, memoryServer, settle, testKeys, type Device } from '../../support/sync-devices';
import { addNote, refreshPeople, toggleRole, updatePerson } from '@/utils/db/records';
import { AllianceDb } from '@/utils/db/schema';
import { storedPerson } from '@/utils/db/stored-person';
import { applyReceived, type ReceivedDoc } from '@/utils/sync/apply';
import { startSync } from '@/utils/sync/account';
import { personDoc } from '@/utils/sync/changes';
import { SyncEngine } from '@/utils/sync/engine';
import { readState } from '@/utils/sync/tables';
import type { PersonContent } from '@/utils/sync/documents';
import { byCodeUnit, newPerson, type FollowUp, type Note, type Touch } from '@/utils/model';

const NOW = Date.UTC(2025, 2, 1);

let devices: Device[] = [];
let dbs: AllianceDb[] = [];
afterEach(async () => {
  await Promise.all(devices.map((d) => d.close()));
  for (const db of dbs) db.close();
  devices = [];
  dbs = [];
});

/** The ids `receive` asked the local copy for, while `run` runs. */
async function idsRead(d: Device, run: () => Promise<unknown>): Promise<string[]> {
  const allDocs = vi.spyOn(d.local, 'allDocs');
  const get = vi.spyOn(d.local, 'get');
  const changes = vi.spyOn(d.local, 'changes');
  try {
    await run();
    expect(changes.mock.calls.every(([options]) => !options.include_docs)).toBe(true);
    return [
      ...allDocs.mock.calls.flatMap(([options]) => options.keys ?? ['<all>']),
      ...get.mock.calls.map(([id]) => id),
    ];
  } finally {
    allDocs.mockRestore();
    get.mockRestore();
    changes.mockRestore();
  }
}

describe('receiving', () => {
  it('reads none of the documents this device just sent, and still merges a conflict', async () => {
    const server = memoryServer();
    const keys = await testKeys();
    devices = [await device(server, keys), await device(server, keys)];
    const [a, b] = devices as [Device, Device];
    for (let i = 0; i < 12; i++)
      await toggleRole(a.db, { slug: `person-${i}`, name: `Person ${i}` }, 'ally', NOW);
    await a.engine.send();
    await a.local.sync(server);
    expect(await idsRead(a, () => a.engine.receive())).toEqual([]);
    // Nor after a restart of the service worker, read from the start again: the tables say.
    await a.db.syncState.delete('applied');
    const restarted = new SyncEngine({ db: a.db, local: a.local, keys });
    expect(await idsRead(a, () => restarted.receive())).toEqual([]);

    await settle([a, b]);
    await addNote(a.db, { slug: 'person-3', name: 'Person 3' }, 'Written on A', NOW + 1);
    await updatePerson(b.db, 'person-3', { motivations: 'Set on B' }, NOW + 2);
    await b.sync();
    await a.engine.send();
    await a.local.sync(server);
    const conflicted = (await a.db.syncedDocs.get(personDoc('person-3')))!.id;
    const read = await idsRead(a, () => a.engine.receive());
    expect(new Set(read)).toEqual(new Set([conflicted]));
    expect((await a.db.people.get('person-3'))?.motivations).toBe('Set on B');
    expect((await a.db.notes.toArray()).map((note) => note.text)).toEqual(['Written on A']);
    await settle([a, b]);
    expect((await b.db.notes.toArray()).map((note) => note.text)).toEqual(['Written on A']);
  });

  it('reads the changes feed more than a batch at a time, and keeps its place after each batch written', async () => {
    const server = memoryServer();
    const keys = await testKeys();
    devices = [await device(server, keys), await device(server, keys)];
    const [a, b] = devices as [Device, Device];
    for (let i = 0; i < 5; i++)
      await toggleRole(a.db, { slug: `person-${i}`, name: `Person ${i}` }, 'ally', NOW);
    await a.engine.send();
    await a.local.sync(server);
    await b.local.sync(server);
    const engine = new SyncEngine({ db: b.db, local: b.local, keys, batch: 2 });
    // The third batch's write fails once, as when the browser stops mid-pass.
    let created = 0;
    b.db.people.hook('creating', () => {
      if (++created === 5) throw new Error('Stopped');
    });
    const changes = vi.spyOn(b.local, 'changes');
    await expect(engine.receive()).rejects.toThrow('Stopped');
    // One read of the feed for all five; two batches of two written, and the place after them.
    expect(changes).toHaveBeenCalledTimes(1);
    expect(await b.db.people.count()).toBe(4);
    const seqs = (await b.local.changes({ style: 'all_docs' })).results.map((c) => c.seq);
    expect((await readState(b.db, 'applied'))?.seq).toBe(seqs[3]);
    changes.mockRestore();

    // Resumed from there: only the fifth document is read again.
    expect(await idsRead(b, () => engine.receive())).toHaveLength(1);
    expect(await b.db.people.count()).toBe(5);
    expect(await storeProblems(b.db)).toEqual([]);
  });
});

describe('sending', () => {
  it('sends again a change made while its batch was being sent, and only it', async () => {
    const server = memoryServer();
    const keys = await testKeys();
    devices = [await device(server, keys)];
    const [a] = devices as [Device];
    const dana = { slug: 'dana-lee', name: 'Dana Lee' };
    for (const slug of ['ana-ruiz', 'ben-cole', 'dana-lee', 'eli-ford'])
      await toggleRole(a.db, { slug, name: slug }, 'ally', NOW);
    const bulkDocs = a.local.bulkDocs.bind(a.local);
    const batches: string[][] = [];
    vi.spyOn(a.local, 'bulkDocs').mockImplementation(async (docs, options) => {
      const written = await bulkDocs(docs, options);
      batches.push(docs.map((doc) => (doc as { _id: string })._id));
      if (batches.length === 1) await addNote(a.db, dana, 'Typed during the send', NOW + 1);
      return written;
    });
    await a.engine.send();
    const danaId = (await a.db.syncedDocs.get(personDoc('dana-lee')))!.id;
    expect(batches.map((ids) => ids.length)).toEqual([4, 1]);
    expect(batches[1]).toEqual([danaId]);
    expect(await a.db.syncChanges.count()).toBe(0);
  });
});

const SLUGS = ['ana-ruiz', 'ben-cole', 'cy-wong', 'dee-shah', 'eli-ford'];
const RECORD_IDS = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];

const note = (id: string, personSlug: string, at: number): Note => ({
  id,
  personSlug,
  at,
  text: `note ${id}`,
  createdAt: at,
  updatedAt: at,
});
const touch = (id: string, personSlug: string, at: number): Touch => ({
  id,
  personSlug,
  at,
  kind: 'offered-help',
  direction: 'gave',
  note: '',
  createdAt: at,
});
const followUp = (id: string, personSlug: string, at: number): FollowUp => ({
  id,
  personSlug,
  text: `follow up ${id}`,
  due: at,
  status: 'open',
  doneAt: null,
  createdAt: at,
});

/** Records of one table: ids from a small pool (so that some meet), each dated. */
const records = fc.uniqueArray(
  fc.record({ id: fc.constantFrom(...RECORD_IDS), at: fc.integer({ min: 0, max: 9 }) }),
  { selector: (record) => record.id, maxLength: 3 },
);

/**
 * Who holds what before the batch: some people, records under anyone's key (orphans too), and
 * ties, a stray one naming someone not here among them.
 */
const heldArbitrary = fc.record({
  people: fc.subarray(SLUGS),
  notes: fc.array(fc.tuple(fc.constantFrom(...SLUGS), records), { maxLength: 3 }),
  touches: fc.array(fc.tuple(fc.constantFrom(...SLUGS), records), { maxLength: 3 }),
  ties: fc.uniqueArray(fc.uniqueArray(fc.constantFrom(...SLUGS), { minLength: 2, maxLength: 2 }), {
    maxLength: 2,
    selector: (pair) => [...pair].sort(byCodeUnit).join(),
  }),
});

/** A batch: documents of distinct people, their records from the same pools. */
const batchArbitrary = fc.uniqueArray(
  fc.record({
    slug: fc.constantFrom(...SLUGS),
    // Untagged people are tracked only for their records: what is kept beside them must say so.
    tagged: fc.boolean(),
    notes: records,
    touches: records,
    followUps: records,
  }),
  { selector: (doc) => doc.slug, minLength: 1, maxLength: 5 },
);

type Batch = typeof batchArbitrary extends fc.Arbitrary<infer T> ? T : never;

function contentOf(doc: Batch[number]): PersonContent {
  const sorted = <T extends { id: string }>(list: T[]) =>
    list.sort((x, y) => byCodeUnit(x.id, y.id));
  return {
    kind: 'person',
    key: personDoc(doc.slug),
    person: newPerson(doc.slug, NOW, { name: doc.slug, roles: doc.tagged ? ['ally'] : [] }),
    notes: sorted(doc.notes.map((r) => note(r.id, doc.slug, NOW + r.at))),
    touches: sorted(doc.touches.map((r) => touch(r.id, doc.slug, NOW + r.at))),
    followUps: sorted(doc.followUps.map((r) => followUp(r.id, doc.slug, NOW + r.at))),
  };
}

const ACCOUNT = { url: 'https://couch.example.com/db', username: '', password: '', space: 's' };

describe('writing a batch of received people', () => {
  it('writes nothing once sync was turned off (a pass may still be running)', async () => {
    const db = new AllianceDb(`apply-${crypto.randomUUID()}`);
    dbs.push(db);
    const content = contentOf({
      slug: 'ana-ruiz',
      tagged: true,
      notes: [],
      touches: [],
      followUps: [],
    });
    const doc = { key: content.key, id: 'doc', rev: '1-a', digest: 'd', content };
    expect(await applyReceived(db, [doc], 3, NOW)).toBe(0);
    expect(await db.people.count()).toBe(0);
    await startSync(db, ACCOUNT, await testKeys());
    expect(await applyReceived(db, [doc], 3, NOW)).toBe(1);
    expect(await db.people.count()).toBe(1);
  });

  it('leaves each person as putPerson would, with exactly the records of their document', async () => {
    const keys = await testKeys();
    await fc.assert(
      fc.asyncProperty(heldArbitrary, batchArbitrary, async (held, batch) => {
        const db = new AllianceDb(`apply-${crypto.randomUUID()}`);
        dbs.push(db);
        await startSync(db, ACCOUNT, keys);
        await db.transaction('rw', db.people, db.notes, db.touches, db.ties, async () => {
          await db.people.bulkPut(
            held.people.map((slug) => storedPerson(newPerson(slug, NOW), { hasRecords: false })),
          );
          for (const [slug, list] of held.notes)
            await db.notes.bulkPut(list.map((r) => note(r.id, slug, NOW + r.at)));
          for (const [slug, list] of held.touches)
            await db.touches.bulkPut(list.map((r) => touch(r.id, slug, NOW + r.at)));
          await db.ties.bulkPut(
            held.ties.map((pair, i) => {
              const [a, b] = [...pair].sort(byCodeUnit) as [string, string];
              return { id: `tie-${i}`, a, b, label: '', createdAt: NOW };
            }),
          );
        });
        // What the tables keep beside each person must follow their records, written or not.
        await db.transaction('rw', db.people, db.notes, db.touches, db.followUps, db.ties, () =>
          refreshPeople(db, held.people),
        );
        const docs: ReceivedDoc[] = batch.map((doc, i) => ({
          key: personDoc(doc.slug),
          id: `doc-${i}`,
          rev: `1-${i}`,
          digest: `digest-${i}`,
          content: contentOf(doc),
        }));
        expect(await applyReceived(db, docs, 7, NOW)).toBe(docs.length);

        expect(await storeProblems(db)).toEqual([]);
        // A record in two documents of the batch goes to one of them; every other document's
        // records are exactly its own.
        const count = new Map<string, number>();
        for (const doc of batch)
          for (const list of [doc.notes, doc.touches, doc.followUps])
            for (const r of list) count.set(r.id, (count.get(r.id) ?? 0) + 1);
        for (const [i, doc] of docs.entries()) {
          const content = doc.content as PersonContent;
          const slug = content.person.slug;
          expect((await db.people.get(slug))?.roles).toEqual(batch[i]!.tagged ? ['ally'] : []);
          const shared = [...content.notes, ...content.touches, ...content.followUps].some(
            (r) => count.get(r.id)! > 1,
          );
          if (shared) continue;
          const [notes, touches, followUps] = await Promise.all(
            [db.notes, db.touches, db.followUps].map((table) =>
              table.filter((r: { personSlug: string }) => r.personSlug === slug).sortBy('id'),
            ),
          );
          expect({ notes, touches, followUps }).toEqual({
            notes: content.notes,
            touches: content.touches,
            followUps: content.followUps,
          });
        }
        expect(await db.syncState.get('applied')).toMatchObject({ seq: 7 });
      }),
      {
        numRuns: 60,
        examples: [
          // A note left under the key of someone not here: their document's records replace it.
          [
            { people: [], notes: [['ana-ruiz', [{ id: 'r2', at: 1 }]]], touches: [], ties: [] },
            [
              {
                slug: 'ana-ruiz',
                tagged: false,
                notes: [{ id: 'r1', at: 2 }],
                touches: [],
                followUps: [],
              },
            ],
          ],
          // Someone untagged who comes with a follow-up alone: tracked for it.
          [
            { people: [], notes: [], touches: [], ties: [] },
            [
              {
                slug: 'ana-ruiz',
                tagged: false,
                notes: [],
                touches: [],
                followUps: [{ id: 'r1', at: 3 }],
              },
            ],
          ],
          // A stray tie naming someone not here, who comes with no record of their own.
          [
            { people: [], notes: [], touches: [], ties: [['ana-ruiz', 'ben-cole']] },
            [{ slug: 'ana-ruiz', tagged: false, notes: [], touches: [], followUps: [] }],
          ],
        ],
      },
    );
  });
});

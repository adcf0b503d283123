/**
 * Reading the documents to send (utils/sync/documents.ts): a batch of most of the people in its
 * range is read by ranges, a sparse one person by person; both give each person's content.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AllianceDb } from '@/utils/db/schema';
import { personOf, storedPerson } from '@/utils/db/stored-person';
import { personDoc } from '@/utils/sync/changes';
import { byId, canonicalText, readContents } from '@/utils/sync/documents';
import { byCodeUnit, newPerson, type FollowUp, type Note, type Touch } from '@/utils/model';

const NOW = Date.UTC(2025, 2, 1);
const SLUGS = Array.from({ length: 24 }, (_, i) => `person-${String(i).padStart(2, '0')}`);

const db = new AllianceDb(`documents-${crypto.randomUUID()}`);
afterAll(() => db.delete());

/** Everyone but every fourth person, who has no record; records for most, under orphan keys too. */
async function seed(): Promise<void> {
  const notes: Note[] = [];
  const touches: Touch[] = [];
  const followUps: FollowUp[] = [];
  SLUGS.forEach((slug, i) => {
    for (let n = 0; n < i % 3; n++)
      notes.push({
        id: `n-${i}-${n}`,
        personSlug: slug,
        at: NOW - n,
        text: `note ${n}`,
        createdAt: NOW,
        updatedAt: NOW,
      });
    for (let n = 0; n < i % 4; n++)
      touches.push({
        id: `t-${i}-${n}`,
        personSlug: slug,
        at: NOW - n,
        kind: 'offered-help',
        direction: 'gave',
        note: '',
        createdAt: NOW,
      });
    if (i % 5 === 0)
      followUps.push({
        id: `f-${i}`,
        personSlug: slug,
        text: 'call',
        due: NOW,
        status: 'open',
        doneAt: null,
        createdAt: NOW,
      });
  });
  await db.people.bulkPut(
    SLUGS.filter((_, i) => i % 4 !== 3).map((slug) =>
      storedPerson(newPerson(slug, NOW, { name: slug }), { hasRecords: true }),
    ),
  );
  await Promise.all([
    db.notes.bulkPut(notes),
    db.touches.bulkPut(touches),
    db.followUps.bulkPut(followUps),
  ]);
}

/** The content of `slug`'s document, from whole tables. */
async function expected(slug: string): Promise<string> {
  const person = await db.people.get(slug);
  const key = personDoc(slug);
  if (!person) return canonicalText({ kind: 'gone', key });
  const mine = <T extends { personSlug: string; id: string }>(rows: T[]) =>
    byId(rows.filter((row) => row.personSlug === slug));
  return canonicalText({
    kind: 'person',
    key,
    person: personOf(person),
    notes: mine(await db.notes.toArray()),
    touches: mine(await db.touches.toArray()),
    followUps: mine(await db.followUps.toArray()),
  });
}

describe('reading the documents to send', () => {
  it('gives each person their own records, for a batch of any shape', async () => {
    await seed();
    const truth = new Map(
      await Promise.all(SLUGS.map(async (s) => [s, await expected(s)] as const)),
    );
    await fc.assert(
      fc.asyncProperty(fc.subarray(SLUGS, { minLength: 1 }), async (slugs) => {
        const keys = slugs.map(personDoc).sort(byCodeUnit);
        const read = await readContents(db, keys);
        expect([...read.keys()].sort(byCodeUnit)).toEqual(keys);
        for (const slug of slugs)
          expect(canonicalText(read.get(personDoc(slug)))).toBe(truth.get(slug));
      }),
      { numRuns: 80 },
    );
  });
});

/**
 * How an import writes the people it created or refreshed: into blocks of the connections store
 * those new to the database and those a block already holds (utils/db/connection-blocks.ts),
 * into the people table those it holds, the people the user tagged, edited or saw.
 */
import type { AllianceDb } from '@/utils/db/schema';
import { connectionBlockOf, connectionBlocksOf, fitsInBlock } from '@/utils/db/connection-blocks';
import type { Person } from '@/utils/model';
import { bulkPutWithProgress } from './pacing';

/**
 * Writes `people`, reporting how many are written as it goes. Inside the caller's transaction on
 * people and connections; only Dexie is awaited.
 */
export async function putImportedPeople(
  db: AllianceDb,
  people: readonly Person[],
  isNew: (slug: string) => boolean,
  onWritten?: (done: number) => void,
): Promise<void> {
  const numbers = [...new Set(people.map((person) => connectionBlockOf(person.slug)))];
  const stored = (await db.connections.bulkGet(numbers)).filter((block) => block !== undefined);
  const blocks = new Map(
    stored.map((block) => [block.block, new Map(block.people.map((p) => [p.slug, p]))]),
  );
  const inTable: Person[] = [];
  const changed = new Set<number>();
  for (const person of people) {
    const number = connectionBlockOf(person.slug);
    const block = blocks.get(number);
    if (!fitsInBlock(person) || !(isNew(person.slug) || block?.has(person.slug))) {
      inTable.push(person);
      // Someone a block holds who no longer fits in one leaves it here, not behind the write.
      if (block?.delete(person.slug)) changed.add(number);
      continue;
    }
    if (block) block.set(person.slug, person);
    else blocks.set(number, new Map([[person.slug, person]]));
    changed.add(number);
  }
  const written = connectionBlocksOf(
    [...changed].flatMap((number) => [...blocks.get(number)!.values()]),
  );
  const emptied = [...changed].filter((number) => blocks.get(number)!.size === 0);
  const inBlocks = people.length - inTable.length;
  let blocksDone = 0;
  let tableDone = 0;
  await Promise.all([
    Promise.all([
      written.length ? db.connections.bulkPut(written) : null,
      emptied.length ? db.connections.bulkDelete(emptied) : null,
    ]).then(() => {
      blocksDone = inBlocks;
      onWritten?.(blocksDone + tableDone);
    }),
    bulkPutWithProgress(
      (slice) => db.people.bulkPut(slice),
      inTable,
      (done) => {
        tableDone = done;
        onWritten?.(blocksDone + tableDone);
      },
    ),
  ]);
}

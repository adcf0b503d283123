import type { AllianceDb } from '@/utils/db/schema';
import { connectionBlockOf } from '@/utils/db/connection-blocks';

/**
 * Where each person is stored, read past Dexie's middlewares: the people table's own records
 * and the people of the connection blocks. Fails if a person is in both, twice in the blocks, in
 * a block their slug does not hash to, or if a block is empty.
 */
export async function storedPlaces(db: AllianceDb): Promise<{ table: string[]; blocks: string[] }> {
  const idb = db.backendDB();
  const tx = idb.transaction(['people', 'connections']);
  const read = (request: IDBRequest) =>
    new Promise<unknown[]>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result as unknown[]);
      request.onerror = () => reject(request.error);
    });
  const [table, blocks] = await Promise.all([
    read(tx.objectStore('people').getAllKeys()) as Promise<string[]>,
    read(tx.objectStore('connections').getAll()) as Promise<
      Array<{ block: number; people: Array<{ slug: string }> }>
    >,
  ]);
  const inBlocks: string[] = [];
  for (const block of blocks) {
    if (!block.people.length) throw new Error(`Block ${block.block} is empty`);
    for (const { slug } of block.people) {
      if (connectionBlockOf(slug) !== block.block) {
        throw new Error(`${slug} is in block ${block.block}, not ${connectionBlockOf(slug)}`);
      }
      inBlocks.push(slug);
    }
  }
  const everywhere = [...table, ...inBlocks];
  if (new Set(everywhere).size !== everywhere.length) {
    throw new Error(`Someone is stored twice: ${JSON.stringify({ table, inBlocks })}`);
  }
  return { table: [...table].sort(), blocks: inBlocks.sort() };
}

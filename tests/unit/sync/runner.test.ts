/**
 * The runner's pass around the engine (docs/sync.md, "In the background"): what it asks of the
 * replication between the local copy and the server.
 */
import { describe, expect, it, vi } from 'vitest';
import { device, memoryServer, testKeys } from '../../support/sync-devices';
import { AllianceDb } from '@/utils/db/schema';
import { storedPerson } from '@/utils/db/stored-person';
import { newPerson } from '@/utils/model';
import { startSync, stopSync } from '@/utils/sync/account';
import { personDoc, recordChanges } from '@/utils/sync/changes';
import { SyncRunner } from '@/utils/sync/runner';

const NOW = Date.UTC(2025, 2, 1);

describe('a sync pass', () => {
  it('after pulling a join’s worth of documents, pushes again so that the next pass does not look through them', async () => {
    const server = memoryServer();
    const keys = await testKeys();
    const a = await device(server, keys);
    const b = new AllianceDb(`joining-${crypto.randomUUID()}`);
    try {
      const slugs = Array.from({ length: 1_000 }, (_, i) => `person-${i}`);
      await a.db.transaction('rw', [a.db.people, a.db.syncChanges, a.db.syncState], async () => {
        await a.db.people.bulkPut(
          slugs.map((slug) =>
            storedPerson(newPerson(slug, NOW, { roles: ['ally'] }), { hasRecords: false }),
          ),
        );
        await recordChanges(a.db, slugs.map(personDoc));
      });
      await a.sync();

      const login = { url: 'memory://server', username: '', password: '', space: 'test' };
      await startSync(b, login, keys);
      const runner = new SyncRunner({
        db: b,
        localCopy: () => memoryServer(),
        serverDb: () => server,
        mayReach: () => Promise.resolve(true),
        now: () => NOW,
      });
      await runner.request();
      expect(await b.people.count()).toBe(1_000);

      // The next pass (an edit on another device, say): its push has nothing to look through.
      const revsDiff = vi.spyOn(server, 'revsDiff');
      await runner.request();
      expect(revsDiff).not.toHaveBeenCalled();

      // Turned off: the runner lets go of the server's live feed.
      await stopSync(b);
      await runner.request();
    } finally {
      await a.close();
      b.close();
    }
  }, 60_000);
});

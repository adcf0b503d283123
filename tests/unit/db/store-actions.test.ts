/**
 * Any sequence of what a user does keeps the store sound: each person once, and what the
 * people table keeps beside each person exactly what their records say. The same sequences run
 * in real Chromium in tests/e2e/store.e2e.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AllianceDb } from '@/utils/db/schema';
import { storeAction } from '../../support/store-action-arbitrary';
import { runStoreActions, storeProblems } from '../../support/store-actions';

const NOW = Date.UTC(2026, 5, 3, 12);

describe('the store under any sequence of actions', () => {
  it(
    'stores each person once, with what their records say beside them',
    { timeout: 600_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(storeAction, { minLength: 1, maxLength: 40 }),
          async (actions) => {
            const db = new AllianceDb(`actions-${crypto.randomUUID()}`);
            try {
              await runStoreActions(db, actions, NOW);
              expect(await storeProblems(db)).toEqual([]);
            } finally {
              await db.delete();
            }
          },
        ),
        { numRuns: Number(process.env.STORE_RUNS ?? 150) },
      );
    },
  );
});

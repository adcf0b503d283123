/**
 * The store in real Chromium, whose IndexedDB schedules requests and commits transactions
 * differently from the unit tests' fake-indexeddb: random sequences of what a user does (tag,
 * edit, note, touch, follow-up, tie, untie, merge, delete, import, back up and restore) run
 * through the store's own code in an extension page, and then each person is stored once with
 * what their records say beside them, and the popup, the options page, the spreadsheet export
 * and a backup all count the same people.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openExtensionPage, ROOT, type Harness } from './harness';
import { storeAction } from '../support/store-action-arbitrary';
import type { StoreAction } from '../support/store-actions';

/** tests/e2e/page/store-under-test.ts as one script for a page. */
async function storeBundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    resolve: { alias: { '@': ROOT } },
    build: {
      write: false,
      minify: false,
      lib: {
        entry: `${ROOT}/tests/e2e/page/store-under-test.ts`,
        formats: ['iife'],
        name: 'storeUnderTestBundle',
      },
    },
  });
  const chunks = (Array.isArray(output) ? output[0]! : output) as {
    output: Array<{ code?: string }>;
  };
  return chunks.output[0]!.code!;
}

describe('the store in real Chromium', () => {
  let h: Harness;
  let bundle: string;

  beforeAll(async () => {
    [h, bundle] = await Promise.all([launch(), storeBundle()]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it(
    'keeps each person once after any sequence of actions, and every view counts them alike',
    { timeout: 300_000 },
    async () => {
      const page = await openExtensionPage(h, 'options.html');
      await page.evaluate(bundle);
      const now = Date.now();
      const sequences = fc.sample(fc.array(storeAction, { minLength: 5, maxLength: 40 }), {
        numRuns: 60,
        seed: 20_261_206,
      });
      for (const actions of sequences) {
        const problems = await page.evaluate(
          ({ actions, now }) =>
            (
              globalThis as unknown as {
                storeUnderTest: { run(a: StoreAction[], n: number): Promise<string[]> };
              }
            ).storeUnderTest.run(actions, now),
          { actions, now },
        );
        expect(problems, JSON.stringify(actions)).toEqual([]);
      }

      // The last sequence's records, counted by each view the user has.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export a backup' }).click(),
      ]);
      const backup = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
        people: Array<{ roles: string[] }>;
      };
      const counts = page.getByTestId('record-counts');
      await expect.poll(() => counts.textContent()).toMatch(/^People: \d+/);
      const shown = Number(/^People: (\d+)/.exec((await counts.textContent()) ?? '')?.[1]);
      // From a page of its own: Chromium holds a page's second download for the user to allow.
      const sheet = await openExtensionPage(h, 'options.html');
      const [csv] = await Promise.all([
        sheet.waitForEvent('download'),
        sheet.getByRole('button', { name: 'Export people as CSV' }).click(),
      ]);
      await sheet.close();
      const rows =
        readFileSync((await csv.path())!, 'utf8')
          .trimEnd()
          .split('\r\n').length - 1;
      expect(shown).toBe(backup.people.length);
      expect(rows).toBe(backup.people.length);
      const popup = await openExtensionPage(h, 'popup.html');
      const tagged = backup.people.filter((person) => person.roles.length > 0).length;
      await popup
        .getByText(`${tagged} ${tagged === 1 ? 'tagged person' : 'tagged people'}`)
        .waitFor();
      await popup.close();
      await page.close();
    },
  );
});

/**
 * Sync at the record's real scale (docs/sync.md): the first sync of the bench record to a
 * CouchDB-protocol server on localhost, timed from the click on "Turn on sync" until the options
 * page says every change made here is on the server, with the progress it showed on the way; the
 * badge, the people list and the popup on profile B while it joins (receiving everything and
 * writing it into its tables, the heaviest sync there is); and one edit on profile A (a role
 * toggled from the badge) until profile B holds it, live sync on.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchGranted } from '../../tests/e2e/granted-hosts';
import { launch, openExtensionPage, seedDatabase, type Harness } from '../../tests/e2e/harness';
import { startSyncServer } from '../../tests/e2e/sync-server';
import type { Dataset } from '../../tests/support/dataset';
import { againstFloor, againstLimit, round, type Metric } from '../lib/stats';
import { badgeChanges, peopleSearch, popupOpen } from './extension-pages';
import { badgeLatency, sideBySide } from './linkedin';

export const FIRST_SYNC = 'first sync to a localhost server (bench record)';
export const EDIT_ON_OTHER = 'one edit on A visible on B (live sync)';
export const BADGE_WHILE_SYNCING = 'badge latency on a profile, while a sync runs';
export const SEARCH_WHILE_SYNCING = 'people list, per keystroke, while a sync runs';
export const POPUP_WHILE_SYNCING = 'popup to summary, while a sync runs';

const PASSPHRASE = 'bench lantern otter quiet 2031';
const SYNC_WAIT_MS = 600_000;
const EDIT_WAIT_MS = 60_000;
const EDITED = 'eduardo-alvarez-nowak';
type Profile = { h: Harness; dir: string };

/** A first sync moves by a tenth or more from one run to the next on a small machine. */
const FIRST_SYNC_RUNS = Number(process.env.BENCH_FIRST_SYNC_RUNS ?? 3);

/** Turns sync on from the options page; resolves at the click. */
async function clickTurnOn(page: Page, url: string): Promise<void> {
  await page.getByLabel('Database address').fill(url);
  await page.getByLabel('User name').fill('bench');
  await page.getByLabel('Server password').fill('bench-secret');
  await page.getByLabel('Sync passphrase').fill(PASSPHRASE);
  await page.getByLabel('I have kept my passphrase somewhere safe.').check();
  await page.getByRole('button', { name: 'Turn on sync' }).click();
}

/** Waits until the status says everything is on the server; returns the progress lines seen. */
async function untilSynced(page: Page): Promise<string[]> {
  const progress = new Set<string>();
  const deadline = Date.now() + SYNC_WAIT_MS;
  for (;;) {
    const status =
      (await page
        .getByTestId('sync-status')
        .textContent()
        .catch(() => '')) ?? '';
    for (const line of status.match(/(Sending|Receiving): [\d,]+ of [\d,]+ records…/g) ?? [])
      progress.add(line);
    if (/Last synced .*Every change made here is on the server\./.test(status))
      return [...progress];
    if (Date.now() > deadline) throw new Error(`Not synced within ${SYNC_WAIT_MS} ms: ${status}`);
    await page.waitForTimeout(100);
  }
}

/** Waits until the status says the profile is writing what it received into its tables. */
async function untilReceiving(page: Page): Promise<void> {
  const deadline = Date.now() + SYNC_WAIT_MS;
  for (;;) {
    const status = (await page.getByTestId('sync-status').textContent()) ?? '';
    if (/Receiving: [\d,]+ of/.test(status)) return;
    if (Date.now() > deadline)
      throw new Error(`Never received within ${SYNC_WAIT_MS} ms: ${status}`);
    await page.waitForTimeout(100);
  }
}

/** The roles the profile's database holds for `slug`, read in one of its pages. */
function rolesIn(page: Page, slug: string): Promise<string> {
  return page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('alliance-map');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const person = await new Promise<{ roles?: string[] } | undefined>((resolve, reject) => {
      const request = db.transaction('people').objectStore('people').get(key);
      request.onsuccess = () => resolve(request.result as { roles?: string[] } | undefined);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return JSON.stringify(person?.roles ?? null);
  }, slug);
}

function summary(progress: string[]): string {
  return progress.length
    ? `${progress.length} progress lines shown, from "${progress[0]}" to "${progress.at(-1)}"`
    : 'no progress line seen';
}

/**
 * `floorDir` is the LinkedIn floor extension (bench/lib/floor.ts): the badge measured during the
 * join is compared with it, run by run, as the badge row is.
 */
export async function syncMetrics(
  extensionDir: string,
  floorDir: string,
  data: Dataset,
  runs: number,
): Promise<Metric[]> {
  const server = await startSyncServer();
  const profiles: Profile[] = [];
  const floor = await launch({ extensionDir: floorDir });
  try {
    // Each first sync from a fresh profile to a database of its own; the last one's is A. The
    // server keeps every database in memory: one that is done with goes.
    let sent = await timedFirstSync(server.origin, extensionDir, data, `alliance-map-0`);
    const firstSyncs = [sent.ms];
    for (let run = 1; run < FIRST_SYNC_RUNS; run++) {
      await closeProfile(sent.profile);
      await fetch(sent.url, { method: 'DELETE' });
      sent = await timedFirstSync(server.origin, extensionDir, data, `alliance-map-${run}`);
      firstSyncs.push(sent.ms);
    }
    const { profile: a, url, progress: sentProgress } = sent;
    profiles.push(a);
    const records = Object.values(data).reduce((sum, rows) => sum + rows.length, 0);

    const b = await launchGranted(server.origin, extensionDir);
    profiles.push(b);
    const optionsB = await openExtensionPage(b.h, 'options.html');
    // Warm-ups, as the badge row has: wake the service workers and open the database.
    for (const harness of [floor, b.h]) await badgeLatency(harness);
    const joined = performance.now();
    await clickTurnOn(optionsB, url);
    let joining = true;
    const receiving = untilSynced(optionsB).finally(() => (joining = false));
    // Once B writes what it received into its tables (after replicating it into its local copy),
    // the badge beside the floor's, then typing.
    await untilReceiving(optionsB);
    const badge = await sideBySide(
      runs,
      () => badgeLatency(floor),
      () => badgeLatency(b.h),
    );
    const search = await peopleSearch(b.h, 'dana lee');
    const popup = await popupOpen(b.h, runs, noChange);
    const measuredWhileJoining = joining;
    const receivedProgress = await receiving;
    const joinMs = performance.now() - joined;
    // The popup's own row misses its 150 ms on this machine with or without a sync (docs/
    // performance.md): while a sync runs, it is held to the same popup once the join is over.
    const popupAfter = await popupOpen(b.h, runs, noChange);
    const during = measuredWhileJoining
      ? 'every run while profile B, joining, wrote the record it received into its tables'
      : 'NOT all while syncing: the join ended before the runs did, so this row says nothing about sync';

    // Live sync: each toggle on A, timed until B's database holds the new roles.
    const changes = await badgeChanges(a.h);
    const edits: number[] = [];
    try {
      for (let run = 0; run < runs; run++) {
        const before = await rolesIn(optionsB, EDITED);
        const at = performance.now();
        await changes.change();
        const deadline = Date.now() + EDIT_WAIT_MS;
        while ((await rolesIn(optionsB, EDITED)) === before) {
          if (Date.now() > deadline) throw new Error('The edit did not reach profile B.');
          await optionsB.waitForTimeout(25);
        }
        edits.push(performance.now() - at);
      }
    } finally {
      await changes.close();
    }
    return [
      againstLimit(
        {
          name: FIRST_SYNC,
          unit: 'ms',
          runs: firstSyncs,
          target: '≤ 60 s, with progress',
          note: `${records.toLocaleString('en')} records (${data.people.length.toLocaleString('en')} people, ${data.touches.length.toLocaleString('en')} touches, ${data.notes.length.toLocaleString('en')} notes, ${data.followUps.length.toLocaleString('en')} follow-ups, ${data.ties.length.toLocaleString('en')} ties) sealed and sent; ${summary(sentProgress)}. A second profile joining received them in ${round(joinMs / 1000)} s (${summary(receivedProgress)})`,
        },
        60_000,
      ),
      againstLimit({ name: EDIT_ON_OTHER, unit: 'ms', runs: edits, target: '≤ 3 s' }, 3_000),
      withheldUnless(
        measuredWhileJoining,
        againstFloor(
          {
            name: BADGE_WHILE_SYNCING,
            unit: 'ms',
            runs: badge.ours,
            target: '≤ 1.25× floor',
            note: during,
          },
          'static element after the name',
          badge.floor,
          1.25,
        ),
      ),
      withheldUnless(
        measuredWhileJoining,
        againstLimit(
          { name: SEARCH_WHILE_SYNCING, unit: 'ms', runs: search, target: '≤ 50 ms', note: during },
          50,
        ),
      ),
      withheldUnless(
        measuredWhileJoining,
        againstFloor(
          {
            name: POPUP_WHILE_SYNCING,
            unit: 'ms',
            runs: popup,
            target: '≤ 1.25× the popup after the join',
            note: during,
          },
          'the same popup once the join is over',
          popupAfter,
          1.25,
        ),
      ),
    ];
  } finally {
    await floor.close();
    for (const p of profiles) await closeProfile(p);
    await server.close();
  }
}

/**
 * A fresh profile seeded with `data` turns sync on to `database`, timed from the
 * click until it says every change is on the server.
 */
async function timedFirstSync(
  origin: string,
  extensionDir: string,
  data: Dataset,
  database: string,
): Promise<{ profile: Profile; url: string; ms: number; progress: string[] }> {
  const profile = await launchGranted(origin, extensionDir);
  try {
    await seedDatabase(profile.h, { ...data });
    const options = await openExtensionPage(profile.h, 'options.html');
    const url = `${origin}/${database}`;
    const started = performance.now();
    await clickTurnOn(options, url);
    const progress = await untilSynced(options);
    return { profile, url, ms: performance.now() - started, progress };
  } catch (error) {
    await closeProfile(profile);
    throw error;
  }
}

async function closeProfile(profile: Profile): Promise<void> {
  await profile.h.close();
  rmSync(profile.dir, { recursive: true, force: true });
}

const noChange = () => Promise.resolve();

/** A row measured at the wrong moment is not met, whatever its figure. */
function withheldUnless(measuredRight: boolean, metric: Metric): Metric {
  return measuredRight ? metric : { ...metric, met: false };
}

/**
 * What the user feels in the extension's own pages: the popup's summary, the weekly report,
 * typing into the people list, and importing Connections.csv. Timed inside the page.
 */
import type { Page } from 'playwright-core';
import { PAGES, type Harness } from '../../tests/e2e/harness';
import { attachScriptWorld } from '../../tests/e2e/security-support';
import {
  DEXIE_SOURCE,
  installLongTaskProbe,
  installReadyProbe,
  readNinetyDaysOfTouches,
} from '../lib/probes';

const WAIT_MS = 60_000;

/** Opens an extension page and returns the time (from navigation start) until `selector` matches. */
async function timeToReady(h: Harness, path: string, selector: string): Promise<number> {
  const page = await h.context.newPage();
  await page.addInitScript(installReadyProbe, selector);
  await page.goto(`chrome-extension://${h.extensionId}/${path}`);
  const handle = await page.waitForFunction(() => window.__benchReady, undefined, {
    timeout: WAIT_MS,
    polling: 50,
  });
  const at = (await handle.jsonValue()) as number;
  await page.close();
  return at;
}

/**
 * Changes to the data as the user makes them from a profile's badge: each `change()` turns one
 * role of the profile's person on or off through the extension's own message handler, from the
 * LinkedIn script's world, and waits for the answer (the write has committed).
 */
export async function badgeChanges(
  h: Harness,
): Promise<{ change(): Promise<void>; close(): Promise<void> }> {
  const page = await h.context.newPage();
  const world = await attachScriptWorld(page, h.extensionId);
  await page.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
  const toggle = `chrome.runtime.sendMessage({ type: 'profile/toggle-role', identity: { slug: 'eduardo-alvarez-nowak' }, role: 'ally' })`;
  await world.evaluate('1');
  return {
    change: async () => {
      const answer = await world.evaluate<{ roles: string[] } | null>(toggle);
      if (!answer) throw new Error('The background did not answer the role toggle.');
    },
    close: async () => {
      await world.detach();
      await page.close();
    },
  };
}

/**
 * The extension pages' floor: the floor extension's static page (`bench/lib/floor.ts`) opened
 * as the popup and the report are, to its one element: what the browser takes to open any page
 * of an extension, in a new renderer, before a line of ours runs.
 */
export async function staticPageOpen(floor: Harness, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeToReady(floor, 'page.html', '#ready'));
  return times;
}

/** A page opened until `ready` is drawn, each time right after a change to the data. */
async function openAfterChange(
  h: Harness,
  runs: number,
  change: () => Promise<void>,
  path: string,
  ready: string,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await change();
    times.push(await timeToReady(h, path, ready));
  }
  return times;
}

/** The popup's summary drawn: its first score (the Chromium and Firefox rows wait for the same). */
export const SUMMARY_DRAWN = 'section[aria-labelledby="summary-title"] dl.scores strong';

/** Popup opened to its summary drawn, right after a change to the data (`badgeChanges`). */
export function popupOpen(h: Harness, runs: number, change: () => Promise<void>) {
  return openAfterChange(h, runs, change, 'popup.html', SUMMARY_DRAWN);
}

/** Weekly report opened to every section drawn, right after a change to the data. */
export function reportOpen(h: Harness, runs: number, change: () => Promise<void>) {
  return openAfterChange(h, runs, change, 'report.html', 'main.report[data-state="ready"]');
}

/**
 * The floor of the popup and report: the touches of the last 90 days read once through Dexie,
 * in a fresh connection from an extension page (Dexie's own UMD build, evaluated over CDP).
 */
export async function ninetyDayRead(h: Harness, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    await page.evaluate(DEXIE_SOURCE);
    times.push(await page.evaluate(readNinetyDaysOfTouches));
    await page.close();
  }
  return times;
}

/**
 * Per keystroke: from the key's own time stamp (when the browser took it, so time spent waiting
 * for a busy page counts) to the start of the first frame after the people list was drawn for
 * it (Preact draws in a microtask after the input event, before that frame). A frame, not a
 * change of the list: a key that changes nothing visible still has to be answered, and a change
 * made by something else (sync writing people) is not the key's.
 */
export async function peopleSearch(h: Harness, query: string): Promise<number[]> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
  const input = page.getByRole('searchbox', { name: /search by name/i });
  await input.waitFor({ timeout: WAIT_MS });
  // The list is drawn when it shows its first person.
  await page.locator('section.people .person-line').first().waitFor({ timeout: WAIT_MS });
  await page.evaluate(() => {
    const state = { pressed: 0, latencies: [] as number[] };
    (window as unknown as { __benchSearch: typeof state }).__benchSearch = state;
    const box = document.querySelector('input[type="search"]')!;
    box.addEventListener('keydown', (event) => (state.pressed = event.timeStamp), {
      capture: true,
    });
    box.addEventListener(
      'input',
      () => {
        const pressed = state.pressed;
        requestAnimationFrame(() => state.latencies.push(performance.now() - pressed));
      },
      { capture: true },
    );
  });
  await input.click();
  for (const key of query) {
    await page.keyboard.type(key);
    await page.waitForTimeout(400);
  }
  const times = await page.evaluate(
    () => (window as unknown as { __benchSearch: { latencies: number[] } }).__benchSearch.latencies,
  );
  await page.close();
  if (times.length !== query.length)
    throw new Error(`${times.length} of ${query.length} keystrokes reached the people list.`);
  return times;
}

/** Removes the people a previous import run added, so that every run imports the same new rows. */
async function removeImported(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('alliance-map');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('people', 'readwrite');
      tx.objectStore('people').delete(IDBKeyRange.bound('import-person-', 'import-person-\uffff'));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

// The section keeps an empty live region of each kind; the result is the one with text.
const IMPORT_DONE = ['ok', 'error']
  .map((kind) => `section[aria-labelledby="linkedin-title"] p.notice.${kind}:not(:empty)`)
  .join(', ');

/**
 * Import of a Connections.csv from the options page: duration and the longest task from the
 * click on. Tasks are told apart by their start: the observer reports them late, so one of the
 * bench's own before the click (handing the file over, clearing the last run's people) can
 * arrive after it.
 */
export async function connectionsImport(
  h: Harness,
  csv: string,
  runs: number,
): Promise<{ durations: number[]; longestTasks: number[] }> {
  const durations: number[] = [];
  const longestTasks: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await h.context.newPage();
    await page.addInitScript(installLongTaskProbe);
    await page.addInitScript(installReadyProbe, IMPORT_DONE);
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    await removeImported(page);
    await page.locator('#linkedin-file').setInputFiles({
      name: 'Connections.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.evaluate(() => {
      const mark = window as unknown as { __benchClick: number[] };
      mark.__benchClick = [];
      document.addEventListener('click', () => mark.__benchClick.push(performance.now()), {
        capture: true,
      });
      window.__benchReady = undefined;
    });
    await page.getByRole('button', { name: 'Import from LinkedIn' }).click();
    await page.waitForFunction(() => window.__benchReady, undefined, {
      timeout: WAIT_MS,
      polling: 50,
    });
    const result = await page.evaluate(() => ({
      done: window.__benchReady!,
      clicked: (window as unknown as { __benchClick: number[] }).__benchClick[0] ?? 0,
      tasks: window.__benchLongTasks ?? [],
      error:
        document.querySelector('section[aria-labelledby="linkedin-title"] p.notice.error')
          ?.textContent || null,
    }));
    if (result.error) throw new Error(`The import failed: ${result.error}`);
    durations.push(result.done - result.clicked);
    const ours = result.tasks.filter((task) => task.start >= result.clicked);
    longestTasks.push(Math.max(0, ...ours.map((task) => task.duration)));
    await page.close();
  }
  return { durations, longestTasks };
}

/**
 * The import's floor: the records it writes, put with bare IndexedDB (no parsing, no matching),
 * in one relaxed transaction, into a scratch database of the extension's origin whose people
 * store has the people table's key and indexes. Times the transaction, from its first put to
 * its completion.
 */
export async function bareImportWrites(h: Harness, people: readonly object[]): Promise<number> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  const time = await page.evaluate(async (records) => {
    const name = 'bench-import-floor';
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore('people', { keyPath: 'slug' });
        store.createIndex('aliases', 'aliases', { multiEntry: true });
        store.createIndex('memberId', 'memberId');
        store.createIndex('tracked', 'tracked');
        store.createIndex('nameWords', 'nameWords', { multiEntry: true });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    // No named inner functions: tsx would wrap them in a helper the page does not have.
    const cleared = db.transaction('people', 'readwrite');
    cleared.objectStore('people').clear();
    await new Promise((resolve, reject) => {
      cleared.oncomplete = resolve;
      cleared.onerror = () => reject(cleared.error);
    });
    const start = performance.now();
    const tx = db.transaction('people', 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore('people');
    for (const record of records) store.put(record);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    const elapsed = performance.now() - start;
    db.close();
    return elapsed;
  }, people);
  await page.close();
  return time;
}

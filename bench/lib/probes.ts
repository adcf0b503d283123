/**
 * Clocks installed in the page before any of its scripts (context.addInitScript), in the main
 * world. The extension's UI is a bare <span> holding a closed shadow root, attached in the
 * isolated world; a main-world MutationObserver still sees the <span> inserted, which is when
 * the user can see it. Times are the page's performance.now().
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** What the LinkedIn-page probe recorded. */
export interface PageClock {
  /** Every URL change (Navigation API), in order. */
  navigations: number[];
  /** Every bare <span> inserted: when, and whether it went right after the name heading. */
  spans: Array<{ at: number; afterHeading: boolean }>;
}

declare global {
  interface Window {
    __benchClock?: PageClock;
    __benchReady?: number;
    __benchLongTasks?: LongTask[];
  }
}

/** Installed on LinkedIn pages: URL changes and our islands appearing. */
export function installPageClock(): void {
  const clock: PageClock = { navigations: [], spans: [] };
  window.__benchClock = clock;
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('currententrychange', () => clock.navigations.push(performance.now()));
  new MutationObserver((records) => {
    const at = performance.now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof HTMLSpanElement) || node.attributes.length > 0) continue;
        const before = node.previousElementSibling;
        const afterHeading =
          !!before && (before.tagName === 'H1' || before.querySelector('h1') !== null);
        clock.spans.push({ at, afterHeading });
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Installed on extension pages: the first moment `selector` matches, in performance.now().
 * Setting `__benchReady` back to undefined arms it again.
 */
export function installReadyProbe(selector: string): void {
  // No named inner functions: tsx would wrap them in a helper the page does not have.
  new MutationObserver(() => {
    if (window.__benchReady === undefined && document.querySelector(selector))
      window.__benchReady = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

/** A task of the page's main thread over 50 ms, in performance.now(). */
export interface LongTask {
  start: number;
  duration: number;
}

/** Installed on extension pages: every long task (over 50 ms). */
export function installLongTaskProbe(): void {
  const tasks: LongTask[] = [];
  window.__benchLongTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      tasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** Dexie's own UMD build, for the floors that read through Dexie in a page (evaluated there). */
export const DEXIE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('dexie/dist/dexie.js'),
  'utf8',
);

/**
 * In an extension page where DEXIE_SOURCE was evaluated: the milliseconds a fresh connection
 * takes to open the database and read the last 90 days of touches by their date index.
 */
export async function readNinetyDaysOfTouches(): Promise<number> {
  const { Dexie } = globalThis as unknown as {
    Dexie: new (name: string) => {
      open(): Promise<unknown>;
      close(): void;
      table(name: string): {
        where(i: string): { aboveOrEqual(v: number): { toArray(): Promise<unknown[]> } };
      };
    };
  };
  const start = performance.now();
  const db = new Dexie('alliance-map');
  await db.open();
  await db
    .table('touches')
    .where('at')
    .aboveOrEqual(Date.now() - 90 * 86_400_000)
    .toArray();
  const took = performance.now() - start;
  db.close();
  return took;
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  QUIET_MS,
  coalesced,
  derivedViews,
  refreshReport,
  refreshSummary,
} from '@/utils/background/derived-views';
import { handleMessage, type HandlerDeps } from '@/utils/background/handlers';
import { loadWeeklyReport } from '@/utils/db/report-data';
import { AllianceDb } from '@/utils/db/schema';
import { loadSummary } from '@/utils/db/summary';
import {
  clearDerivedCaches,
  readView,
  reportCache,
  reportScope,
  storeView,
  summaryCache,
  summaryScope,
  viewKey,
} from '@/utils/derived-cache';
import { weekStartOf } from '@/utils/insights/weeks';
import { DAY_MS, newPerson } from '@/utils/model';
import { dataChangedItem, loadSettings } from '@/utils/settings';

let db: AllianceDb;
beforeEach(async () => {
  await clearDerivedCaches(); // the copies' database outlives a test
  db = new AllianceDb(`views-${crypto.randomUUID()}`);
  await db.people.bulkAdd([
    newPerson('ada', Date.now() - 40 * DAY_MS, { name: 'Ada', roles: ['sponsor'] }),
    newPerson('bo', Date.now() - 40 * DAY_MS, { name: 'Bo', roles: ['mentor'] }),
  ]);
});
afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

/** The key a page would expect now for the summary. */
async function summaryKeyNow(): Promise<string> {
  const settings = await loadSettings();
  return viewKey(await dataChangedItem.getValue(), summaryScope(settings), Date.now());
}

async function reportKeyNow(): Promise<string> {
  const settings = await loadSettings();
  const week = weekStartOf(Date.now(), settings.weekStart);
  return viewKey(await dataChangedItem.getValue(), reportScope(week, settings), Date.now());
}

describe('refreshing the cached views in the background', () => {
  it('recomputes an out-of-date summary under the current data version', async () => {
    const settings = await loadSettings();
    await storeView(summaryCache, 'old|0|stale', await loadSummary(db, settings, Date.now()));
    await db.people.update('bo', { roles: [] });
    await dataChangedItem.setValue(Date.now());

    await refreshSummary({ db });

    const entry = await readView(summaryCache);
    expect(entry?.key).toBe(await summaryKeyNow());
    expect(await summaryCache.key.getValue()).toBe(entry?.key);
    expect(entry?.value.taggedPeople).toBe(1);
    expect(entry?.value).toEqual(await loadSummary(db, settings, Date.now()));
  });

  it('recomputes this week’s report as the report page would', async () => {
    const settings = await loadSettings();
    await storeView(reportCache, 'old|0|stale', await loadWeeklyReport(db, 0, settings, 0));
    await dataChangedItem.setValue(Date.now());

    await refreshReport({ db });

    const entry = await readView(reportCache);
    expect(entry?.key).toBe(await reportKeyNow());
    const week = weekStartOf(Date.now(), settings.weekStart);
    const expected = await loadWeeklyReport(db, week, settings, Date.now());
    expect(entry?.value.weekStart).toBe(expected.weekStart);
    expect(entry?.value.connectivity).toEqual(expected.connectivity);
  });

  it('keeps a copy current whose page closed before it wrote the notice', async () => {
    const settings = await loadSettings();
    const week = weekStartOf(Date.now(), settings.weekStart);
    await storeView(reportCache, 'old|0|stale', await loadWeeklyReport(db, week, settings, 0));
    await reportCache.key.removeValue(); // the page was gone before this second write
    await dataChangedItem.setValue(Date.now());

    await refreshReport({ db });

    expect((await readView(reportCache))?.key).toBe(await reportKeyNow());
    expect(await reportCache.key.getValue()).toBe(await reportKeyNow());
  });

  it('computes nothing for a view the user never opened, or one already current', async () => {
    const compute = vi.spyOn(db, 'transaction');
    await refreshSummary({ db });
    await refreshReport({ db });
    expect(await readView(summaryCache)).toBeNull();
    expect(await readView(reportCache)).toBeNull();

    await storeView(
      summaryCache,
      await summaryKeyNow(),
      await loadSummary(db, await loadSettings(), Date.now()),
    );
    compute.mockClear();
    await refreshSummary({ db });
    expect(compute).not.toHaveBeenCalled();
  });

  it('writes nothing back after "delete everything" cleared the copies meanwhile', async () => {
    await storeView(summaryCache, 'old|0|stale', await loadSummary(db, await loadSettings(), 0));
    // The copies are cleared while the summary is being read.
    const read = db.transaction.bind(db);
    vi.spyOn(db, 'transaction').mockImplementation(((...args: Parameters<typeof read>) => {
      const result = read(...args);
      void clearDerivedCaches();
      return result;
    }) as typeof read);

    await refreshSummary({ db });

    expect(await readView(summaryCache)).toBeNull();
    expect(await summaryCache.key.getValue()).toBeNull();
  });

  it('writes nothing under a version the data has already left', async () => {
    await storeView(summaryCache, 'old|0|stale', await loadSummary(db, await loadSettings(), 0));
    const read = db.transaction.bind(db);
    vi.spyOn(db, 'transaction').mockImplementation(((...args: Parameters<typeof read>) => {
      const result = read(...args);
      void dataChangedItem.setValue(Date.now() + 1);
      return result;
    }) as typeof read);

    await refreshSummary({ db });

    expect((await readView(summaryCache))?.key).toBe('old|0|stale');
  });
});

describe('coalesced', () => {
  it('runs once at a time and answers every call made meanwhile with one more run', async () => {
    let runs = 0;
    let release = () => {};
    const refresh = coalesced(
      () =>
        new Promise<void>((resolve) => {
          runs += 1;
          release = resolve;
        }),
    );
    const first = refresh();
    const second = refresh();
    const third = refresh();
    expect(runs).toBe(1);
    release();
    await first;
    await vi.waitFor(() => expect(runs).toBe(2));
    release();
    await Promise.all([second, third]);
    expect(runs).toBe(2);
  });

  it('keeps going after a failed run', async () => {
    let runs = 0;
    const refresh = coalesced(async () => {
      runs += 1;
      if (runs === 1) throw new Error('database closed');
    });
    await refresh();
    await refresh();
    expect(runs).toBe(2);
  });
});

describe('derivedViews', () => {
  it('refreshes the summary and then the report at once, and each once after a burst', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const settings = await loadSettings();
    await storeView(summaryCache, 'old|0|stale', await loadSummary(db, settings, 0));
    await storeView(reportCache, 'old|0|stale', await loadWeeklyReport(db, 0, settings, 0));
    await dataChangedItem.setValue(Date.now());
    // The summary first, then the report: its read starts once the summary is stored.
    const order: string[] = [];
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
    const refreshed = vi
      .spyOn(db, 'transaction')
      .mockImplementation(
        (...args: unknown[]) => (order.push('read'), transaction(...args)) as never,
      );
    const views = derivedViews({ db });

    summaryCache.key.watch((key) => key && order.push('summary'));
    reportCache.key.watch((key) => key && order.push('report'));
    views.changed();
    await vi.waitFor(async () =>
      expect(await reportCache.key.getValue()).toBe(await reportKeyNow()),
    );
    expect(await summaryCache.key.getValue()).toBe(await summaryKeyNow());
    expect(order).toEqual(['read', 'summary', 'read', 'report']);
    expect(refreshed).toHaveBeenCalledTimes(2);

    // A burst: nothing until it is over, then one summary, and the report after a longer quiet.
    for (let i = 0; i < 3; i++) {
      await dataChangedItem.setValue(Date.now() + i + 1);
      views.changed();
      await vi.advanceTimersByTimeAsync(QUIET_MS.summary - 1);
    }
    expect(refreshed).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(async () =>
      expect(await summaryCache.key.getValue()).toBe(await summaryKeyNow()),
    );
    expect(refreshed).toHaveBeenCalledTimes(3);
    expect(await reportCache.key.getValue()).not.toBe(await reportKeyNow());

    await vi.advanceTimersByTimeAsync(QUIET_MS.report);
    await vi.waitFor(async () =>
      expect(await reportCache.key.getValue()).toBe(await reportKeyNow()),
    );
    // One read for the report; the summary, current, is not read again.
    expect(refreshed).toHaveBeenCalledTimes(4);
  });

  it('refreshes a view at once when a page asks', async () => {
    const settings = await loadSettings();
    await storeView(reportCache, 'old|0|stale', await loadWeeklyReport(db, 0, settings, 0));
    await dataChangedItem.setValue(Date.now());
    await derivedViews({ db }).refresh('report');
    expect(await reportCache.key.getValue()).toBe(await reportKeyNow());
  });
});

describe('the views/refresh message', () => {
  const deps = (refreshView: HandlerDeps['refreshView']): HandlerDeps => ({
    db,
    settings: loadSettings,
    now: Date.now,
    openSidePanel: async () => false,
    sidePanelShortcut: async () => null,
    refreshView,
  });

  it('is answered for extension pages once the view is refreshed', async () => {
    const refreshView = vi.fn(async () => {});
    const answer = await handleMessage(
      deps(refreshView),
      { type: 'views/refresh', view: 'summary' },
      { fromExtensionPage: true },
    );
    expect(answer).toBe(true);
    expect(refreshView).toHaveBeenCalledWith('summary');
  });

  it('is ignored from a content script, or for a view that does not exist', async () => {
    const refreshView = vi.fn(async () => {});
    const fromLinkedIn = { fromExtensionPage: false, tabUrl: 'https://www.linkedin.com/in/ada/' };
    expect(
      await handleMessage(
        deps(refreshView),
        { type: 'views/refresh', view: 'report' },
        fromLinkedIn,
      ),
    ).toBeUndefined();
    expect(
      await handleMessage(
        deps(refreshView),
        { type: 'views/refresh', view: 'notes' },
        { fromExtensionPage: true },
      ),
    ).toBeUndefined();
    expect(refreshView).not.toHaveBeenCalled();
  });
});

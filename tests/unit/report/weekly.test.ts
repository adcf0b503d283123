import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  READY_BADGE,
  REPORT_NOTIFICATION_ID,
  WEEKLY_ALARM,
  WEEK_MINUTES,
  clearReportReady,
  ensureWeeklyAlarm,
  markReportReady,
  nextReportTime,
  onWeeklyAlarm,
  registerWeeklyReport,
  reportReadyItem,
  restoreReportMark,
} from '@/utils/weekly-report';
import { saveSettings } from '@/utils/settings';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
  vi.restoreAllMocks();
});

/** A local date and time in the current TZ. */
function local(y: number, m: number, d: number, h = 0, min = 0): number {
  return new Date(y, m - 1, d, h, min).getTime();
}

function grantNotifications(granted: boolean) {
  return vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(granted);
}

describe('nextReportTime', () => {
  it('is 08:00 on the next week start, local time', () => {
    process.env.TZ = 'Europe/Paris';
    // Wednesday 2025-03-12 → Monday 2025-03-17 08:00.
    expect(nextReportTime(local(2025, 3, 12, 15), 1)).toBe(local(2025, 3, 17, 8));
    // Sunday week start → Sunday 2025-03-16 08:00.
    expect(nextReportTime(local(2025, 3, 12, 15), 0)).toBe(local(2025, 3, 16, 8));
  });

  it('is later the same day when the week start has not reached 08:00 yet', () => {
    process.env.TZ = 'Europe/Paris';
    expect(nextReportTime(local(2025, 3, 17, 7, 59), 1)).toBe(local(2025, 3, 17, 8));
    // At 08:00 exactly the report of this week is announced: the next one is a week later.
    expect(nextReportTime(local(2025, 3, 17, 8), 1)).toBe(local(2025, 3, 24, 8));
  });

  it.each([
    ['Europe/Paris', [2025, 3, 26, 12], [2025, 3, 31]], // spring forward on Sunday 30 March
    ['Europe/Paris', [2025, 10, 22, 12], [2025, 10, 27]], // fall back on Sunday 26 October
    ['America/New_York', [2025, 3, 5, 12], [2025, 3, 10]], // spring forward on Sunday 9 March
    ['America/Santiago', [2025, 4, 2, 12], [2025, 4, 7]], // fall back at midnight, 6 April
    ['Australia/Lord_Howe', [2025, 4, 2, 12], [2025, 4, 7]], // half-hour shift, 6 April
  ] as const)('stays at 08:00 local across a DST change in %s', (zone, from, expected) => {
    process.env.TZ = zone;
    const at = nextReportTime(local(from[0], from[1], from[2], from[3]), 1);
    const date = new Date(at);
    expect([date.getFullYear(), date.getMonth() + 1, date.getDate()]).toEqual(expected);
    expect([date.getHours(), date.getMinutes(), date.getDay()]).toEqual([8, 0, 1]);
  });

  it('is always after now and at most a week and an hour away', () => {
    process.env.TZ = 'America/New_York';
    for (let day = 0; day < 400; day += 1) {
      const now = local(2025, 1, 1, 13) + day * 86_400_000;
      const at = nextReportTime(now, day % 7);
      expect(at).toBeGreaterThan(now);
      expect(at - now).toBeLessThanOrEqual(7 * 86_400_000 + 3_600_000);
      expect(new Date(at).getDay()).toBe(day % 7);
      expect(new Date(at).getHours()).toBe(8);
    }
  });
});

describe('the weekly alarm', () => {
  it('is created for the next week start with a period of one week', async () => {
    process.env.TZ = 'Europe/Paris';
    await saveSettings({ weekStart: 1 });
    await ensureWeeklyAlarm(local(2025, 3, 12, 15));
    const alarm = await fakeBrowser.alarms.get(WEEKLY_ALARM);
    expect(alarm?.scheduledTime).toBe(local(2025, 3, 17, 8));
    expect(alarm?.periodInMinutes).toBe(WEEK_MINUTES);
  });

  it('keeps an alarm that is already due, so the missed week is still announced', async () => {
    process.env.TZ = 'Europe/Paris';
    const missed = local(2025, 3, 10, 8);
    await fakeBrowser.alarms.create(WEEKLY_ALARM, { when: missed, periodInMinutes: WEEK_MINUTES });
    await ensureWeeklyAlarm(local(2025, 3, 12, 15));
    expect((await fakeBrowser.alarms.get(WEEKLY_ALARM))?.scheduledTime).toBe(missed);
  });

  it('moves when the week start setting changes', async () => {
    process.env.TZ = 'Europe/Paris';
    await saveSettings({ weekStart: 1 });
    registerWeeklyReportWithoutPermissionEvents();
    await ensureWeeklyAlarm(Date.now());
    const before = (await fakeBrowser.alarms.get(WEEKLY_ALARM))?.scheduledTime;
    await saveSettings({ weekStart: 0 });
    await vi.waitFor(async () => {
      const after = (await fakeBrowser.alarms.get(WEEKLY_ALARM))?.scheduledTime;
      expect(after).not.toBe(before);
      expect(new Date(after!).getDay()).toBe(0);
    });
  });

  it('is created on install', async () => {
    registerWeeklyReportWithoutPermissionEvents();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(WEEKLY_ALARM)).toBeDefined());
  });

  it('on firing marks the toolbar, stores the date and schedules the next week at 08:00', async () => {
    process.env.TZ = 'Europe/Paris';
    await saveSettings({ weekStart: 1 });
    const firedAt = local(2025, 3, 24, 8, 0);
    await onWeeklyAlarm(firedAt);
    expect(await fakeBrowser.action.getBadgeText({})).toBe(READY_BADGE);
    expect(await reportReadyItem.getValue()).toBe(firedAt);
    // After the spring-forward change of 30 March: still 08:00 local.
    expect((await fakeBrowser.alarms.get(WEEKLY_ALARM))?.scheduledTime).toBe(local(2025, 3, 31, 8));
  });
});

/** registerWeeklyReport with the one event fakeBrowser lacks (permissions.onAdded) stubbed. */
function registerWeeklyReportWithoutPermissionEvents() {
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
  registerWeeklyReport();
}

describe('the report-ready mark', () => {
  it('is a global badge that leaves per-tab role signs alone', async () => {
    await fakeBrowser.action.setBadgeText({ tabId: 7, text: 'SP' });
    await markReportReady(Date.now());
    expect(await fakeBrowser.action.getBadgeText({})).toBe(READY_BADGE);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('SP');
    await clearReportReady();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('SP');
    expect(await reportReadyItem.getValue()).toBeNull();
  });

  it('comes back after a browser restart until the report is opened', async () => {
    await reportReadyItem.setValue(123);
    await restoreReportMark();
    expect(await fakeBrowser.action.getBadgeText({})).toBe(READY_BADGE);
  });

  it('shows no notification unless the user turned it on', async () => {
    grantNotifications(true);
    await markReportReady(Date.now());
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('shows no notification without the permission, even when turned on', async () => {
    await saveSettings({ weeklyNotification: true });
    const contains = grantNotifications(false);
    await markReportReady(Date.now());
    expect(contains).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('shows a notification when turned on and granted; clicking it opens the report', async () => {
    await saveSettings({ weeklyNotification: true });
    grantNotifications(true);
    registerWeeklyReportWithoutPermissionEvents();
    await markReportReady(Date.now());
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toEqual([REPORT_NOTIFICATION_ID]);
    await fakeBrowser.notifications.onClicked.trigger(REPORT_NOTIFICATION_ID);
    await vi.waitFor(async () => {
      const tabs = await fakeBrowser.tabs.query({});
      expect(tabs.map((tab) => tab.url)).toContain(fakeBrowser.runtime.getURL('/report.html'));
    });
  });
});

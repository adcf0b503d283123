/**
 * The weekly report's alarm: at 08:00 on the first day of each week (the user's week start, local
 * time) it marks the toolbar icon and, when the user turned it on and granted the permission,
 * shows a system notification. Opening the report page clears the mark. Every listener is
 * registered by `registerWeeklyReport()` at the top level of the service worker (MV3), and the
 * state that matters (the alarm, the mark) lives in the browser, not in memory.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { addWeeks, weekStartOf } from '@/utils/insights/weeks';
import { loadSettings, settingsItem } from '@/utils/settings';
import { ui } from '@/utils/i18n';

/** The name of the weekly alarm. */
export const WEEKLY_ALARM = 'weekly-report';
/** The local hour the report is announced on the first day of the week. */
export const REPORT_HOUR = 8;
/** The alarm's period: one week, in minutes. */
export const WEEK_MINUTES = 7 * 24 * 60;
/** One notification at a time: a new week replaces last week's. */
export const REPORT_NOTIFICATION_ID = 'weekly-report-ready';
/** The global toolbar badge that says a new report is ready (per-tab role signs override it). */
export const READY_BADGE = '•';

const BADGE_COLOUR = '#0a66c2';
const REPORT_PAGE = '/report.html';

/** When the last report was announced and not yet opened; null once the user opened it. */
export const reportReadyItem = storage.defineItem<number | null>('local:reportReadyAt', {
  fallback: null,
});

/**
 * The first moment after `now` that is 08:00 local time on a week's first day. Built from
 * calendar fields, so it stays at 08:00 across daylight saving changes.
 */
export function nextReportTime(now: number, weekStart: number): number {
  const atHour = (start: number) => {
    const day = new Date(start);
    return new Date(day.getFullYear(), day.getMonth(), day.getDate(), REPORT_HOUR).getTime();
  };
  const thisWeek = weekStartOf(now, weekStart);
  const candidate = atHour(thisWeek);
  return candidate > now ? candidate : atHour(addWeeks(thisWeek, 1, weekStart));
}

/** (Re)creates the weekly alarm for the next week start; replaces any alarm of the same name. */
export async function scheduleWeeklyAlarm(now: number, weekStart: number): Promise<void> {
  await browser.alarms.create(WEEKLY_ALARM, {
    when: nextReportTime(now, weekStart),
    periodInMinutes: WEEK_MINUTES,
  });
}

/**
 * Makes sure the alarm exists for the current week start (after an install, an update or a
 * browser start). An alarm already due is kept: the browser fires it for the week it missed.
 */
export async function ensureWeeklyAlarm(now: number): Promise<void> {
  const { weekStart } = await loadSettings();
  const existing = await browser.alarms.get(WEEKLY_ALARM);
  const expected = nextReportTime(now, weekStart);
  if (existing && (existing.scheduledTime === expected || existing.scheduledTime <= now)) return;
  await scheduleWeeklyAlarm(now, weekStart);
}

/** Whether the user granted the optional notifications permission. */
export async function canNotify(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: ['notifications'] });
  } catch {
    return false;
  }
}

/** The notifications API exists only once its optional permission is granted (Chromium). */
function notificationsApi(): typeof browser.notifications | undefined {
  return (browser as { notifications?: typeof browser.notifications }).notifications;
}

async function showReadyBadge(): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
  await browser.action.setBadgeText({ text: READY_BADGE });
}

/** Announces a new report: the toolbar mark, the stored date and, if wanted and allowed, a notification. */
export async function markReportReady(now: number): Promise<void> {
  await reportReadyItem.setValue(now);
  await showReadyBadge();
  const settings = await loadSettings();
  const notifications = notificationsApi();
  if (!settings.weeklyNotification || !notifications || !(await canNotify())) return;
  await notifications.create(REPORT_NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: ui.t('notification_reportTitle'),
    message: ui.t('notification_reportMessage'),
  });
}

/** Clears the mark once the user opened the report (called by the report page). */
export async function clearReportReady(): Promise<void> {
  await reportReadyItem.removeValue();
  await browser.action.setBadgeText({ text: '' });
  await notificationsApi()?.clear(REPORT_NOTIFICATION_ID);
}

/** Puts the mark back after a browser restart (the global badge text does not survive one). */
export async function restoreReportMark(): Promise<void> {
  if ((await reportReadyItem.getValue()) !== null) await showReadyBadge();
}

/** Opens the report in a new tab. */
export async function openReport(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(REPORT_PAGE) });
}

/** The alarm fired: schedule the next one, then announce this week's report. */
export async function onWeeklyAlarm(now: number): Promise<void> {
  // Re-created at each firing so that it stays at 08:00 local across daylight saving changes
  // (the one-week period alone would drift by an hour).
  await scheduleWeeklyAlarm(now, (await loadSettings()).weekStart);
  await markReportReady(now);
}

function onNotificationClicked(id: string): void {
  if (id !== REPORT_NOTIFICATION_ID) return;
  void openReport();
  void notificationsApi()?.clear(id);
}

function listenToNotificationClicks(): void {
  const clicked = notificationsApi()?.onClicked;
  if (clicked && !clicked.hasListener(onNotificationClicked))
    clicked.addListener(onNotificationClicked);
}

/**
 * Registers every listener of the weekly report. Call once, at the top level of the background's
 * main(), so that the browser can wake the service worker for each of these events.
 */
export function registerWeeklyReport(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WEEKLY_ALARM) void onWeeklyAlarm(Date.now());
  });
  browser.runtime.onInstalled.addListener(() => void ensureWeeklyAlarm(Date.now()));
  browser.runtime.onStartup.addListener(() => {
    void ensureWeeklyAlarm(Date.now());
    void restoreReportMark();
  });
  settingsItem.watch((next, previous) => {
    if (next?.weekStart !== previous?.weekStart) void ensureWeeklyAlarm(Date.now());
  });
  listenToNotificationClicks();
  // The user may grant the permission while the worker runs: listen from then on.
  browser.permissions.onAdded.addListener(listenToNotificationClicks);
}

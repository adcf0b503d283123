/**
 * Sync's side of the background (docs/sync.md, "In the background"): a pass when the data
 * changes here, when the user asks, when the browser starts and on an alarm while sync is on
 * (the service worker may have stopped since the last one; the alarm wakes it and the pass
 * resumes from the checkpoints). The listeners are registered at the top level (MV3).
 */
import { browser } from 'wxt/browser';
import type { AllianceDb } from '@/utils/db/schema';
import { syncIsOn } from '@/utils/sync/changes';
import { localCopy } from '@/utils/sync/pouch';
import { serverDb } from '@/utils/sync/server';
import { SyncRunner } from '@/utils/sync/runner';
import { syncRequestItem } from '@/utils/sync/request';
import { dataChangedItem } from '@/utils/settings';

export const SYNC_ALARM = 'sync';
/** How often a pass runs while sync is on, besides the changes that ask for one. */
const SYNC_ALARM_MINUTES = 1;

export function registerSync(db: AllianceDb): void {
  const runner = new SyncRunner({ db, localCopy, serverDb, now: Date.now });
  const after = (pass: Promise<void>) => void pass.then(() => keepAlarm(db));

  dataChangedItem.watch(() => after(runner.onDataChanged()));
  syncRequestItem.watch(() => after(runner.request()));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) after(runner.request());
  });
  // A wake-up of the service worker: catch up at once when sync is on.
  void syncIsOn(db).then((on) => on && after(runner.request()));
}

/** The alarm exists exactly while sync is on. */
async function keepAlarm(db: AllianceDb): Promise<void> {
  const [on, alarm] = await Promise.all([syncIsOn(db), browser.alarms.get(SYNC_ALARM)]);
  if (on && !alarm)
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_ALARM_MINUTES });
  else if (!on && alarm) await browser.alarms.clear(SYNC_ALARM);
}

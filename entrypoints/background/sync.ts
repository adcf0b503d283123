/**
 * Sync's side of the background (docs/sync.md, "In the background"): a pass when the data
 * changes here, when the user asks, when the browser starts and on an alarm while sync is on
 * (the service worker may have stopped since the last one; the alarm wakes it and the pass
 * resumes from the checkpoints). The listeners are registered at the top level (MV3).
 *
 * Only the background talks to the sync server, and only to a server the user granted host
 * access to: the options page asks it to turn sync on (`answerSyncMessage`).
 */
import { browser } from 'wxt/browser';
import type { AllianceDb } from '@/utils/db/schema';
import { syncIsOn } from '@/utils/sync/changes';
import { localCopy } from '@/utils/sync/pouch';
import { serverDb } from '@/utils/sync/server';
import { parseServerUrl } from '@/utils/sync/server-url';
import { SyncRunner } from '@/utils/sync/runner';
import { syncRequestItem } from '@/utils/sync/request';
import { untilUserIsAway } from '@/utils/sync/give-way';
import { describeSyncError } from '@/utils/sync/status';
import { isTurnOnRequest, turnOnSync, type TurnOnAnswer } from '@/utils/sync/turn-on';
import { dataChangedItem } from '@/utils/settings';

export const SYNC_ALARM = 'sync';
/** How often a pass runs while sync is on, besides the changes that ask for one. */
const SYNC_ALARM_MINUTES = 1;

/** Whether the user granted host access to the server at `url` (and still does). */
async function mayReach(url: string): Promise<boolean> {
  const server = parseServerUrl(url);
  return server.ok && browser.permissions.contains({ origins: server.origins });
}

/** What a message from one of the extension's own pages is answered with. */
export type SyncMessageAnswer = (message: unknown) => Promise<TurnOnAnswer> | undefined;

/** Starts sync's background work; returns the answerer of the options page's requests. */
export function registerSync(db: AllianceDb): SyncMessageAnswer {
  const runner = new SyncRunner({
    db,
    localCopy,
    serverDb,
    mayReach,
    now: Date.now,
    giveWay: untilUserIsAway,
  });
  const after = (pass: Promise<void>) => void pass.then(() => keepAlarm(db));

  dataChangedItem.watch(() => after(runner.onDataChanged()));
  syncRequestItem.watch(() => after(runner.request()));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) after(runner.request());
  });
  // A wake-up of the service worker: catch up at once when sync is on.
  void syncIsOn(db).then((on) => on && after(runner.request()));

  return (message) => {
    if (!isTurnOnRequest(message)) return undefined;
    return (async (): Promise<TurnOnAnswer> => {
      const server = parseServerUrl(message.input.url);
      if (!server.ok) return { ok: false, problem: { key: server.error } };
      if (!(await mayReach(server.url)))
        return {
          ok: false,
          problem: { key: 'sync_errorNoAccess', values: { host: new URL(server.url).host } },
        };
      try {
        const { created } = await turnOnSync(db, { ...message.input, url: server.url }, serverDb);
        after(runner.request());
        return { ok: true, created };
      } catch (error) {
        return { ok: false, problem: describeSyncError(error) };
      }
    })();
  };
}

/** The alarm exists exactly while sync is on. */
async function keepAlarm(db: AllianceDb): Promise<void> {
  const [on, alarm] = await Promise.all([syncIsOn(db), browser.alarms.get(SYNC_ALARM)]);
  if (on && !alarm)
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_ALARM_MINUTES });
  else if (!on && alarm) await browser.alarms.clear(SYNC_ALARM);
}

/**
 * The popup's and the side panel's side of sync giving way to the user (./give-way.ts, and
 * docs/sync.md, "Giving way to the user"): the page tells the background the user is there when
 * it opens, and again as they type, click or scroll, at most every HOLD_EVERY_MS.
 */
import { browser } from 'wxt/browser';
import { onUserInput } from '@/utils/user-input';

/** The message an extension page sends; the background holds sync and answers null. */
export const HOLD_SYNC = { type: 'sync/hold-for-user' } as const;

const HOLD_EVERY_MS = 250;

/** Whether a message from one of the extension's pages asks sync to hold for the user. */
export function isHoldForUser(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === HOLD_SYNC.type
  );
}

/** Holds sync while the user uses this page, from now on. */
export function holdSyncWhileUsed(): void {
  let last = -Infinity;
  const hold = () => {
    if (performance.now() - last < HOLD_EVERY_MS) return;
    last = performance.now();
    // No answer matters: a background that is starting has no sync running yet.
    browser.runtime.sendMessage(HOLD_SYNC).catch(() => undefined);
  };
  hold();
  onUserInput(hold);
}

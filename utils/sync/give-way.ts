/**
 * Sync gives way to the user (docs/sync.md, "Giving way to the user"). Each batch that sync
 * writes holds the tables for a few hundred milliseconds while another device joins, and the
 * badge waits for it to read the person on the page. So a request the user caused (a LinkedIn
 * page opened, a role toggled) holds sync's next batch until the user has been away for
 * HOLD_MS, and gives up the batch being written, if any: its transaction is abandoned, nothing
 * of it is written, and it is written again once the user is away.
 */

/** How long after the user's last request sync waits before its next batch. */
export const HOLD_MS = 1000;

let heldUntil = 0;
let userCame = new AbortController();

/** The user just asked for something: sync holds its next batch for HOLD_MS. */
export function holdSyncForUser(): void {
  heldUntil = performance.now() + HOLD_MS;
  userCame.abort();
  userCame = new AbortController();
}

/**
 * Resolves once no request of the user's has come for HOLD_MS (at once if none came), with a
 * signal that aborts when the next one comes.
 */
export async function untilUserIsAway(): Promise<AbortSignal> {
  for (let wait = heldUntil - performance.now(); wait > 0; wait = heldUntil - performance.now())
    await new Promise((resolve) => setTimeout(resolve, wait));
  return userCame.signal;
}

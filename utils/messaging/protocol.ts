import { browser } from 'wxt/browser';
import type { SeenIdentity } from '@/utils/db/records';
import type { PersonSummary } from '@/utils/db/lookups';
import type { Role } from '@/utils/model';

/** What a list chip needs to know about a known person. */
export interface ChipSummary {
  roles: Role[];
  due: boolean;
  overdueFollowUps: number;
}

/**
 * The one protocol between content scripts (and extension pages) and the background, which owns
 * the database for them. It carries only what the injected UI needs: a compromised page renderer could forge any
 * message, so nothing here reads notes or deletes anything.
 */
export interface Protocol {
  /** The person on this tab's profile (identity as the page shows it). */
  'profile/summary': {
    request: { identity: SeenIdentity } & AskedAgain;
    response: PersonSummary | null;
  };
  /** The badge's two-click tag. */
  'profile/toggle-role': {
    request: { identity: SeenIdentity; role: Role };
    response: PersonSummary | null;
  };
  /** One batched lookup per screenful of list cards. */
  'lists/lookup': {
    request: { keys: string[] } & AskedAgain;
    response: Record<string, ChipSummary>;
  };
  /**
   * The badge opens the full record; where the browser refuses, the answer carries the keyboard
   * shortcut that opens it, for the badge to say.
   */
  'ui/open-side-panel': {
    request: Record<string, never>;
    response: { opened: boolean; shortcut: string | null };
  };
}

/**
 * Set on a question asked again because the data changed, not because of the user: sync gives
 * way only to the user (utils/sync/give-way.ts), and its own writes announce changes that every
 * LinkedIn tab asks again about.
 */
interface AskedAgain {
  afterChange?: true;
}

/** Whether a message from a LinkedIn tab came of something the user did (a page, a click). */
export function causedByUser(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Partial<AskedAgain>).afterChange !== true
  );
}

export type MessageType = keyof Protocol;
export type Message = {
  [K in MessageType]: { type: K } & Protocol[K]['request'];
}[MessageType];
export type Response<K extends MessageType> = Protocol[K]['response'];

/**
 * Asks the background. Never rejects: a content script must not throw into LinkedIn's page,
 * and a background that is updating or gone simply means "no answer" (null).
 */
export async function ask<K extends MessageType>(
  type: K,
  request: Protocol[K]['request'],
): Promise<Response<K> | null> {
  try {
    return ((await browser.runtime.sendMessage({ type, ...request })) as Response<K>) ?? null;
  } catch {
    return null;
  }
}

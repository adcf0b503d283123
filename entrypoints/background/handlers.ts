import type { AllianceDb } from '@/utils/db/schema';
import { enrichPerson, toggleRole, type SeenIdentity } from '@/utils/db/records';
import { findPeopleByKeys, findPerson, summarize, type PersonSummary } from '@/utils/db/lookups';
import { profileSlugFromUrl, profileUrlForSlug } from '@/utils/linkedin/urls';
import { rememberTabIdentity } from '@/utils/tab-identity';
import { ROLES, type Role, type Settings } from '@/utils/model';
import type { ChipSummary, Message, MessageType, Response } from '@/utils/messaging/protocol';

/** The most keys a list lookup may carry (a screenful is far fewer). */
const MAX_LOOKUP_KEYS = 500;
const MAX_FIELD = 500;

/** Where a message came from: only the parts the handlers trust. */
export interface SenderInfo {
  tabId?: number;
  /** The URL of the tab, from the browser, not from the message. */
  tabUrl?: string;
}

export interface HandlerDeps {
  db: AllianceDb;
  settings: () => Promise<Settings>;
  now: () => number;
  openSidePanel: (tabId: number | undefined) => Promise<boolean>;
  /** The shortcut that opens the side panel, to say when it would not open (utils/side-panel.ts). */
  sidePanelShortcut: () => Promise<string | null>;
}

/** A short string field from an untrusted message, or undefined. */
function field(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, MAX_FIELD) : undefined;
}

/**
 * The identity a content script reports, checked against the tab's real URL: a forged message
 * cannot name another person than the profile its tab shows.
 */
function trustedIdentity(raw: unknown, sender: SenderInfo): SeenIdentity | null {
  const slug = sender.tabUrl ? profileSlugFromUrl(sender.tabUrl) : null;
  if (!slug) return null;
  const given = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (given.slug !== undefined && given.slug !== slug) return null;
  const memberId = field(given.memberId);
  return {
    slug,
    profileUrl: profileUrlForSlug(slug),
    ...(memberId && /^ACo[A-Za-z0-9_-]{10,}$/.test(memberId) ? { memberId } : {}),
    ...(field(given.name) ? { name: field(given.name) } : {}),
    ...(field(given.headline) ? { headline: field(given.headline) } : {}),
    ...(field(given.company) ? { company: field(given.company) } : {}),
  };
}

async function summaryOf(deps: HandlerDeps, key: string): Promise<PersonSummary | null> {
  const person = await findPerson(deps.db, key);
  if (!person) return null;
  const summaries = await summarize(deps.db, [person], await deps.settings(), deps.now());
  return summaries.get(person.slug) ?? null;
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Answers one message of the content-script protocol. Unknown or malformed messages get
 * `undefined` (no answer), never an exception.
 */
export async function handleMessage(
  deps: HandlerDeps,
  message: unknown,
  sender: SenderInfo,
): Promise<Response<MessageType> | undefined> {
  if (typeof message !== 'object' || message === null) return undefined;
  const msg = message as Partial<Message> & Record<string, unknown>;
  switch (msg.type) {
    case 'profile/summary': {
      const identity = trustedIdentity(msg.identity, sender);
      if (!identity) return null;
      const answer = async () => {
        if (identity.name || identity.memberId) await enrichPerson(deps.db, identity, deps.now());
        return summaryOf(deps, identity.slug);
      };
      // The tab's identity is stored beside the answer, not before it: the badge waits for it.
      const [summary] = await Promise.all([answer(), rememberTabIdentity(sender.tabId, identity)]);
      return summary;
    }
    case 'profile/toggle-role': {
      const identity = trustedIdentity(msg.identity, sender);
      if (!identity || !isRole(msg.role)) return null;
      const person = await toggleRole(deps.db, identity, msg.role, deps.now());
      return summaryOf(deps, person.slug);
    }
    case 'lists/lookup': {
      if (!Array.isArray(msg.keys)) return {};
      const keys = msg.keys
        .filter((k): k is string => typeof k === 'string' && k.length > 0 && k.length <= 200)
        .slice(0, MAX_LOOKUP_KEYS);
      return lookupChips(deps, keys);
    }
    case 'ui/open-side-panel': {
      // Asked first and at once: the browser opens the panel only within the user's gesture.
      const opened = await deps.openSidePanel(sender.tabId);
      return { opened, shortcut: opened ? null : await deps.sidePanelShortcut() };
    }
    default:
      return undefined;
  }
}

async function lookupChips(
  deps: HandlerDeps,
  keys: string[],
): Promise<Record<string, ChipSummary>> {
  const found = await findPeopleByKeys(deps.db, keys);
  const tagged = [...new Set(found.values())].filter((p) => p.roles.length > 0);
  if (!tagged.length) return {};
  const now = deps.now();
  const summaries = await summarize(deps.db, tagged, await deps.settings(), now, {
    countNotes: false,
  });
  const out: Record<string, ChipSummary> = {};
  for (const [key, person] of found) {
    const summary = summaries.get(person.slug);
    if (!summary) continue;
    out[key] = {
      roles: summary.roles,
      due: summary.dueAt != null && summary.dueAt < now,
      overdueFollowUps: summary.overdueFollowUps,
    };
  }
  return out;
}

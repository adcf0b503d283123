import type { SeenIdentity } from '@/utils/db/records';
import type { PersonSummary } from '@/utils/db/lookups';
import { ask } from '@/utils/messaging/protocol';

let pending: { slug: string; answer: Promise<PersonSummary | null> } | undefined;

/**
 * Asks the background about the profile in the URL at once, before the settings are read and
 * the features start: the badge then rarely waits for the answer.
 */
export function prefetchSummary(identity: SeenIdentity): void {
  pending = { slug: identity.slug, answer: ask('profile/summary', { identity }) };
}

/** The answer prefetched for `slug` (once), or a fresh question. */
export function summaryFor(identity: SeenIdentity): Promise<PersonSummary | null> {
  const prefetched = pending?.slug === identity.slug ? pending.answer : undefined;
  pending = undefined;
  return prefetched ?? ask('profile/summary', { identity });
}

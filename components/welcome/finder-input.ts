import { profileSlugFromUrl } from '@/utils/linkedin/urls';

/** What the user typed into the first run's finder. */
export type FinderInput =
  | { kind: 'empty' }
  | { kind: 'name'; text: string }
  | { kind: 'profile'; slug: string; name: string }
  | { kind: 'not-a-profile' };

/** Looks like an address rather than a name: a scheme, `www.`, or a host such as `example.com/`. */
const ADDRESS = /^(https?:\/\/|www\.)|^[^\s/]+\.[a-z]{2,}(\/|$)/i;

/**
 * "dana-lee-4a1b2c" → "Dana Lee": a first guess at the name of someone added by their profile
 * address (the user can correct it). LinkedIn adds a number or a hex tail to common names.
 */
export function nameFromSlug(slug: string): string {
  const words = slug.split(/[-_]+/).filter(Boolean);
  if (words.length > 1 && /\d/.test(words[words.length - 1]!)) words.pop();
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/** A name to look for, a profile address to add, or an address that names nobody. */
export function readFinderInput(text: string): FinderInput {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  const slug = profileSlugFromUrl(trimmed);
  if (slug) return { kind: 'profile', slug, name: nameFromSlug(slug) };
  if (ADDRESS.test(trimmed)) return { kind: 'not-a-profile' };
  return { kind: 'name', text: trimmed };
}

/**
 * LinkedIn URLs → who and where. Pure functions over strings that never throw: the URL is the
 * most stable signal LinkedIn gives (classes change every build, `/in/<slug>/` has not changed
 * in a decade). The tables of real URLs that must and must not match live in
 * tests/unit/linkedin/urls.test.ts.
 */

/** The kinds of LinkedIn page the content script routes on. */
export type PageKind = 'profile' | 'search-people' | 'search' | 'feed' | 'mynetwork' | 'other';

const DEFAULT_BASE = 'https://www.linkedin.com/';

// www., country (se., de.) and mobile subdomains all serve the same profiles.
const LINKEDIN_HOST = /(^|\.)linkedin\.com$/i;

// Member ids are base64url-like and start with ACoAA (urn:li:fsd_profile:ACoAA…).
const MEMBER_ID = /^ACoAA[A-Za-z0-9_-]{20,}$/;

/** True for LinkedIn's opaque member id (`ACoAA…`), which lists use instead of a slug. */
export function isMemberId(key: string): boolean {
  return typeof key === 'string' && MEMBER_ID.test(key);
}

/** A LinkedIn host at the very start of a string, with no scheme before it. */
const LINKEDIN_HOST_PREFIX = /^(?:[a-z0-9-]+\.)*linkedin\.com\//i;

function parseLinkedInUrl(href: string, base: string): URL | null {
  if (typeof href !== 'string' || href.length === 0) return null;
  try {
    const url = new URL(href, base);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return LINKEDIN_HOST.test(url.hostname) ? url : null;
  } catch {
    return null;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A stray `%` that is not an escape: the raw text is still the best key we have.
    return segment;
  }
}

/**
 * The raw (decoded, case kept) key after `/in/`, or null. Everything after it — a locale
 * (`/in/x/de/`), a sub-page (`/details/experience/`, `/recent-activity/all/`, `/overlay/…`),
 * the query and the hash — names the same person and is ignored. The lite site nests the
 * same path under `/mwlite/`.
 */
function rawKeyFromUrl(url: URL): string | null {
  const segments = url.pathname.split('/').filter((s) => s.length > 0);
  const start = segments[0] === 'mwlite' ? 1 : 0;
  if (segments[start] !== 'in') return null;
  const raw = segments[start + 1];
  if (raw === undefined) return null;
  const key = decodeSegment(raw).trim();
  return key.length > 0 && !/[/\s]/.test(key) ? key : null;
}

/**
 * A profile URL as LinkedIn's exports write it, with nothing for the URL parser to resolve (no
 * escapes, dots or other parts): its slug is the text after `/in/`. Parsing 10,000 of them with
 * `URL` was over half of a Connections.csv's parse in a fresh worker.
 */
const PLAIN_PROFILE_URL = /^https:\/\/www\.linkedin\.com\/in\/([A-Za-z0-9_-]+)\/?$/;

function normaliseKey(key: string): string {
  return isMemberId(key) ? key : key.toLowerCase();
}

/**
 * The person's public slug (decoded, lower-cased) for any `/in/<slug>/…` URL, including locale
 * and sub-page paths; null for member-id URLs (`/in/ACoAA…`) and for anything not a profile.
 */
export function profileSlugFromUrl(url: string): string | null {
  // A URL typed or kept in a spreadsheet may lack its scheme: `www.linkedin.com/in/x`.
  const trimmed = typeof url === 'string' ? url.trim() : '';
  const plain = PLAIN_PROFILE_URL.exec(trimmed)?.[1];
  if (plain !== undefined) return isMemberId(plain) ? null : plain.toLowerCase();
  const absolute = LINKEDIN_HOST_PREFIX.test(trimmed) ? `https://${trimmed}` : trimmed;
  const parsed = parseLinkedInUrl(absolute, DEFAULT_BASE);
  if (!parsed || !/^https?:\/\//i.test(absolute)) return null;
  const key = rawKeyFromUrl(parsed);
  if (key === null || isMemberId(key)) return null;
  return key.toLowerCase();
}

/**
 * The key a list link names: the slug lower-cased, or the member id with its case kept.
 * Accepts absolute and relative hrefs (resolved against `base`, LinkedIn by default).
 */
export function personKeyFromHref(href: string, base: string = DEFAULT_BASE): string | null {
  const parsed = parseLinkedInUrl(href, base);
  if (!parsed) return null;
  const key = rawKeyFromUrl(parsed);
  return key === null ? null : normaliseKey(key);
}

/**
 * True when the href opens the person's profile itself rather than one of its sections or
 * dialogs (`/overlay/…`, `/details/…`, `/edit/…`): only those links stand for the person.
 */
export function isProfileRootHref(href: string, base: string = DEFAULT_BASE): boolean {
  const parsed = parseLinkedInUrl(href, base);
  if (!parsed || rawKeyFromUrl(parsed) === null) return false;
  const segments = parsed.pathname.split('/').filter((s) => s.length > 0);
  const start = segments[0] === 'mwlite' ? 1 : 0;
  const rest = segments.slice(start + 2);
  // A trailing two-letter segment is a locale (`/in/x/de`), still the profile itself.
  return rest.length === 0 || (rest.length === 1 && /^[a-z]{2}$/i.test(rest[0] ?? ''));
}

/** An absolute address of a LinkedIn page, parsed; null for anything else. */
function parseLinkedInPage(url: string): URL | null {
  const parsed = parseLinkedInUrl(url, DEFAULT_BASE);
  return parsed && /^https?:\/\//i.test(url.trim()) ? parsed : null;
}

/** Whether `url` is an absolute address of a LinkedIn page (a tab's, for the background). */
export function isLinkedInUrl(url: string | undefined): boolean {
  return url !== undefined && parseLinkedInPage(url) !== null;
}

/** Which kind of LinkedIn page a URL shows, for routing features. */
export function pageKind(url: string): PageKind {
  const parsed = parseLinkedInPage(url);
  if (!parsed) return 'other';
  if (rawKeyFromUrl(parsed) !== null) return 'profile';
  const path = parsed.pathname.toLowerCase();
  if (/^\/search\/results\/people(\/|$)/.test(path)) return 'search-people';
  if (/^\/search(\/|$)/.test(path)) return 'search';
  if (/^\/feed(\/|$)/.test(path)) return 'feed';
  if (/^\/mynetwork(\/|$)/.test(path)) return 'mynetwork';
  return 'other';
}

/** The canonical profile URL for a slug, as the rest of the extension stores it. */
export function profileUrlForSlug(slug: string): string {
  return `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`;
}

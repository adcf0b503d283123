/**
 * Who a LinkedIn URL names, as pure functions of the URL. The public slug from `/in/<slug>/`
 * (decoded, lower-cased) is a person's key; lists also link by member id (`/in/ACoAA…/`).
 */

const LINKEDIN_HOST = /(^|\.)linkedin\.com$/i;
/** Member ids are case-sensitive base64url strings starting with ACo. */
const MEMBER_ID = /^ACo[A-Za-z0-9_-]{10,}$/;

/** True for a LinkedIn member id such as `ACoAAB1234…` (as opposed to a public slug). */
export function isMemberId(key: string): boolean {
  return MEMBER_ID.test(key);
}

function parse(url: string, base?: string): URL | null {
  try {
    const parsed = new URL(url, base ?? 'https://www.linkedin.com/');
    return LINKEDIN_HOST.test(parsed.hostname) ? parsed : null;
  } catch {
    return null;
  }
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The person key in `/in/<key>/…`: a lower-cased slug, or a member id with its case kept. */
function keyFromPath(pathname: string): string | null {
  const match = /^\/in\/([^/]+)/.exec(pathname);
  const raw = match?.[1] ? decode(match[1]) : null;
  const key = raw?.trim();
  if (!key || /[\s/?#]/.test(key)) return null;
  return isMemberId(key) ? key : key.toLowerCase();
}

/** The public slug of a profile URL (any sub-page or locale), or null. */
export function profileSlugFromUrl(url: string): string | null {
  const parsed = parse(url);
  const key = parsed ? keyFromPath(parsed.pathname) : null;
  return key && !isMemberId(key) ? key : null;
}

/** The person a link points at (slug or member id), for chips in lists; null for anything else. */
export function personKeyFromHref(href: string, base?: string): string | null {
  const parsed = parse(href, base);
  return parsed ? keyFromPath(parsed.pathname) : null;
}

export type PageKind = 'profile' | 'search-people' | 'search' | 'feed' | 'mynetwork' | 'other';

/** What kind of LinkedIn page a URL shows, for routing features. */
export function pageKind(url: string): PageKind {
  const parsed = parse(url);
  if (!parsed) return 'other';
  const path = parsed.pathname;
  if (keyFromPath(path)) return 'profile';
  if (path.startsWith('/search/results/people')) return 'search-people';
  if (path.startsWith('/search/')) return 'search';
  if (path === '/feed' || path.startsWith('/feed/')) return 'feed';
  if (path.startsWith('/mynetwork')) return 'mynetwork';
  return 'other';
}

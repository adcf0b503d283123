import { profileSlugFromUrl } from './urls';
import { SELECTORS, queryFirst } from './selectors';

/** Who is on a profile page, as far as the page shows it. */
export interface ProfileIdentity {
  slug: string;
  profileUrl: string;
  name?: string;
  headline?: string;
  company?: string;
  title?: string;
  memberId?: string;
}

function clean(text: string | null | undefined): string | undefined {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value : undefined;
}

/**
 * Who a profile page shows. Null only when the URL is not a profile; when nothing on the page
 * is recognisable, the person is still identified by the URL alone.
 */
export function extractProfileIdentity(url: string, doc: Document): ProfileIdentity | null {
  const slug = profileSlugFromUrl(url);
  if (!slug) return null;
  const identity: ProfileIdentity = {
    slug,
    profileUrl: `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`,
  };
  try {
    const name = clean(findNameAnchor(doc)?.textContent);
    const headline = clean(queryFirst(doc, SELECTORS.profileHeadline)?.textContent);
    if (name) identity.name = name;
    if (headline) identity.headline = headline;
  } catch {
    // A page we do not understand still names the person by URL.
  }
  return identity;
}

/** The name heading of the profile's top card: the badge goes next to it. */
export function findNameAnchor(doc: Document): Element | null {
  return queryFirst(doc, SELECTORS.profileName);
}

/**
 * True once the top card in the DOM belongs to `slug`. After an in-page navigation LinkedIn
 * can show the previous person for a moment; the top card's own overlay links
 * (`/in/<slug>/overlay/about-this-profile/`) name the person it belongs to.
 */
export function topCardMatches(doc: Document, slug: string): boolean {
  for (const link of doc.querySelectorAll<HTMLAnchorElement>(SELECTORS.topCardSelfLinks.join(','))) {
    const href = link.getAttribute('href') ?? '';
    if (/\/in\/[^/]+\/overlay\//.test(href)) return profileSlugFromUrl(new URL(href, 'https://www.linkedin.com').href) === slug;
  }
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return canonical ? profileSlugFromUrl(canonical) === slug : findNameAnchor(doc) !== null;
}

/**
 * A LinkedIn profile page → who it shows. Pure functions of a URL and a `Document` (jsdom in
 * tests, the live page in the content script) that never throw into the page. Signals are tried
 * from the most stable down: the URL, the top card found by landmark attributes
 * (`componentkey`, `data-member-id`), heading structure, `aria-*`/design-token hooks, the
 * canonical link and the embedded JSON; when none matches the person is still named by the URL.
 * Selectors live in ./selectors.ts; the saved pages that pin them in tests/fixtures/linkedin/.
 */
import { SELECTORS, anyOf, queryFirst } from './selectors';
import {
  isMemberId,
  pageKind,
  personKeyFromHref,
  profileSlugFromUrl,
  profileUrlForSlug,
} from './urls';

/** Who is on a profile page, as far as the page shows it. */
export interface ProfileIdentity {
  /** Public slug from `/in/<slug>/`, decoded and lower-cased: the person's key. */
  slug: string;
  profileUrl: string;
  name?: string;
  headline?: string;
  company?: string;
  title?: string;
  /** LinkedIn member id (`ACoAA…`) of the profile's owner — never the viewer's. */
  memberId?: string;
}

// Direction marks LinkedIn puts around names and labels in right-to-left pages.
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function clean(text: string | null | undefined): string | undefined {
  const value = text?.replace(BIDI_MARKS, '').replace(/\s+/g, ' ').trim();
  return value ? value : undefined;
}

/** Runs one extraction step; a step that fails leaves its field unknown instead of throwing. */
function attempt<T>(step: () => T | undefined): T | undefined {
  try {
    return step();
  } catch {
    return undefined;
  }
}

/** The profile's top card, or null when no known layout is recognised. */
function findTopCard(doc: Document): Element | null {
  return queryFirst(doc, SELECTORS.topCard);
}

/** The name heading of the profile's top card: the badge goes next to it; null when unknown. */
export function findNameAnchor(doc: Document): Element | null {
  try {
    const card = findTopCard(doc);
    const heading = card ? queryFirst(card, SELECTORS.nameHeading) : null;
    return heading ?? queryFirst(doc, SELECTORS.nameHeadingFallback);
  } catch {
    return null;
  }
}

// Node.DOCUMENT_POSITION_FOLLOWING, spelled out: a detached jsdom has no global `Node`.
const DOCUMENT_POSITION_FOLLOWING = 4;

/** Pronouns shown next to the name in the 2026 layout ("He/Him"); never a headline. */
const PRONOUNS = /^[\p{L}]{1,8}\/[\p{L}]{1,8}$/u;

/**
 * The 2026 layout names nothing: the headline is the first paragraph after the name heading
 * in the top card (pronouns excepted). Heading structure is all there is to go on.
 */
function headlineAfterHeading(card: Element, heading: Element): string | undefined {
  const headingLink = heading.closest('a') ?? heading;
  for (const paragraph of card.querySelectorAll('p')) {
    if (headingLink.contains(paragraph)) continue;
    if (!(heading.compareDocumentPosition(paragraph) & DOCUMENT_POSITION_FOLLOWING)) continue;
    const text = clean(paragraph.textContent);
    if (text && !PRONOUNS.test(text)) return text;
  }
  return undefined;
}

function extractHeadline(doc: Document): string | undefined {
  const card = findTopCard(doc);
  if (!card) return undefined;
  const direct = clean(queryFirst(card, SELECTORS.headline)?.textContent);
  if (direct) return direct;
  const heading = queryFirst(card, SELECTORS.nameHeading);
  return heading ? headlineAfterHeading(card, heading) : undefined;
}

function extractCompany(doc: Document): string | undefined {
  const card = findTopCard(doc);
  const marker = card ? queryFirst(card, SELECTORS.currentCompany) : null;
  if (!marker) return undefined;
  // An icon marks the 2026 company button; elsewhere the marker is the labelled element itself.
  const box = marker.closest('svg') ? marker.closest(anyOf(SELECTORS.currentCompanyBox)) : marker;
  return clean(box?.textContent);
}

/**
 * The words members join a title and a company with in a headline. The headline is the member's
 * own text, in the language they wrote it in, whatever language LinkedIn shows the page in.
 */
const TITLE_AT = /^(.*\S)\s+(?:@|at|bei|chez|en|em|na|no|presso|في|لدى)\s+(.+)$/iu;

/** "Title at Company" headlines carry the current title; other headlines do not say. */
function titleFromHeadline(headline: string | undefined, company: string | undefined) {
  if (!headline || !company) return undefined;
  const match = TITLE_AT.exec(headline);
  if (!match || match[2]?.toLowerCase() !== company.toLowerCase()) return undefined;
  return clean(match[1]);
}

function nameFromTitle(doc: Document): string | undefined {
  // "(3) Ada Lovelace | LinkedIn" or "Ada Lovelace - Analyst - Acme | LinkedIn".
  const title = clean(doc.title)?.replace(/^\(\d+\+?\)\s*/, '');
  const match = title ? /^(.+?)(?:\s+[-–|]\s+.*)?\s+\|\s+LinkedIn$/.exec(title) : null;
  return clean(match?.[1]);
}

const TOPCARD_MEMBER_ID = /ref(ACoAA[A-Za-z0-9_-]+)Topcard$/;
const PROFILE_URN = /^urn:li:(?:fsd_profile|fs_miniProfile):(ACoAA[A-Za-z0-9_-]+)$/;
const MAX_EMBEDDED_JSON = 5_000_000;

/** The member id of the object in embedded JSON whose publicIdentifier is `slug`. */
function memberIdFromJson(value: unknown, slug: string): string | undefined {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      // A loop, not push(...item): spreading a huge array can overflow the call stack.
      for (const element of item) stack.push(element);
    } else if (item !== null && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const identifier = record['publicIdentifier'];
      const urn = record['entityUrn'];
      if (
        typeof identifier === 'string' &&
        identifier.toLowerCase() === slug &&
        typeof urn === 'string'
      ) {
        const id = PROFILE_URN.exec(urn)?.[1];
        if (id) return id;
      }
      for (const child of Object.values(record)) stack.push(child);
    }
  }
  return undefined;
}

/**
 * The profile owner's member id. The viewer's own id comes first in these pages (the "Me"
 * menu), so an id is only taken where it is tied to this profile: the 2026 top card's
 * `componentkey`, or the embedded JSON object whose `publicIdentifier` is the slug.
 */
function extractMemberId(doc: Document, slug: string): string | undefined {
  const key = findTopCard(doc)?.getAttribute('componentkey');
  const fromTopCard = key ? TOPCARD_MEMBER_ID.exec(key)?.[1] : undefined;
  if (fromTopCard && isMemberId(fromTopCard)) return fromTopCard;
  for (const code of doc.querySelectorAll(anyOf(SELECTORS.embeddedJson))) {
    const text = code.textContent ?? '';
    if (text.length > MAX_EMBEDDED_JSON || !text.includes(slug)) continue;
    const json = attempt(() => JSON.parse(text) as unknown);
    const id = json === undefined ? undefined : memberIdFromJson(json, slug);
    if (id) return id;
  }
  return undefined;
}

function canonicalSlug(doc: Document): string | null {
  for (const selector of SELECTORS.canonicalUrl) {
    const element = doc.querySelector(selector);
    const href = element?.getAttribute('href') ?? element?.getAttribute('content');
    const slug = href ? profileSlugFromUrl(href) : null;
    if (slug) return slug;
  }
  return null;
}

/** Keys of the top card's links back to its own profile (overlays, edit, the name link). */
function topCardOwnKeys(card: Element, heading: Element | null): Set<string> {
  const keys = new Set<string>();
  for (const link of card.querySelectorAll('a[href*="/in/"]')) {
    const href = link.getAttribute('href') ?? '';
    const ownsName = heading !== null && link.contains(heading);
    if (!ownsName && !/\/in\/[^/?#]+\/(?:overlay|edit|details)\//.test(href)) continue;
    const key = personKeyFromHref(href);
    if (key) keys.add(key);
  }
  return keys;
}

/**
 * True once the top card in the DOM belongs to `slug`. After an in-page navigation the previous
 * person's card can linger. The signal: the top card's links back to its own profile (the
 * name link and the `/in/<slug>/overlay/…` and `/edit/` links, present in every generation of
 * the logged-in card); when the card has none (the logged-out page), the canonical link.
 */
export function topCardMatches(doc: Document, slug: string): boolean {
  try {
    const card = findTopCard(doc);
    if (card) {
      const own = topCardOwnKeys(card, queryFirst(card, SELECTORS.nameHeading));
      if (own.size > 0) return own.has(slug.toLowerCase());
    }
    return canonicalSlug(doc) === slug.toLowerCase();
  } catch {
    return false;
  }
}

/** The slug of a profile opened by member id (`/in/ACoAA…`): the page names it. */
function slugFromDocument(doc: Document): string | null {
  const card = findTopCard(doc);
  const own = card ? [...topCardOwnKeys(card, queryFirst(card, SELECTORS.nameHeading))] : [];
  return own.find((key) => !isMemberId(key)) ?? canonicalSlug(doc);
}

/**
 * Who a profile page shows. Null only when the URL is not a profile (or, for a member-id URL,
 * when the page does not say whose it is); when nothing on the page is recognisable, the
 * person is still identified by the URL alone.
 */
export function extractProfileIdentity(url: string, doc: Document): ProfileIdentity | null {
  const urlSlug = profileSlugFromUrl(url);
  const slug =
    urlSlug ?? (pageKind(url) === 'profile' ? attempt(() => slugFromDocument(doc)) : null);
  if (!slug) return null;
  const identity: ProfileIdentity = { slug, profileUrl: profileUrlForSlug(slug) };
  const name = attempt(() => clean(findNameAnchor(doc)?.textContent) ?? nameFromTitle(doc));
  const headline = attempt(() => extractHeadline(doc));
  const company = attempt(() => extractCompany(doc));
  const title = attempt(() => titleFromHeadline(headline, company));
  const memberId = attempt(() => extractMemberId(doc, slug));
  if (name) identity.name = name;
  if (headline) identity.headline = headline;
  if (company) identity.company = company;
  if (title) identity.title = title;
  if (memberId) identity.memberId = memberId;
  return identity;
}

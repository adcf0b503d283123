/**
 * People named in lists (search results, My Network, feed and comment authors, rails), found
 * from the one thing every layout keeps: links to `/in/<slug-or-member-id>/`. One pass over
 * `a[href*="/in/"]`, then grouping by card, so a 1,000-card page stays cheap. Never throws.
 */
import { SELECTORS, anyOf, queryFirst } from './selectors';
import { isMemberId, isProfileRootHref, personKeyFromHref, profileSlugFromUrl } from './urls';

/** A person named in a list: who (key), the link, and the element a chip goes next to. */
export interface PersonMention {
  /** Slug (lower-cased) or member id (`ACoAA…`, case kept). */
  key: string;
  link: HTMLAnchorElement;
  nameElement: Element;
  /** The card the mention was found in (the link's own parent when no card is recognised). */
  card: Element;
  /**
   * Other keys the same card links this person by: a card that links one member id and one
   * slug names one person both ways, and both should be kept as aliases.
   */
  aliases: string[];
}

interface Group {
  key: string;
  card: Element;
  links: HTMLAnchorElement[];
}

const EXCLUDED = anyOf(SELECTORS.excludedRegions);
const CARD = anyOf(SELECTORS.card);
const ACTION_LINK = anyOf(SELECTORS.actionLinks);
// NodeFilter.SHOW_TEXT, spelled out: a detached jsdom has no global `NodeFilter`.
const SHOW_TEXT = 4;
const NON_TEXT = 'svg, style, script, template, noscript, .visually-hidden, .sr-only';

/** The element holding the first visible text of the link: the name, where a chip goes. */
function firstTextElement(link: HTMLAnchorElement): Element | null {
  const walker = link.ownerDocument.createTreeWalker(link, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent?.trim()) continue;
    if (parent.closest(NON_TEXT)) continue;
    return parent;
  }
  return null;
}

/** What an href says of itself: whose profile it links, and whether to the profile itself. */
interface HrefFacts {
  key: string | null;
  profileRoot: boolean;
}

const hrefFacts = new Map<string, HrefFacts>();
/** Kept for this many hrefs at most: an endless feed brings endless links. */
const HREF_MEMO_SIZE = 5_000;

/**
 * The facts of `href`, parsed once: a list page is scanned again as it grows, and parsing every
 * link's URL each time was a third of a scan.
 */
function factsOf(href: string): HrefFacts {
  let facts = hrefFacts.get(href);
  if (!facts) {
    if (hrefFacts.size >= HREF_MEMO_SIZE) hrefFacts.clear();
    facts = { key: personKeyFromHref(href), profileRoot: isProfileRootHref(href) };
    hrefFacts.set(href, facts);
  }
  return facts;
}

function isMentionLink(link: HTMLAnchorElement, href: string, topCard: Element | null): boolean {
  // Self-view placeholders ("8 reactions", "Add section") link to the owner with this flag.
  if (/[?&]isSelfProfile=/.test(href)) return false;
  if (link.matches(ACTION_LINK) || link.closest(EXCLUDED)) return false;
  return !(topCard && topCard.contains(link));
}

function toMention(group: Group, aliases: string[]): PersonMention | null {
  for (const link of group.links) {
    const nameElement = firstTextElement(link);
    if (nameElement) return { key: group.key, link, nameElement, card: group.card, aliases };
  }
  const link = group.links[0];
  return link ? { key: group.key, link, nameElement: link, card: group.card, aliases } : null;
}

/**
 * One card that links one person by member id and by slug (a photo by id, the name by slug)
 * is one mention of that person, keyed by the slug with the id as an alias. Only a textless
 * id link (a photo) is merged: a named one is someone else, such as a mutual connection.
 */
function mergeAliases(groups: Group[]): Array<{ group: Group; aliases: string[] }> {
  const ids = groups.filter((g) => isMemberId(g.key));
  const slugs = groups.filter((g) => !isMemberId(g.key));
  const [id] = ids;
  const [slug] = slugs;
  const photoOnly = id?.links.every((link) => firstTextElement(link) === null) ?? false;
  if (ids.length === 1 && slugs.length === 1 && id && slug && photoOnly) {
    return [
      {
        group: { key: slug.key, card: slug.card, links: [...slug.links, ...id.links] },
        aliases: [id.key],
      },
    ];
  }
  return groups.map((group) => ({ group, aliases: [] }));
}

/**
 * Every person named on the page under `root`, one entry per card and person, in the order they first appear;
 * the viewer's own menu and (on the feed) every link to the viewer, the profile's top card, its
 * sticky copy and (on a profile page) every other link to the profile's owner are skipped.
 */
export function findPersonMentions(root: ParentNode): PersonMention[] {
  try {
    const doc = (root as Node).ownerDocument ?? (root as Document);
    const topCard = queryFirst(doc, SELECTORS.topCard);
    // On a profile, links to its owner (their posts, their activity) are the page's own.
    const owner = profileSlugFromUrl(doc.location?.href ?? '');
    // On the feed, the viewer's own links (identity card, "Start a post" photo) are not mentions.
    const viewer = personKeyFromHref(
      queryFirst(doc, SELECTORS.viewerLink)?.getAttribute('href') ?? '',
    );
    const byCard = new Map<Element, Map<string, Group>>();
    for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href*="/in/"]')) {
      const href = link.getAttribute('href') ?? '';
      const { key, profileRoot } = factsOf(href);
      if (!key || !profileRoot || key === owner || key === viewer) continue;
      if (!isMentionLink(link, href, topCard)) continue;
      const card = link.closest(CARD) ?? link.parentElement ?? link;
      const groups = byCard.get(card) ?? new Map<string, Group>();
      byCard.set(card, groups);
      const group = groups.get(key) ?? { key, card, links: [] };
      groups.set(key, group);
      group.links.push(link);
    }
    const mentions: PersonMention[] = [];
    for (const groups of byCard.values()) {
      for (const { group, aliases } of mergeAliases([...groups.values()])) {
        const mention = toMention(group, aliases);
        if (mention) mentions.push(mention);
      }
    }
    return mentions;
  } catch {
    return [];
  }
}

/**
 * Whether the HTML parser is done with `element`: it has put something after it (the parser adds
 * nodes in document order), so no more of its links are coming.
 */
export function isParsed(element: Element): boolean {
  for (let node: Node | null = element; node; node = node.parentNode) {
    if (node.nextSibling) return true;
  }
  return false;
}

/**
 * People named in lists (search results, My Network, feed and comment authors, rails), found
 * from the one thing every layout keeps: links to `/in/<slug-or-member-id>/`. One pass over
 * `a[href*="/in/"]`, then grouping by card, so a 1,000-card page stays cheap. Never throws, and
 * reads no word of the page: it works the same in every language. Page by page: docs/linkedin.md.
 */
import { SELECTORS, anyOf, queryFirst } from './selectors';
import { isMemberId, isProfileRootHref, personKeyFromHref, profileSlugFromUrl } from './urls';

/** A person named in a list: who (key), the link, and the element a chip goes next to. */
export interface PersonMention {
  /** Slug (lower-cased) or member id (`ACoAA…`, case kept). */
  key: string;
  link: HTMLAnchorElement;
  nameElement: Element;
  /** The card the mention was found in. */
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
  /** Member ids the group's links carry in their query (`?miniProfileUrn=…:ACoAA…`). */
  linkedIds: Set<string>;
  aliases: string[];
}

/** A link to a person's profile, and whether it may stand for a mention. */
interface PersonLink {
  link: HTMLAnchorElement;
  key: string;
  linkedId: string | null;
  mention: boolean;
}

const EXCLUDED = anyOf(SELECTORS.excludedRegions);
const POST = anyOf(SELECTORS.postCard);
const CARD = anyOf(SELECTORS.card);
const ACTION_LINK = anyOf(SELECTORS.actionLinks);
// NodeFilter.SHOW_TEXT, spelled out: a detached jsdom has no global `NodeFilter`.
const SHOW_TEXT = 4;
// A photo is never a name, even when it shows initials for a missing picture.
const NON_TEXT = 'svg, figure, style, script, template, noscript, .visually-hidden, .sr-only';

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

/** The name a group's links show (spacing and case aside), or undefined for photos only. */
function shownName(group: Group): string | undefined {
  for (const link of group.links) {
    const text = firstTextElement(link)?.textContent?.replace(/\s+/g, ' ').trim();
    if (text) return text.toLowerCase();
  }
  return undefined;
}

/** What an href says of itself: whose profile it links, and whether to the profile itself. */
interface HrefFacts {
  key: string | null;
  profileRoot: boolean;
  /** The member id a slug link names in its query, tying the slug to the id. */
  linkedId: string | null;
}

// `?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAA…` (2024 rails), `…fsd_profile…` (2025 feed).
const LINKED_ID =
  /[?&](?:miniProfileUrn|profileUrn)=urn(?::|%3A)li(?::|%3A)(?:fsd_profile|fs_miniProfile)(?::|%3A)(ACoAA[\w-]+)/i;

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
    const id = LINKED_ID.exec(href)?.[1];
    facts = {
      key: personKeyFromHref(href),
      profileRoot: isProfileRootHref(href),
      linkedId: id && isMemberId(id) ? id : null,
    };
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

/**
 * For every element above a person link, the one person its links name, or null once it holds
 * links to two people. A climb stops where an earlier one has been, so this is linear.
 */
function soleOwners(people: readonly PersonLink[]): Map<Element, string | null> {
  const owners = new Map<Element, string | null>();
  for (const { link, key } of people) {
    for (let node = link.parentElement; node; node = node.parentElement) {
      const owner = owners.get(node);
      if (owner === undefined) owners.set(node, key);
      else if (owner === key || owner === null) break;
      else owners.set(node, null);
    }
  }
  return owners;
}

/**
 * The card of a link no known card holds: its largest ancestor (up to `root`) that links no one
 * else. A photo link and a name link of one person, and the copies the HTML parser makes of a
 * link that wraps another, then fall in one card.
 */
function soleOwnerCard(
  link: HTMLAnchorElement,
  key: string,
  owners: Map<Element, string | null>,
  root: ParentNode,
): Element {
  let card: Element = link;
  for (let node = link.parentElement; node && owners.get(node) === key; node = node.parentElement) {
    card = node;
    if (node === root) break;
  }
  return card;
}

/** The mention of a group, on its first visible name: a chip never goes after a photo alone. */
function toMention({ key, card, links, linkedIds, aliases }: Group): PersonMention | null {
  for (const link of links) {
    const nameElement = firstTextElement(link);
    if (!nameElement) continue;
    const others = [...new Set([...aliases, ...linkedIds])].filter((alias) => alias !== key);
    return { key, link, nameElement, card, aliases: others };
  }
  return null;
}

/**
 * A card that links one person by member id and by slug names one person, keyed by the slug
 * with the id as an alias: when a slug link carries the id in its query, when both links show
 * the same name, or when the id link is a bare photo beside the card's only slug. An id link
 * showing another name is someone else, such as a mutual connection.
 */
function mergeAliases(groups: Group[]): Group[] {
  const slugs = groups.filter((g) => !isMemberId(g.key));
  const ids = groups.filter((g) => isMemberId(g.key));
  const merged = new Set<Group>();
  for (const id of ids) {
    const name = shownName(id);
    const same =
      slugs.find((slug) => slug.linkedIds.has(id.key)) ??
      (name === undefined
        ? ids.length === 1 && slugs.length === 1
          ? slugs[0]
          : undefined
        : slugs.find((slug) => shownName(slug) === name));
    if (!same) continue;
    same.links.push(...id.links);
    same.aliases.push(id.key);
    merged.add(id);
  }
  return groups.filter((group) => !merged.has(group));
}

/**
 * Every person named on the page under `root`, one entry per card and person, in the order they
 * first appear; the viewer's own menu and (on the feed) every link to the viewer, the profile's
 * top card, its sticky copy and (on a profile page) every other link to the profile's owner are
 * skipped.
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
    const people: PersonLink[] = [];
    for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href*="/in/"]')) {
      const href = link.getAttribute('href') ?? '';
      const { key, profileRoot, linkedId } = factsOf(href);
      if (!key || !profileRoot) continue;
      const mention = key !== owner && key !== viewer && isMentionLink(link, href, topCard);
      people.push({ link, key, linkedId, mention });
    }
    // Every person link, mentions or not, bounds the cards no selector knows.
    let owners: Map<Element, string | null> | undefined;
    const byCard = new Map<Element, Map<string, Group>>();
    for (const { link, key, linkedId, mention } of people) {
      if (!mention) continue;
      const card =
        link.closest(POST) ??
        link.closest(CARD) ??
        soleOwnerCard(link, key, (owners ??= soleOwners(people)), root);
      const groups = byCard.get(card) ?? new Map<string, Group>();
      byCard.set(card, groups);
      let group = groups.get(key);
      if (!group) {
        group = { key, card, links: [], linkedIds: new Set(), aliases: [] };
        groups.set(key, group);
      }
      group.links.push(link);
      if (linkedId) group.linkedIds.add(linkedId);
    }
    const mentions: PersonMention[] = [];
    for (const groups of byCard.values()) {
      for (const group of mergeAliases([...groups.values()])) {
        const mention = toMention(group);
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

import { personKeyFromHref, profileSlugFromUrl } from './urls';
import { SELECTORS } from './selectors';

/** A person named in a list: where the link is, who it names, where a chip goes. */
export interface PersonMention {
  key: string;
  link: HTMLAnchorElement;
  nameElement: Element;
}

/**
 * Every person linked by name on a page (search results, network lists, feed and comment
 * authors, rails), skipping the viewer's own menu and the profile's own top card.
 */
export function findPersonMentions(root: ParentNode): PersonMention[] {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const pageSlug = doc.location ? profileSlugFromUrl(doc.location.href) : null;
  const chrome = SELECTORS.viewerChrome.join(',');
  const mentions: PersonMention[] = [];
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href*="/in/"]')) {
    const key = personKeyFromHref(link.getAttribute('href') ?? '');
    if (!key || key === pageSlug) continue;
    if (link.closest(chrome)) continue;
    if (/\/overlay\//.test(link.getAttribute('href') ?? '')) continue;
    // Only links that show a name: the photo link next to it would double the chip.
    const name = link.querySelector('span[aria-hidden="true"]') ?? link;
    if (!name.textContent?.trim()) continue;
    mentions.push({ key, link, nameElement: name });
  }
  return mentions;
}

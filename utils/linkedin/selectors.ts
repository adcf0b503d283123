/**
 * Every LinkedIn selector the extension relies on, in one place. Each entry is a list of
 * alternatives tried in order, most stable first, each dated with the layout generation it was
 * seen in and pinned by a saved page in tests/fixtures/linkedin/. When LinkedIn changes its
 * markup, add an alternative here (and the saved page), never a selector inline elsewhere.
 *
 * Generations: 2024 = Ember "artdeco" profile (readable classes, `section[data-member-id]`);
 * 2024 public = the logged-out `top-card-layout`; 2025 = same structure, the name's h1 class a
 * per-build hash; 2026 = server-driven React ("SDUI"): hashed classes only, no h1, components
 * named by a `componentkey` attribute.
 */
export const SELECTORS = {
  /** The profile's top card: the box with the name, headline and current company. */
  topCard: [
    '[componentkey$="Topcard"]', // 2026 SDUI: componentkey="com.linkedin.sdui.profile.card.ref<memberId>Topcard"
    'section[data-member-id]', // 2024-07/08 logged-in member view (still there with the 2025 hashed h1)
    'section.top-card-layout', // 2024-04 public, logged-out
  ],
  /** The name heading inside the top card (searched within topCard, first match wins). */
  nameHeading: [
    'h1', // 2024-04 public, 2024-07/08 logged-in, 2025 (class hashed, element kept)
    'h2', // 2026 SDUI: no h1, the name is the top card's first h2
  ],
  /** When no top card is recognised: the page's main heading. */
  nameHeadingFallback: [
    'main h1', // 2025: the h1 inside <main>, whatever its class
  ],
  /** The headline under the name, inside the top card. */
  headline: [
    '.text-body-medium.break-words', // 2024-07/08 logged-in
    '.top-card-layout__headline', // 2024-04 public
  ],
  /**
   * The current company, inside the top card. Never by a label's words: LinkedIn writes them in
   * the member's language ("Current company: X…" was English only, 2024-07; replaced 2026-05).
   */
  currentCompany: [
    'svg[id^="company-accent"]', // 2026 SDUI: the company logo placeholder icon (design token id) in the company button
    '.pv-text-details__right-panel > li:first-child > button:not(.pv-text-details__right-panel-item-link)', // 2024-07 logged-in: the company comes first in the right panel; only the education button after it has the readable class
    '[data-section="currentPositionsDetails"]', // 2024-04 public
  ],
  /** The clickable box around a 2026 icon: the text next to the icon is the company name. */
  currentCompanyBox: [
    '[role="button"]', // 2026 SDUI: the right-column company/school buttons are div[role=button]
  ],
  /** Pages that link the canonical profile URL (server-rendered pages). */
  canonicalUrl: [
    'link[rel="canonical"]', // 2024-04 public
    'meta[property="og:url"]', // 2024-04 public
  ],
  /** Embedded JSON the page ships its data in (publicIdentifier + entityUrn pairs). */
  embeddedJson: [
    'code', // 2024-07/08 logged-in: <code id="bpr-guid-…" style="display:none">{json}</code>
  ],
  /**
   * Regions whose links never stand for someone the user is looking at: the viewer's own nav
   * and "Me" menu, the profile's sticky header (a copy of the top card), hidden dialogs.
   */
  excludedRegions: [
    '#global-nav', // 2024 logged-in global navigation (Me menu)
    '.global-nav__me', // 2024 logged-in Me menu
    '[data-testid="primary-nav"]', // 2026 SDUI primary navigation (Me menu)
    '[inert]', // 2026 SDUI: the sticky profile toolbar repeating the top card (role=toolbar inert)
    '.pvs-sticky-header-profile-actions', // 2024-08 logged-in sticky header actions
    'dialog', // 2026 SDUI: closed dialogs (ad options) kept in the DOM
  ],
  /**
   * A link to the signed-in viewer's own profile, where the page has one: every other link to
   * the same person is the viewer too (their identity card, their own comments), never a chip.
   */
  viewerLink: [
    '#shareboxProfilePictureComponentRef a[href*="/in/"]', // 2026 feed: the viewer's photo on the "Start a post" box
  ],
  /**
   * A post: everyone it names (header, author, text, reactors, comments) is in one card, even
   * where a comment is an element of its own that `card` would match.
   */
  postCard: [
    '[role="article"][data-urn]', // 2025 Ember feed, activity and post pages: div.feed-shared-update-v2[role=article][data-urn="urn:li:activity:…"], no <li> around it on the feed
  ],
  /**
   * A card: one occurrence of a person in a list; links inside one card are one mention. Where
   * none matches, the card is the largest element around the link that links no one else
   * (2026 My Network cards: div[componentkey^="ConnectionCard_"], a photo link and a name link).
   */
  card: [
    '[data-chameleon-result-urn]', // 2024 search results (one per result)
    '[data-view-name="profile-component-entity"]', // 2024-07 logged-in rails ("More profiles for you")
    '[role="listitem"]', // 2026 SDUI cards (activity, carousels)
    'li', // 2024 public "People also viewed", 2024-07 mini updates, lists generally
    'article', // feed posts and comments
  ],
  /** Links that are actions dressed as links, not mentions of a person. */
  actionLinks: [
    'a[aria-disabled]', // 2026 SDUI: buttons rendered as <a aria-disabled="false"> ("Add section", "Show all")
    'a.artdeco-button', // 2024-08 logged-in: button-styled links ("View profile") beside the name link
  ],
} as const;

/** The first element any alternative matches, or null (a selector a browser rejects is skipped). */
export function queryFirst(root: ParentNode, alternatives: readonly string[]): Element | null {
  for (const selector of alternatives) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      // An alternative this engine cannot parse is skipped, not fatal.
    }
  }
  return null;
}

/** One selector list matching any alternative, for `closest()` and `matches()`. */
export function anyOf(alternatives: readonly string[]): string {
  return alternatives.join(', ');
}

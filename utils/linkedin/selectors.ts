/**
 * Every LinkedIn selector the extension relies on, in one place. Each is a list of
 * alternatives tried in order, most stable first, with when it was seen. A layout change means
 * adding an alternative here and a saved page to tests/fixtures/linkedin/.
 */
export const SELECTORS = {
  /** The profile's name heading. */
  profileName: [
    'section[data-member-id] h1', // 2024-07 logged-in member view
    'h1.text-heading-xlarge', // 2024-07/08 logged-in
    'h1.top-card-layout__title', // 2024-04 public, logged-out
    'main section h1', // 2025: the h1 keeps its place, its class became a build hash
    '[componentkey$="Topcard"] h2', // 2026 server-driven layout: no h1, the name is an h2
  ],
  /** The headline under the name. */
  profileHeadline: [
    'section[data-member-id] .text-body-medium.break-words', // 2024-07 logged-in
    '.top-card-layout__headline', // 2024-04 public
  ],
  /** Links of the top card that point back at the profile itself (its overlays). */
  topCardSelfLinks: ['a[href*="/overlay/"]'],
  /** Where the viewer's own identity lives: never a mention of someone else. */
  viewerChrome: ['#global-nav', 'header.global-nav', 'nav'],
} as const;

/** The first element any alternative matches, or null (never throws on a bad selector). */
export function queryFirst(root: ParentNode, alternatives: readonly string[]): Element | null {
  for (const selector of alternatives) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      // An alternative the browser cannot parse is skipped, not fatal.
    }
  }
  return null;
}

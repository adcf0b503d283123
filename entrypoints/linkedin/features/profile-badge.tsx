import { createIsland, placeAfter } from '../ui/island';
import { Badge } from '../ui/Badge';
import { BADGE_CSS } from '../ui/styles';
import { waitForElement } from '../observe';
import { onDataChange } from '../storage';
import type { Feature } from './feature';
import { summaryFor } from './prefetch';
import type { SeenIdentity } from '@/utils/db/records';
import type { PersonSummary } from '@/utils/db/lookups';
import { extractProfileIdentity, findNameAnchor, topCardMatches } from '@/utils/linkedin/identity';
import { profileSlugFromUrl } from '@/utils/linkedin/urls';
import { ask } from '@/utils/messaging/protocol';

/**
 * The badge next to the name on a profile. After an in-page navigation LinkedIn can keep the
 * previous person's top card for a moment, so it waits until the top card belongs to the URL.
 * In stealth mode it still reads who is on the page (for the popup and toolbar) but draws nothing.
 */
export const profileBadge: Feature = {
  name: 'profile-badge',
  injects: false,
  runsOn: (url) => profileSlugFromUrl(url.href) !== null,
  async init(signal, { url, settings }) {
    const slug = profileSlugFromUrl(url.href);
    if (!slug) return;
    // Asked while LinkedIn is still rendering the top card: the answer is usually back first.
    const byUrl: SeenIdentity = { slug, profileUrl: url.href };
    const answer = summaryFor(byUrl);
    const nameAnchor = await waitForElement(
      () => (topCardMatches(document, slug) ? findNameAnchor(document) : null),
      signal,
    );
    if (signal.aborted) return;
    if (!nameAnchor && settings.debug) {
      // Only with the debug setting: LinkedIn's console is otherwise never written to.
      console.debug(
        '[alliance-map] no top card for',
        slug,
        '- LinkedIn may have changed its layout',
      );
    }
    // Reading the whole top card (headline, member id in embedded JSON) waits until the
    // browser is idle, off the path to the badge.
    let whole: SeenIdentity | undefined;
    const wholeIdentity = () => (whole ??= extractProfileIdentity(url.href, document) ?? byUrl);
    const first = await answer;
    const idle = requestIdleCallback(
      () => !signal.aborted && void ask('profile/summary', { identity: wholeIdentity() }),
      { timeout: 2000 },
    );
    signal.addEventListener('abort', () => cancelIdleCallback(idle), { once: true });
    if (signal.aborted || settings.stealth || !nameAnchor) return;

    const island = createIsland(BADGE_CSS, placeAfter(nameAnchor));
    signal.addEventListener('abort', () => island.destroy(), { once: true });
    const draw = (summary: PersonSummary | null) =>
      island.render(
        <Badge
          summary={summary}
          now={Date.now()}
          onToggleRole={async (role) => {
            const updated = await ask('profile/toggle-role', { identity: wholeIdentity(), role });
            if (!signal.aborted && updated) draw(updated);
          }}
          onOpenRecord={() => ask('ui/open-side-panel', {})}
        />,
      );
    draw(first);
    onDataChange(signal, async () => {
      const summary = await ask('profile/summary', { identity: whole ?? byUrl });
      if (!signal.aborted) draw(summary);
    });
  },
};

// Try on: https://www.linkedin.com/in/<slug>/ , /in/<slug>/details/experience/ , then navigate
// to another profile from "People also viewed" without a page load.

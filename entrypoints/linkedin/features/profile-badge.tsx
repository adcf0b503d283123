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
    // Answers can come back out of order (two changes in a row, a toggle and the change it
    // announces): only the answer to the latest question is drawn, never an older one after it.
    // A toggle always answers with the person, so its null is a lost message, not "untracked".
    let questions = 0;
    const drawIfLatest = async (question: Promise<PersonSummary | null>, nullIsAnswer = true) => {
      const asked = ++questions;
      const summary = await question;
      if (!signal.aborted && asked === questions && (summary || nullIsAnswer)) draw(summary);
    };
    const draw = (summary: PersonSummary | null) =>
      island.render(
        <Badge
          summary={summary}
          now={Date.now()}
          onToggleRole={(role) =>
            drawIfLatest(ask('profile/toggle-role', { identity: wholeIdentity(), role }), false)
          }
          onOpenRecord={() => ask('ui/open-side-panel', {})}
        />,
      );
    draw(first);
    onDataChange(signal, () =>
      drawIfLatest(ask('profile/summary', { identity: whole ?? byUrl, afterChange: true })),
    );
  },
};

// Try on: https://www.linkedin.com/in/<slug>/ , /in/<slug>/details/experience/ , then navigate
// to another profile from "People also viewed" without a page load.

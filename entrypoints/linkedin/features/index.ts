import { childController, createLifetime } from '../lifetime';
import { watchNavigation } from '../navigation';
import { listChips } from './list-chips';
import { profileBadge } from './profile-badge';
import type { Feature } from './feature';
import { prefetchSummary } from './prefetch';
import { profileSlugFromUrl } from '@/utils/linkedin/urls';
import { loadSettings, onSettingsChange } from '../storage';

/** Every feature, in the order they start. Add a feature by adding its file and a line here. */
const FEATURES: readonly Feature[] = [profileBadge, listChips];

/**
 * The navigation hub: runs the features that match the current page, and on every in-page
 * navigation (or a settings change) aborts them all and runs them again for the new page.
 */
export function startFeatures(): void {
  const lifetime = createLifetime();
  let page: AbortController | undefined;

  const runAll = async () => {
    page?.abort();
    const slug = profileSlugFromUrl(location.href);
    if (slug) prefetchSummary({ slug, profileUrl: location.href });
    const current = childController(lifetime.signal);
    page = current;
    const settings = await loadSettings().catch(() => null);
    if (!settings || current.signal.aborted) return;
    const url = new URL(location.href);
    for (const feature of FEATURES) {
      if (!feature.runsOn(url)) continue;
      if (settings.stealth && feature.injects) continue;
      // A feature that fails must not take the others down, nor reach LinkedIn's console.
      void Promise.resolve()
        .then(() => feature.init(current.signal, { url, settings }))
        .catch(
          (error: unknown) =>
            settings.debug && console.debug('[alliance-map]', feature.name, error),
        );
    }
  };

  watchNavigation(lifetime.signal, () => void runAll());
  onSettingsChange(lifetime.signal, () => void runAll());
  void runAll();
}

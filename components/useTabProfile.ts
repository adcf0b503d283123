import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SeenIdentity } from '@/utils/db/records';
import { recallTabIdentity } from '@/utils/tab-identity';
import { profileSlugFromUrl, profileUrlForSlug } from '@/utils/linkedin/urls';

/** The LinkedIn profile shown in a tab, as far as the extension page can tell. */
export interface TabProfile {
  tabId: number | undefined;
  url: string | undefined;
  /** Null when the tab is not a LinkedIn profile. */
  identity: SeenIdentity | null;
}

/** "Dana Smith | LinkedIn" → "Dana Smith": the name before the content script has answered. */
export function nameFromTitle(title: string | undefined): string | undefined {
  const name = title
    ?.replace(/^\(\d+\+?\)\s*/, '')
    .split(/\s+\|\s+/)[0]
    ?.trim();
  return name && name !== 'LinkedIn' ? name : undefined;
}

async function describeTab(tabId: number | undefined): Promise<TabProfile> {
  const tab =
    tabId !== undefined
      ? await browser.tabs.get(tabId).catch(() => undefined)
      : (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  const slug = tab?.url ? profileSlugFromUrl(tab.url) : null;
  if (!tab || !slug) return { tabId: tab?.id, url: tab?.url, identity: null };
  const seen = tab.id !== undefined ? await recallTabIdentity(tab.id) : undefined;
  const fromPage = seen?.slug === slug ? seen : undefined;
  const name = fromPage?.name ?? nameFromTitle(tab.title);
  return {
    tabId: tab.id,
    url: tab.url,
    identity: {
      ...fromPage,
      slug,
      profileUrl: profileUrlForSlug(slug),
      ...(name ? { name } : {}),
    },
  };
}

/**
 * The profile in the tab this page is about: the tab named by `?tab=` (the page opened as a
 * tab, as in tests), else the active tab. With `follow`, it follows the user across tabs and
 * in-page navigations (the side panel).
 */
export function useTabProfile(follow: boolean): TabProfile | undefined {
  const [profile, setProfile] = useState<TabProfile>();
  useEffect(() => {
    const param = new URLSearchParams(location.search).get('tab');
    const pinned = param !== null && /^\d+$/.test(param) ? Number(param) : undefined;
    // Answers can arrive out of order during quick navigations: keep only the latest one.
    let latest = 0;
    const update = () => {
      const asked = ++latest;
      void describeTab(pinned).then((profile) => asked === latest && setProfile(profile));
    };
    update();
    if (!follow) return;
    const onActivated = () => pinned === undefined && update();
    const onUpdated = (
      tabId: number,
      change: { url?: string; title?: string; status?: string },
    ) => {
      if (change.url !== undefined || change.title !== undefined || change.status === 'complete') {
        if (pinned === undefined || tabId === pinned) update();
      }
    };
    const onSession = (_: unknown, area: string) => area === 'session' && update();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.storage.onChanged.addListener(onSession);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.storage.onChanged.removeListener(onSession);
    };
  }, [follow]);
  return profile;
}

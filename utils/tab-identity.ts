import { browser } from 'wxt/browser';
import type { SeenIdentity } from '@/utils/db/records';

/**
 * What the content script last read about the person in a tab (name, headline), so that the
 * popup can show it for a person not yet in the records. Session storage: gone with the browser.
 */
export async function rememberTabIdentity(
  tabId: number | undefined,
  identity: SeenIdentity,
): Promise<void> {
  if (tabId === undefined) return;
  await browser.storage.session.set({ [`tab:${tabId}`]: identity });
}

export async function recallTabIdentity(tabId: number): Promise<SeenIdentity | undefined> {
  const stored = await browser.storage.session.get(`tab:${tabId}`);
  return stored[`tab:${tabId}`] as SeenIdentity | undefined;
}

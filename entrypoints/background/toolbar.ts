import { browser } from 'wxt/browser';
import type { AllianceDb } from '@/utils/db/schema';
import { findPerson } from '@/utils/db/lookups';
import { profileSlugFromUrl } from '@/utils/linkedin/urls';
import { labelKey, ui } from '@/utils/i18n';
import { mainRole } from '@/utils/model';

const BADGE_COLOUR = '#0a66c2';

/** The toolbar badge text for a tab: a short sign of the person's main role, or nothing. */
export async function toolbarSign(
  db: AllianceDb,
  url: string | undefined,
): Promise<{ text: string; title: string }> {
  const slug = url ? profileSlugFromUrl(url) : null;
  const person = slug ? await findPerson(db, slug) : undefined;
  const role = person ? mainRole(person.roles) : undefined;
  if (!person || !role) return { text: '', title: ui.t('extName') };
  const roles = ui.list(person.roles.map((r) => ui.t(labelKey('role', r))));
  return {
    text: ui.t(labelKey('roleSign', role)),
    title: ui.t('toolbar_personTitle', { name: person.name || person.slug, roles }),
  };
}

/**
 * Shows the person's main role on the toolbar icon for a tab, so that it is visible at a
 * glance even in stealth mode, when nothing is drawn in LinkedIn's page.
 */
export async function refreshToolbar(
  db: AllianceDb,
  tabId: number,
  url: string | undefined,
): Promise<void> {
  const { text, title } = await toolbarSign(db, url);
  await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
  // null, not '': an empty per-tab text would hide the global "report ready" mark.
  await browser.action.setBadgeText({ tabId, text: text || (null as unknown as string) });
  await browser.action.setTitle({ tabId, title });
}

/** Refreshes the toolbar of every LinkedIn tab (after the data changed). */
export async function refreshAllToolbars(db: AllianceDb): Promise<void> {
  const tabs = await browser.tabs.query({ url: 'https://www.linkedin.com/*' });
  await Promise.all(tabs.map((tab) => tab.id !== undefined && refreshToolbar(db, tab.id, tab.url)));
}

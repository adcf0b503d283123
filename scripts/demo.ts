/**
 * `npm run demo`: Chromium with the built extension, sample people, and saved LinkedIn pages
 * served offline. Headed where there is a display; otherwise it saves a screenshot of each
 * surface to .demo/, and the store listings' images to docs/store/screenshots/ (made in Chromium
 * and Firefox: scripts/store-images.ts), and says where. `DEMO_LANG=ar npm run demo` runs the
 * browser in another language (Arabic: right to left) and saves its screenshots to .demo/ar/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  PAGES,
  ROOT,
  closedIslands,
  fixtureHtml,
  launch,
  openExtensionPage,
  seedDatabase,
  tabIdOf,
  type Harness,
} from '../tests/e2e/harness';
import { demoDataset } from '../tests/support/dataset';
import { makeStoreImages } from './store-images';
import { newPerson } from '../utils/model';

const SEARCH_URL = 'https://www.linkedin.com/search/results/people/';

/** People from the sample search page, so that its chips show. */
const LIST_PEOPLE = (now: number) => [
  newPerson('erik-dreborg-13919b17', now, { name: 'Erik Dreborg', roles: ['sponsor'] }),
  newPerson('lanahaddad87', now, { name: 'Lana Haddad', roles: ['mentor', 'ally'] }),
];

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
/** The browser's language for the demo (Chromium's `--lang`); English when unset. */
const lang = process.env.DEMO_LANG;
const outDir = join(ROOT, '.demo', lang ?? '');

/** One surface of the product: how to open it in the demo browser. */
interface Surface {
  name: string;
  open(h: Harness, profile: Page): Promise<Page>;
}

/** Opens an extension page for the profile tab, at a given size, once `ready` shows. */
function extensionSurface(
  name: string,
  path: (tabId: number) => string,
  size: { width: number; height: number },
  ready: (page: Page) => Promise<unknown>,
): Surface {
  return {
    name,
    open: async (h, profile) => {
      const page = await openExtensionPage(h, path(await tabIdOf(h, profile)));
      await page.setViewportSize(size);
      await ready(page);
      return page;
    },
  };
}

const SURFACES: Surface[] = [
  {
    name: 'profile-badge',
    open: async (_h, profile) => {
      // Wait until the badge is drawn in its closed shadow root.
      for (let i = 0; i < 100 && !(await closedIslands(profile)).length; i++) {
        await profile.waitForTimeout(50);
      }
      await profile.locator('h1').first().scrollIntoViewIfNeeded();
      return profile;
    },
  },
  {
    name: 'search-chips',
    open: async (h) => {
      const page = await h.context.newPage();
      await page.goto(`${SEARCH_URL}?keywords=platform`, { waitUntil: 'domcontentloaded' });
      for (let i = 0; i < 100 && !(await closedIslands(page)).length; i++)
        await page.waitForTimeout(50);
      return page;
    },
  },
  extensionSurface(
    'popup',
    (tab) => `popup.html?tab=${tab}`,
    { width: 400, height: 760 },
    (page) => page.locator('#summary-title').waitFor(),
  ),
  extensionSurface(
    'side-panel',
    (tab) => `sidepanel.html?tab=${tab}`,
    { width: 380, height: 900 },
    (page) => page.getByRole('heading', { name: 'Eduardo Alvarez Nowak' }).first().waitFor(),
  ),
  extensionSurface(
    'people-list',
    () => 'sidepanel.html',
    { width: 380, height: 900 },
    (page) => page.getByRole('heading', { level: 1 }).first().waitFor(),
  ),
  extensionSurface(
    'weekly-report',
    () => 'report.html',
    { width: 1100, height: 1400 },
    (page) => page.locator('main[data-state="ready"]').waitFor(),
  ),
  extensionSurface(
    'alliance-map',
    () => 'map.html',
    { width: 1400, height: 1000 },
    (page) => page.locator('.map-workspace[data-state="ready"]').waitFor(),
  ),
  extensionSurface(
    'first-run',
    () => 'welcome.html',
    { width: 900, height: 1200 },
    (page) => page.locator('#step-title').waitFor(),
  ),
  extensionSurface(
    'options',
    () => 'options.html',
    { width: 900, height: 1400 },
    (page) => page.getByRole('heading', { level: 1 }).first().waitFor(),
  ),
];

async function main() {
  const h = await launch({ headed, lang });
  const now = Date.now();
  const data = demoDataset(now);
  await seedDatabase(h, { ...data, people: [...data.people, ...LIST_PEOPLE(now)] });
  // A search page with some of the sample people on it, as LinkedIn renders list cards.
  h.serve(SEARCH_URL, fixtureHtml('list-2024-07-member-rails.html'));
  const profile = await h.context.newPage();
  await profile.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });

  if (headed) {
    for (const surface of SURFACES.slice(1)) await surface.open(h, profile);
    await profile.bringToFront();
    console.log('Alliance Map demo is open. Close the browser window to finish.');
    await new Promise<void>((resolve) => h.context.on('close', () => resolve()));
    return;
  }
  mkdirSync(outDir, { recursive: true });
  for (const surface of SURFACES) {
    const page = await surface.open(h, profile);
    const file = join(outDir, `${surface.name}.png`);
    await page.screenshot({
      path: file,
      fullPage: !['profile-badge', 'search-chips'].includes(surface.name),
    });
    console.log(`  ${surface.name}: ${file}`);
  }
  await h.close();
  console.log(`No display: screenshots of each surface are in ${outDir}`);
  // The store listings are English: made once, by the demo in English.
  if (lang) return;
  const storeImages = await makeStoreImages({
    ...data,
    people: [...data.people, ...LIST_PEOPLE(now)],
  });
  console.log(`The store listings' images:\n${storeImages.map((f) => `  ${f}`).join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * `npm run demo`: Chromium with the built extension, sample people, and saved LinkedIn pages
 * served offline. Headed where there is a display; otherwise it saves a screenshot of each
 * surface to .demo/ and says where.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  PAGES,
  ROOT,
  closedIslands,
  launch,
  openExtensionPage,
  seedDatabase,
  tabIdOf,
  type Harness,
} from '../tests/e2e/harness';
import { demoDataset } from '../tests/support/dataset';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
const outDir = join(ROOT, '.demo');

/** One surface of the product: how to open it in the demo browser. */
interface Surface {
  name: string;
  open(h: Harness, profile: Page): Promise<Page>;
}

const SURFACES: Surface[] = [
  {
    name: 'profile-badge',
    open: async (_h, profile) => {
      // Wait until the badge is drawn in its closed shadow root.
      for (let i = 0; i < 100 && !(await closedIslands(profile)).length; i++)
        await profile.waitForTimeout(50);
      return profile;
    },
  },
  {
    name: 'popup',
    open: async (h, profile) => {
      const page = await openExtensionPage(h, `popup.html?tab=${await tabIdOf(h, profile)}`);
      await page.setViewportSize({ width: 400, height: 700 });
      await page.getByRole('heading', { name: 'This week' }).waitFor();
      return page;
    },
  },
];

async function main() {
  const h = await launch({ headed });
  const now = Date.now();
  const data = demoDataset(now);
  await seedDatabase(h, { ...data });
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
    await page.screenshot({ path: file, fullPage: surface.name !== 'profile-badge' });
    console.log(`  ${surface.name}: ${file}`);
  }
  await h.close();
  console.log(`No display: screenshots of each surface are in ${outDir}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

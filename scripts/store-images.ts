/**
 * The store listings' images, made from the built extension on the sample people: each surface
 * is captured in the store's own browser (Chromium for the Chrome Web Store, Firefox for
 * addons.mozilla.org), then framed with a caption at the store's size in the same browser.
 * Sizes and rules: docs/store/README.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSession, type BrowserName, type Session, type Tab } from '../tests/e2e/browsers';
import { PAGES, ROOT } from '../tests/e2e/harness';
import { seedThroughBackup } from '../tests/e2e/both/seed';
import { waitFor, waitForIsland, waitForText } from '../tests/e2e/tab-actions';
import type { Dataset } from '../tests/support/dataset';

interface StoreSet {
  browser: BrowserName;
  dir: string;
  width: number;
  height: number;
  /** The Chrome Web Store's required 440×280 tile, made from the built icon. */
  promoTile?: { icon: string };
}

const SETS: StoreSet[] = [
  {
    browser: 'chromium',
    dir: 'docs/store/screenshots/chrome-web-store',
    width: 1280,
    height: 800,
    promoTile: { icon: '.output/chrome-mv3/icon/128.png' },
  },
  { browser: 'firefox', dir: 'docs/store/screenshots/amo', width: 1600, height: 1200 },
];

/** A captured surface, and the part of it to show (CSS pixels of its viewport). */
interface Shot {
  png: Buffer;
  crop: { x: number; y: number; width: number; height: number };
}

type Surfaces = Record<'badge' | 'popup' | 'panel' | 'people' | 'report' | 'options', Shot>;

const FRAMES: Array<{ file: string; title: string; text: string; shots: Array<keyof Surfaces> }> = [
  {
    file: '1-badge-and-popup.png',
    title: 'Your private record, next to the name on LinkedIn',
    text: 'Roles, notes and the last touch in a badge LinkedIn’s page cannot read. Tag in two clicks.',
    shots: ['badge', 'popup'],
  },
  {
    file: '2-full-record.png',
    title: 'The full record follows the tab you are on',
    text: 'Level, influence, stance, motivations, ties, a timeline of touches, follow-ups, and everyone in one list.',
    shots: ['panel', 'people'],
  },
  {
    file: '3-weekly-report.png',
    title: 'A weekly report on how visible your work is',
    text: 'Scores and their trend, the key holders who do not know your work, and next actions naming people.',
    shots: ['report'],
  },
  {
    file: '4-your-data.png',
    title: 'Everything stays on your computer',
    text: 'Backup and restore, LinkedIn import, delete everything. No account, no server, no tracking.',
    shots: ['options'],
  },
];

/** The whole viewport of `tab` at `width` × `height`, once `ready` holds. */
async function capture(
  tab: Tab,
  width: number,
  height: number,
  ready: () => Promise<unknown>,
): Promise<Shot> {
  await tab.setSize(width, height);
  await ready();
  return { png: await tab.screenshot(), crop: { x: 0, y: 0, width, height } };
}

async function captureSurfaces(session: Session): Promise<Surfaces> {
  const profile = await session.openTab(PAGES.eduardo.url);
  await profile.setSize(1280, 800);
  await waitForIsland(profile, (i) => i.text.includes('Sponsor'));
  // The name and the badge under it, with the headline: LinkedIn's own styles stay offline.
  const box = await profile.evaluate(() => {
    const name = document.querySelector('h1')!;
    name.scrollIntoView({ block: 'center' });
    const r = name.getBoundingClientRect();
    return { x: Math.max(0, r.x - 16), y: Math.max(0, r.y - 16), width: 720, height: 128 };
  }, null);
  const badge: Shot = { png: await profile.screenshot(), crop: box };
  const tabId = await session.tabIdOf(profile);

  const page = (path: string) => session.openExtensionPage(path);
  const popupTab = await page(`popup.html?tab=${tabId}`);
  const popup = await capture(popupTab, 400, 760, () => waitForText(popupTab, 'h2', 'This week'));
  const panelTab = await page(`sidepanel.html?tab=${tabId}`);
  const panel = await capture(panelTab, 380, 760, () =>
    waitForText(panelTab, 'h2', 'Eduardo Alvarez Nowak'),
  );
  const peopleTab = await page('sidepanel.html');
  const people = await capture(peopleTab, 380, 760, () =>
    waitForText(peopleTab, '.person-name', 'Dana Lee'),
  );
  const reportTab = await page('report.html');
  const report = await capture(reportTab, 1100, 820, () =>
    waitFor('the report', () =>
      reportTab.evaluate(() => document.querySelector('main[data-state="ready"]') !== null, null),
    ),
  );
  const optionsTab = await page('options.html');
  const options = await capture(optionsTab, 900, 820, () =>
    waitForText(optionsTab, '[data-testid="record-counts"]', /^People: \d+/),
  );
  return { badge, popup, panel, people, report, options };
}

/** In the page: lays out a caption and images (data URLs, each with its crop) at the page's size. */
function layOutFrame(frame: {
  title: string;
  text: string;
  images: Array<{ src: string; crop: Shot['crop'] }>;
}) {
  const doc = new DOMParser().parseFromString(
    '<!doctype html><html lang="en"><head><style>' +
      'html,body{margin:0;height:100%;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}' +
      'body{display:flex;flex-direction:column;background:linear-gradient(160deg,#eef4fb,#dbe8f6);color:#1b1f23}' +
      'header{padding:3.2vh 5vw 2vh;text-align:center}h1{margin:0;font-size:4.6vh;color:#0a3d73}' +
      'p{margin:1.2vh auto 0;max-width:80vw;font-size:2.6vh;color:#3d4852}' +
      'main{flex:1;display:flex;gap:3vw;align-items:center;justify-content:center;padding:0 4vw 4vh;min-height:0}' +
      '.shot{overflow:hidden;border-radius:10px;box-shadow:0 8px 28px rgba(10,40,80,.25);background:#fff}' +
      '.shot img{display:block}' +
      '</style></head><body><header><h1></h1><p></p></header><main></main></body></html>',
    'text/html',
  );
  doc.querySelector('h1')!.textContent = frame.title;
  doc.querySelector('p')!.textContent = frame.text;
  document.replaceChild(document.adoptNode(doc.documentElement), document.documentElement);
  const main = document.querySelector('main')!;
  const room = { width: main.clientWidth * 0.92, height: main.clientHeight * 0.96 };
  const totalWidth = frame.images.reduce((sum, image) => sum + image.crop.width, 0);
  const tallest = Math.max(...frame.images.map((image) => image.crop.height));
  const gaps = (frame.images.length - 1) * innerWidth * 0.03;
  const scale = Math.min(1.6, (room.width - gaps) / totalWidth, room.height / tallest);
  for (const image of frame.images) {
    const shot = document.createElement('div');
    shot.className = 'shot';
    shot.style.width = `${image.crop.width * scale}px`;
    shot.style.height = `${image.crop.height * scale}px`;
    const img = document.createElement('img');
    img.src = image.src;
    img.style.transformOrigin = '0 0';
    img.style.transform = `scale(${scale}) translate(${-image.crop.x}px, ${-image.crop.y}px)`;
    shot.append(img);
    main.append(shot);
  }
  return Promise.all([...document.images].map((img) => img.decode()));
}

/** In the page: the Chrome Web Store's small promo tile, the icon beside the name. */
function layOutTile(tile: { icon: string; name: string; text: string }) {
  document.head.replaceChildren();
  document.body.replaceChildren();
  document.body.style.cssText =
    'margin:0;height:100vh;display:flex;flex-direction:row;align-items:center;gap:22px;padding:0 28px;box-sizing:border-box;' +
    'background:linear-gradient(150deg,#0a66c2,#084a8c);color:#fff;font-family:system-ui,sans-serif';
  const icon = document.createElement('img');
  icon.src = tile.icon;
  icon.width = 112;
  icon.height = 112;
  const words = document.createElement('div');
  const name = document.createElement('div');
  name.textContent = tile.name;
  name.style.cssText = 'font-size:34px;font-weight:700;margin-bottom:8px';
  const text = document.createElement('div');
  text.textContent = tile.text;
  text.style.cssText = 'font-size:17px;line-height:1.35;opacity:.95';
  words.append(name, text);
  document.body.append(icon, words);
  return icon.decode();
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** Makes every store image; returns the files written. */
export async function makeStoreImages(data: Dataset): Promise<string[]> {
  const written: string[] = [];
  for (const set of SETS) {
    const session = await startSession(set.browser);
    try {
      await seedThroughBackup(session, data);
      const surfaces = await captureSurfaces(session);
      const dir = join(ROOT, set.dir);
      mkdirSync(dir, { recursive: true });
      const canvas = await session.openTab('about:blank');
      await canvas.setSize(set.width, set.height);
      for (const frame of FRAMES) {
        await canvas.evaluate(layOutFrame, {
          title: frame.title,
          text: frame.text,
          images: frame.shots.map((name) => ({
            src: dataUrl(surfaces[name].png),
            crop: surfaces[name].crop,
          })),
        });
        const file = join(dir, frame.file);
        writeFileSync(file, await canvas.screenshot());
        written.push(file);
      }
      if (set.promoTile) {
        await canvas.setSize(440, 280);
        await canvas.evaluate(layOutTile, {
          icon: dataUrl(readFileSync(join(ROOT, set.promoTile.icon))),
          name: 'Alliance Map',
          text: 'Your private map of allies, mentors and sponsors on LinkedIn',
        });
        const file = join(dir, 'small-promo-tile.png');
        writeFileSync(file, await canvas.screenshot());
        written.push(file);
      }
    } finally {
      await session.close();
    }
  }
  return written;
}

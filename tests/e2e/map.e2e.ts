/**
 * The alliance map page in real Chromium: everyone drawn with a readable name and nothing hidden
 * (a crowd opens on click), a person moved by dragging and by the keyboard and the change seen
 * in the side panel's record, a tie drawn, undo, the ways in to a key holder, the SVG and PNG
 * exports, axe-core in both themes, and 500 people.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  launch,
  openExtensionPage,
  seedDatabase,
  tabIdOf,
  type Harness,
} from './harness';
import { demoDataset, generateDataset } from '../support/dataset';
import { newPerson, orderedPair, type Person, type Tie } from '@/utils/model';

const now = Date.now();

function tie(x: string, y: string, label = ''): Tie {
  const [a, b] = orderedPair(x, y);
  return { id: `e2e-${a}-${b}`, a, b, label, createdAt: now };
}

/** The demo, plus a way in to Dana through a neutral colleague and a crowd of peer allies. */
function mapDataset() {
  const demo = demoDataset(now);
  const crowd: Person[] = Array.from({ length: 24 }, (_, i) =>
    newPerson(`crowd-${i}`, now, {
      name: `Crowd Person ${String(i).padStart(2, '0')}`,
      roles: ['ally'],
      level: 'peer',
      stance: 'neutral',
      influence: 'low',
    }),
  );
  const alex = newPerson('alex-haddad', now, { name: 'Alex Haddad' });
  return {
    ...demo,
    people: [...demo.people, ...crowd, alex],
    ties: [
      ...demo.ties,
      tie('eduardo-alvarez-nowak', 'dana-lee', 'same leadership team'),
      tie('priya-novak', 'alex-haddad'),
      tie('alex-haddad', 'dana-lee'),
    ],
  };
}

async function openMap(h: Harness): Promise<Page> {
  const page = await openExtensionPage(h, 'map.html');
  await page.locator('.map-workspace[data-state="ready"]').waitFor();
  return page;
}

/** A person's chip, by the name it says to a screen reader (the drawn one may be cut). */
function chip(page: Page, name: string) {
  return page.locator(`.map-person[aria-label^="${name}:"]`);
}

/** Every chip's box, and whether its name fits inside it. */
async function chipBoxes(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.map-chip')].map((chip) => {
      const box = chip.getBoundingClientRect();
      const label = chip.querySelector<HTMLElement>('.chip-label')!;
      return {
        text: label.textContent ?? '',
        x: box.x,
        y: box.y,
        width: box.width,
        height: box.height,
        fits: label.scrollWidth <= label.clientWidth + 0.5,
      };
    }),
  );
}

type Box = { x: number; y: number; width: number; height: number };
function overlapping(boxes: readonly (Box & { text: string })[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (
        a.x < b.x + b.width &&
        b.x < a.x + a.width &&
        a.y < b.y + b.height &&
        b.y < a.y + a.height
      )
        found.push(`${a.text} / ${b.text}`);
    }
  return found;
}

async function centreOf(page: Page, locator: ReturnType<Page['locator']>) {
  await locator.scrollIntoViewIfNeeded();
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real pointer drag, in steps, as a hand would. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 6, from.y + 2, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

async function status(page: Page): Promise<string> {
  return (await page.getByTestId('map-status').textContent()) ?? '';
}

/** The side panel as the map opens it: the record of the person asked for. */
async function recordInPanel(h: Harness, map: Page, name: string): Promise<Page> {
  await chip(map, name).click();
  await map.getByRole('button', { name: 'Open the record' }).click();
  const panel = await openExtensionPage(h, `sidepanel.html?tab=${await tabIdOf(h, map)}`);
  await panel.getByRole('heading', { name, level: 2 }).waitFor();
  return panel;
}

describe('the alliance map', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    await seedDatabase(h, mapDataset());
  });
  afterAll(async () => {
    await h?.close();
  });

  it('names everyone readably, overlaps nothing, and opens a crowd on click', async () => {
    const page = await openMap(h);
    for (const name of ['Dana Lee', 'Sam Okafor', 'Eduardo Alvarez Nowak', 'Priya Novak'])
      expect(await chip(page, name).count(), name).toBe(1);
    // Alex has no role, stance or level that places him: not on the map, but a way in goes
    // through him.
    expect(await chip(page, 'Alex Haddad').count()).toBe(0);
    const boxes = await chipBoxes(page);
    expect(overlapping(boxes)).toEqual([]);
    expect(boxes.filter((box) => !box.fits).map((box) => box.text)).toEqual([]);

    const group = page.locator('.map-group', { hasText: /^\+\d+ more$/ });
    const hidden = Number((await group.textContent())!.match(/\d+/)![0]);
    const shownCrowd = await page.locator('.map-person', { hasText: 'Crowd Person' }).count();
    expect(shownCrowd + hidden).toBe(24);
    await group.click();
    await expect
      .poll(() => page.locator('.map-person', { hasText: 'Crowd Person' }).count())
      .toBe(24);
    expect(overlapping(await chipBoxes(page))).toEqual([]);
    await page.getByRole('button', { name: /Show fewer people/ }).click();
    await expect
      .poll(() => page.locator('.map-person', { hasText: 'Crowd Person' }).count())
      .toBe(shownCrowd);
    await page.close();
  });

  it('moves a person by dragging, saved at once, seen in the side panel, and undone; and back', async () => {
    const map = await openMap(h);
    const sam = chip(map, 'Sam Okafor');
    expect(await sam.getAttribute('aria-label')).toContain('+1, Supporter, high influence');
    const from = await centreOf(map, sam);
    const column = (await map.locator('.map-grid text', { hasText: /^Champion$/ }).boundingBox())!;
    await drag(map, from, { x: column.x + column.width / 2, y: from.y });
    await expect
      .poll(() => sam.getAttribute('aria-label'))
      .toContain('+1, Champion, high influence');
    expect(await status(map)).toContain('Saved: Sam Okafor to +1, Champion, high influence');

    const panel = await recordInPanel(h, map, 'Sam Okafor');
    await expect.poll(() => panel.getByLabel('Stance toward me').inputValue()).toBe('champion');

    await map.bringToFront();
    await map.keyboard.press('Control+z');
    await expect.poll(() => status(map)).toContain('Undone: Sam Okafor to +1, Champion');
    await expect.poll(() => panel.getByLabel('Stance toward me').inputValue()).toBe('supporter');
    await map.keyboard.press('Control+Shift+z');
    await expect.poll(() => panel.getByLabel('Stance toward me').inputValue()).toBe('champion');
    await map.getByRole('button', { name: /^Undo: / }).click();
    await expect.poll(() => panel.getByLabel('Stance toward me').inputValue()).toBe('supporter');

    // And the other way: an edit in the side panel moves the person on the map.
    await panel.getByLabel('Stance toward me').selectOption('neutral');
    await expect
      .poll(() => sam.getAttribute('aria-label'))
      .toContain('+1, Neutral, high influence');
    await panel.getByLabel('Stance toward me').selectOption('supporter');
    await expect.poll(() => sam.getAttribute('aria-label')).toContain('+1, Supporter');
    await panel.close();
    await map.close();
  });

  it('zooms with its buttons, Ctrl + wheel and the keyboard, fits, and pans by dragging', async () => {
    const map = await openMap(h);
    await map.setViewportSize({ width: 900, height: 700 });
    const viewport = map.getByRole('region', { name: 'Alliance map' });
    const zoom = async () =>
      Number(((await map.locator('.map-zoom output').textContent()) ?? '').replace('%', ''));
    const samWidth = async () => (await chip(map, 'Sam Okafor').boundingBox())!.width;

    await map.getByRole('button', { name: 'Actual size' }).click();
    await expect.poll(zoom).toBe(100);
    const actual = await samWidth();
    await map.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(zoom).toBe(125);
    expect(await samWidth()).toBeCloseTo(actual * 1.25, 0);
    await map.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(zoom).toBe(100);

    const box = (await viewport.boundingBox())!;
    await map.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await map.keyboard.down('Control');
    await map.mouse.wheel(0, -200);
    await map.keyboard.up('Control');
    await expect.poll(zoom).toBeGreaterThan(100);
    await viewport.focus();
    const wheeled = await zoom();
    await map.keyboard.press('-');
    await expect.poll(zoom).toBeLessThan(wheeled);

    await map.getByRole('button', { name: 'Fit the whole map' }).click();
    await expect
      .poll(() =>
        viewport.evaluate(
          (view) =>
            view.scrollWidth <= view.clientWidth + 1 && view.scrollHeight <= view.clientHeight + 1,
        ),
      )
      .toBe(true);

    // At actual size the map is wider and taller than the window: drag its background to pan.
    await map.getByRole('button', { name: 'Actual size' }).click();
    await expect.poll(zoom).toBe(100);
    const scroll = () => viewport.evaluate((view) => ({ x: view.scrollLeft, y: view.scrollTop }));
    const before = await scroll();
    // The corner above the level headings: map background, no chip.
    await drag(map, { x: box.x + 60, y: box.y + 12 }, { x: box.x + 60 - 150, y: box.y + 12 });
    await expect.poll(async () => (await scroll()).x).toBe(before.x + 150);
    await map.close();
  });

  it('moves a person with the keyboard and says so', async () => {
    const map = await openMap(h);
    const kenji = chip(map, 'Kenji Tanaka');
    await kenji.focus();
    await map.keyboard.press('Shift+ArrowUp');
    await expect.poll(() => kenji.getAttribute('aria-label')).toMatch(/^Kenji Tanaka: Your peers/);
    // Focus follows the person to their new place.
    expect(await map.evaluate(() => document.activeElement?.textContent)).toContain('Kenji Tanaka');
    await map.keyboard.press('+');
    await expect.poll(() => kenji.getAttribute('aria-label')).toContain('medium influence');
    await map.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => kenji.getAttribute('aria-label')).toContain('Skeptic');
    expect(await status(map)).toContain('Saved: Kenji Tanaka to Your peers, Skeptic');
    for (let i = 0; i < 3; i++) await map.getByRole('button', { name: /^Undo: / }).click();
    await expect
      .poll(() => kenji.getAttribute('aria-label'))
      .toMatch(/^Kenji Tanaka: Report to you, Stance unknown, low influence/);
    await map.close();
  });

  it('draws a tie by dragging one person onto another, with how they are connected', async () => {
    const map = await openMap(h);
    await map.getByRole('button', { name: 'Drag to tie' }).click();
    await drag(
      map,
      await centreOf(map, chip(map, 'Kenji Tanaka')),
      await centreOf(map, chip(map, 'Priya Novak')),
    );
    const dialog = map.getByRole('dialog', { name: 'Tie Kenji Tanaka and Priya Novak' });
    await dialog.getByLabel('How they are connected (optional)').fill('same guild');
    await dialog.getByRole('button', { name: 'Save the tie' }).click();
    await expect
      .poll(() => status(map))
      .toContain('Saved: tie between Kenji Tanaka and Priya Novak');

    const panel = await recordInPanel(h, map, 'Kenji Tanaka');
    await expect
      .poll(() => panel.locator('section', { hasText: 'Ties' }).last().textContent())
      .toContain('same guild');
    await map.bringToFront();
    await map.keyboard.press('Control+z');
    await expect
      .poll(() => panel.locator('section', { hasText: 'Ties' }).last().textContent())
      .toContain('No ties recorded.');

    // The keyboard's way: T on one person, Enter on the other.
    await map.getByRole('button', { name: 'Drag to move' }).click();
    await chip(map, 'Kenji Tanaka').focus();
    await map.keyboard.press('t');
    await chip(map, 'Sam Okafor').focus();
    await map.keyboard.press('Enter');
    await map.getByRole('dialog').getByRole('button', { name: 'Save the tie' }).click();
    await expect
      .poll(() => status(map))
      .toContain('Saved: tie between Kenji Tanaka and Sam Okafor');
    await map.getByRole('button', { name: /^Undo: / }).click();
    await panel.close();
    await map.close();
  });

  it('finds the ways in to a key holder, lights them up and offers the next action', async () => {
    const map = await openMap(h);
    await map.getByLabel('Key holder', { exact: true }).selectOption({ label: 'Dana Lee (+2)' });
    const next = map.getByTestId('route-next');
    await expect
      .poll(() => next.textContent())
      .toBe(
        'Share a recent win with Eduardo Alvarez Nowak and ask them to put your name forward to Dana Lee.',
      );
    expect(await map.getByTestId('route-carriers').locator('li').allTextContents()).toEqual([
      'Eduardo Alvarez Nowak backs you and is tied to Dana Lee',
      'Alex Haddad is tied to Dana Lee; reach them through Priya Novak',
    ]);
    expect(await map.getByTestId('route-paths').locator('li').allTextContents()).toEqual([
      'You → Eduardo Alvarez Nowak → Dana Lee (1 tie)',
      'You → Priya Novak → Alex Haddad → Dana Lee (2 ties)',
    ]);
    expect(await chip(map, 'Dana Lee').getAttribute('class')).toContain('target');
    expect(await chip(map, 'Eduardo Alvarez Nowak').getAttribute('class')).toContain('best');
    expect(await chip(map, 'Priya Novak').getAttribute('class')).toContain('lit');
    expect(await map.locator('line.tie.best').count()).toBe(1);
    // Alex is not on the map, but the way in through him is drawn while it is lit.
    expect(await chip(map, 'Alex Haddad').getAttribute('class')).toContain('off-map');
    expect(await chip(map, 'Alex Haddad').getAttribute('aria-label')).toContain(
      'not on your map: shown for this way in',
    );
    expect(await map.locator('line.tie.lit').count()).toBe(2);
    await map.getByRole('button', { name: 'Clear the ways in' }).click();
    expect(await map.locator('line.tie.best').count()).toBe(0);
    await expect.poll(() => chip(map, 'Alex Haddad').count()).toBe(0);
    await map.close();
  });

  it('exports the map as SVG and PNG files, naming everyone', async () => {
    const map = await openMap(h);
    const [svg] = await Promise.all([
      map.waitForEvent('download'),
      map.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toMatch(/^alliance-map-\d{4}-\d{2}-\d{2}\.svg$/);
    const text = readFileSync((await svg.path())!, 'utf8');
    expect(text).toMatch(/^<\?xml[^>]*>\n<svg /);
    for (const name of ['Dana Lee', 'Sam Okafor', 'Crowd Person 23']) expect(text).toContain(name);
    expect(text).not.toContain('more</text>');
    // A well-formed file: an SVG viewer refuses one with, say, an attribute written twice.
    expect(
      await map.evaluate(
        (svg) =>
          new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror')
            ?.textContent ?? null,
        text,
      ),
    ).toBeNull();

    const [png] = await Promise.all([
      map.waitForEvent('download'),
      map.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = bytes.readUInt32BE(16);
    const svgWidth = Number(text.match(/width="(\d+)"/)![1]);
    expect(width).toBe(svgWidth * 2);
    await map.close();
  });

  it('is reachable from the popup, the side panel, the report and the options page', async () => {
    const mapUrl = `chrome-extension://${h.extensionId}/map.html`;
    for (const [path, control] of [
      ['popup.html', { role: 'button', name: 'Map' }],
      ['sidepanel.html', { role: 'button', name: 'Map' }],
    ] as const) {
      const page = await openExtensionPage(h, path);
      const [opened] = await Promise.all([
        h.context.waitForEvent('page'),
        page.getByRole(control.role, { name: control.name, exact: true }).click(),
      ]);
      await opened.waitForURL(mapUrl);
      await opened.locator('.map-workspace[data-state="ready"]').waitFor();
      await opened.close();
      if (!page.isClosed()) await page.close();
    }
    const report = await openExtensionPage(h, 'report.html');
    expect(
      await report.getByRole('link', { name: 'Open the alliance map' }).getAttribute('href'),
    ).toBe('/map.html');
    await report.close();
    const options = await openExtensionPage(h, 'options.html');
    await options.getByRole('link', { name: 'Alliance map' }).click();
    await options.waitForURL(mapUrl);
    await options.close();
  });

  it('passes axe-core in the light and the dark theme, a person chosen and a way in shown', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await h.context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${h.extensionId}/map.html`);
      await page.locator('.map-workspace[data-state="ready"]').waitFor();
      await chip(page, 'Sam Okafor').click();
      await page.getByLabel('Key holder', { exact: true }).selectOption({ label: 'Dana Lee (+2)' });
      await page.getByTestId('route-next').waitFor();
      expect(await axeViolations(page), colorScheme).toEqual([]);
      await page.close();
    }
  });
});

describe('the alliance map at 500 people', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    const data = generateDataset(
      { people: 500, touches: 0, notes: 0, followUps: 0, ties: 300 },
      now,
      5,
    );
    // Everyone on the map: a role, or a stance the user set.
    const people = data.people.map((person) =>
      person.roles.length || person.stance !== 'unknown'
        ? person
        : { ...person, roles: ['ally' as const] },
    );
    await seedDatabase(h, { people, ties: data.ties });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('gives everyone a readable chip or a count, with no overlap', async () => {
    const page = await openMap(h);
    expect(await page.locator('.map-workspace').getAttribute('data-people')).toBe('500');
    const boxes = await chipBoxes(page);
    const people = boxes.filter((box) => !/^\+\d+ more$/.test(box.text)).length;
    const counted = boxes
      .map((box) => box.text.match(/^\+(\d+) more$/)?.[1])
      .reduce((sum, count) => sum + Number(count ?? 0), 0);
    expect(people + counted).toBe(500);
    expect(overlapping(boxes)).toEqual([]);
    expect(boxes.filter((box) => !box.fits).map((box) => box.text)).toEqual([]);
    await page.close();
  });
});

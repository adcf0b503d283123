/**
 * The extension in the browser's language, in real Chromium started with `--lang`: German (left
 * to right) and Arabic (right to left). Every surface — popup, side panel, options, first run,
 * weekly report and its Markdown, the badge and chips on LinkedIn, the toolbar icon, the
 * manifest, the alliance map and its exported picture — speaks the language, no English sentence
 * of the interface is left on any of them (nor in what a screen reader hears on the map), the
 * pages mirror for Arabic while the map's drawing keeps its axes, and axe-core finds nothing
 * wrong in either language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  EXTENSION_DIR,
  PAGES,
  axeViolations,
  fixtureHtml,
  launch,
  openExtensionPage,
  seedDatabase,
  tabIdOf,
  waitForIsland,
  type Harness,
} from './harness';
import { demoDataset } from '../support/dataset';
import { TEST_LANGUAGES, englishIn, englishSentences, message, translator } from './locale-words';
import { newPerson } from '@/utils/model';

/** A list page LinkedIn draws (2026), on which one known person gets a chip. */
const LIST_URL = 'https://www.linkedin.com/feed/';
const LIST_HTML = fixtureHtml('list-2026-server-driven-rails.html');

/** The text of the file the button named `name` makes the browser download. */
async function downloaded(page: Page, name: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return readFileSync((await download.path())!, 'utf8');
}

async function englishLeftOn(page: Page, folder: string): Promise<string[]> {
  return englishIn(await page.evaluate(() => document.body.innerText), folder);
}

for (const { folder, lang, dir } of TEST_LANGUAGES) {
  describe(`the extension in ${lang} (Chromium started with --lang=${lang})`, () => {
    const NOW = Date.now();
    const DATA = demoDataset(NOW);
    const PEOPLE = [
      ...DATA.people,
      newPerson('naman-dhiman', NOW, { name: 'Naman Dhiman', roles: ['ally', 'mentor'] }),
    ];
    let h: Harness;
    const t = (key: string) => message(folder, key);
    const words = translator(folder);

    beforeAll(async () => {
      h = await launch({ lang });
      h.serve(LIST_URL, LIST_HTML);
      await seedDatabase(h, { ...DATA, people: PEOPLE });
    });
    afterAll(async () => {
      await h?.close();
    });

    /** An extension page, once it has drawn, with its language and direction checked. */
    async function open(path: string, ready: string, width = 1280): Promise<Page> {
      const page = await openExtensionPage(h, path);
      await page.setViewportSize({ width, height: 900 });
      await page.getByRole('heading', { name: ready }).first().waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(dir);
      return page;
    }

    it('names the extension and its commands in the language (the manifest)', async () => {
      const self = await h.serviceWorker.evaluate(() => chrome.management.getSelf());
      expect(self.name).toBe(t('extName'));
      expect(self.description).toBe(t('extDescription'));
      const commands = await h.serviceWorker.evaluate(() => chrome.commands.getAll());
      expect(commands.map((command) => command.description)).toContain(t('command_sidePanel'));
      // Every word of the built manifest is a message the browser looks up.
      const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
        name: string;
        description: string;
        action: { default_title: string };
        commands: Record<string, { description: string }>;
      };
      const shown = [
        manifest.name,
        manifest.description,
        manifest.action.default_title,
        ...Object.values(manifest.commands).map((command) => command.description),
      ];
      for (const text of shown) expect(text).toMatch(/^__MSG_\w+__$/);
    });

    it('the popup speaks it, mirrors for right to left and passes axe-core', async () => {
      const profile = await h.context.newPage();
      await profile.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
      const popup = await open(
        `popup.html?tab=${await tabIdOf(h, profile)}`,
        t('summary_thisWeek'),
        380,
      );
      await popup.getByRole('heading', { name: 'Eduardo Alvarez Nowak' }).waitFor();
      expect(
        await popup.getByRole('button', { name: t('role_sponsor') }).getAttribute('aria-pressed'),
      ).toBe('true');
      expect(await popup.getByText(t('summary_openReport')).count()).toBe(1);
      const tagged = PEOPLE.filter((person) => person.roles.length > 0).length;
      expect(await popup.getByText(words.n('summary_taggedPeople', tagged)).count()).toBe(1);
      expect(englishSentences(folder).length).toBeGreaterThan(300);
      expect(await englishLeftOn(popup, folder)).toEqual([]);
      // Right to left: the start of a line is on the right.
      const heading = await popup
        .getByRole('heading', { name: t('summary_thisWeek') })
        .boundingBox();
      const half = 380 / 2;
      if (dir === 'rtl') expect(heading!.x + heading!.width).toBeGreaterThan(half);
      else expect(heading!.x).toBeLessThan(half);
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();
      await profile.close();
    });

    it('the badge on a LinkedIn profile and the toolbar icon speak it', async () => {
      const profile = await h.context.newPage();
      await profile.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
      const badge = await waitForIsland(profile, (island) =>
        island.buttons.some((button) => button.label === t('badge_openRecord')),
      );
      expect(badge.text).toContain(t('role_sponsor'));
      expect(badge.buttons.map((button) => button.label)).toContain(t('common_roles'));
      for (const sentence of englishSentences(folder)) expect(badge.text).not.toContain(sentence);
      // The toolbar icon's sign and title for the person in the tab.
      const tabId = await tabIdOf(h, profile);
      await expect
        .poll(() =>
          h.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId),
        )
        .toBe(t('roleSign_sponsor'));
      const title = await h.serviceWorker.evaluate(
        (id) => chrome.action.getTitle({ tabId: id }),
        tabId,
      );
      expect(title).toBe(
        words.t('toolbar_personTitle', {
          name: 'Eduardo Alvarez Nowak',
          roles: words.list([t('role_sponsor'), t('role_advisor')]),
        }),
      );
      await profile.close();
    });

    it('the chips on a LinkedIn list speak it', async () => {
      const list = await h.context.newPage();
      await list.goto(LIST_URL, { waitUntil: 'domcontentloaded' });
      // Most career-relevant role first, as in English ("MentorAlly").
      await waitForIsland(list, (island) => island.text === t('role_mentor') + t('role_ally'));
      await list.close();
    });

    it('the side panel speaks it and passes axe-core', async () => {
      const profile = await h.context.newPage();
      await profile.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
      const panel = await open(
        `sidepanel.html?tab=${await tabIdOf(h, profile)}`,
        t('timeline_title'),
        360,
      );
      await panel.getByRole('heading', { name: t('followUps_title') }).waitFor();
      await panel.getByText(t('touchLog_title')).first().waitFor();
      expect(await englishLeftOn(panel, folder)).toEqual([]);
      expect(await axeViolations(panel)).toEqual([]);
      await panel.close();
      await profile.close();
    });

    it('the people list speaks it, with its count in the plural form', async () => {
      const panel = await open('sidepanel.html', t('people_title'), 360);
      await panel.getByRole('searchbox', { name: t('people_search') }).waitFor();
      const all = PEOPLE.length;
      await panel.getByText(words.n('people_count', all, { shown: all })).waitFor();
      expect(await englishLeftOn(panel, folder)).toEqual([]);
      await panel.close();
    });

    it('the options page speaks it and passes axe-core', async () => {
      const options = await open('options.html', t('storage_title'));
      await options.getByRole('heading', { name: t('backup_title') }).waitFor();
      await options.getByRole('button', { name: t('settings_save') }).waitFor();
      expect(await options.title()).toBe(t('page_optionsTitle'));
      expect(await englishLeftOn(options, folder)).toEqual([]);
      expect(await axeViolations(options)).toEqual([]);
      await options.close();
    });

    it('the first run speaks it and passes axe-core', async () => {
      const welcome = await open('welcome.html', t('welcome_title'));
      await welcome
        .getByRole('heading', {
          name: words.t('welcome_stepHeading', {
            number: 1,
            total: 7,
            title: t('welcomeStep_import'),
          }),
        })
        .waitFor();
      expect(await welcome.title()).toBe(t('welcome_pageTitle'));
      expect(await englishLeftOn(welcome, folder)).toEqual([]);
      expect(await axeViolations(welcome)).toEqual([]);
      await welcome.getByRole('button', { name: t('welcome_nextOrSkip') }).click();
      await welcome
        .getByRole('heading', { name: t('decider_manager_title'), exact: true })
        .waitFor();
      expect(await englishLeftOn(welcome, folder)).toEqual([]);
      await welcome.close();
    });

    it('the alliance map speaks it, mirrors its page but not its drawing, and passes axe-core', async () => {
      const map = await open('map.html', t('map_title'));
      await map.locator('.map-workspace[data-state="ready"]').waitFor();
      expect(await map.title()).toBe(t('map_pageTitle'));
      await map.locator('summary', { hasText: t('map_keyboard') }).click();
      await map.getByText(t('map_keyUndo')).waitFor();
      expect(await englishLeftOn(map, folder)).toEqual([]);
      // What a screen reader hears: every chip, button and group of the map.
      const heard = await map.evaluate(() =>
        [...document.querySelectorAll('[aria-label]')].map((node) => node.ariaLabel ?? ''),
      );
      const english = englishSentences(folder);
      expect(heard.filter((label) => english.some((sentence) => label.includes(sentence)))).toEqual(
        [],
      );
      const dana = map.getByRole('button', {
        name: words.t('map_chip', {
          name: 'Dana Lee',
          details: [
            words.t('map_slot', {
              level: '+2',
              stance: t('mapColumn_unknown'),
              influence: t('mapSlotInfluence_high'),
            }),
            t('mapChipKeyHolder_none'),
          ].reduce((first, next) => words.t('map_also', { first, next })),
        }),
        exact: true,
      });
      expect(await dana.count()).toBe(1);

      // The page mirrors: the side column is on the side a line ends.
      const side = (await map.locator('.map-side').boundingBox())!;
      const view = (await map.locator('.map-viewport').boundingBox())!;
      if (dir === 'rtl') expect(side.x).toBeLessThan(view.x);
      else expect(side.x).toBeGreaterThan(view.x);
      // The drawing does not: skeptics left of champions, the headings inside the map.
      const heading = (text: string) =>
        map
          .locator('.map-grid text', { hasText: new RegExp(`^${text.replace(/[()+]/g, '\\$&')}$`) })
          .boundingBox();
      const skeptic = (await heading(t('mapColumn_skeptic')))!;
      const champion = (await heading(t('mapColumn_champion')))!;
      expect(skeptic.x).toBeLessThan(champion.x);
      const corner = (await heading(t('map_corner')))!;
      expect(corner.x).toBeGreaterThanOrEqual(view.x);
      expect(corner.x).toBeLessThan(view.x + 40);
      // Longer words than English's still fit: no heading runs into another.
      const headings = await map.evaluate(() =>
        [...document.querySelectorAll('.map-grid text')].map((node) => {
          const box = node.getBoundingClientRect();
          return { text: node.textContent ?? '', box: [box.left, box.top, box.right, box.bottom] };
        }),
      );
      const clashes = headings.flatMap((one, i) =>
        headings
          .slice(i + 1)
          .filter(
            (other) =>
              one.box[0]! < other.box[2]! &&
              other.box[0]! < one.box[2]! &&
              one.box[1]! < other.box[3]! &&
              other.box[1]! < one.box[3]!,
          )
          .map((other) => `${one.text} / ${other.text}`),
      );
      expect(clashes).toEqual([]);

      // The keyboard's words: a move, said and undone in the language.
      const status = map.getByTestId('map-status');
      await map.getByRole('combobox', { name: t('map_routeKeyHolder') }).selectOption({
        label: words.t('map_routeOption', { name: 'Dana Lee', level: t('level_plus2') }),
      });
      await map.getByRole('heading', { name: t('map_routeNext') }).waitFor();
      // No way in to Dana: the count in the language's form for none (Arabic has its own).
      const lit = words.n('map_routeLit', 0, { next: '|' }).split(/\u2068?\|/)[0]!;
      await expect.poll(() => status.textContent()).toContain(lit);
      expect(await englishLeftOn(map, folder)).toEqual([]);
      await dana.focus();
      await map.keyboard.press('Shift+ArrowUp');
      const saved = t('map_saved').split('{edit}')[0]!;
      await expect.poll(() => status.textContent()).toContain(saved.trim());
      await map.keyboard.press('Control+z');
      await expect
        .poll(() => status.textContent())
        .toContain(t('map_undone').split('{edit}')[0]!.trim());
      expect(await englishLeftOn(map, folder)).toEqual([]);
      expect(await axeViolations(map)).toEqual([]);

      // The exported picture names its rows and columns in the language.
      const svg = await downloaded(map, t('map_exportSvg'));
      expect(svg).toContain(`<title>${t('map_title')}</title>`);
      expect(svg).toContain(t('mapColumn_skeptic'));
      expect(svg.includes('direction="rtl"')).toBe(dir === 'rtl');
      await map.close();
    });

    it('the weekly report and its Markdown speak it, and the report passes axe-core', async () => {
      const report = await open('report.html', t('report_title'));
      await report.getByRole('heading', { name: t('report_nextActions') }).waitFor();
      await report.getByRole('heading', { name: t('report_map') }).waitFor();
      expect(await englishLeftOn(report, folder)).toEqual([]);
      expect(await axeViolations(report)).toEqual([]);
      const markdown = await downloaded(report, t('report_download'));
      expect(markdown).toContain(t('md_title').split('{date}')[0]!);
      expect(markdown).toContain(`## ${t('report_nextActions')}`);
      for (const sentence of englishSentences(folder)) expect(markdown).not.toContain(sentence);
      await report.close();
    });
  });
}

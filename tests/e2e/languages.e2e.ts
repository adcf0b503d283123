/**
 * The extension in the browser's language, in real Chromium started with `--lang`: German (left
 * to right) and Arabic (right to left). Every surface — popup, side panel, options, first run,
 * weekly report and its Markdown, the badge and chips on LinkedIn, the toolbar icon, the
 * manifest — speaks the language (the map page does not yet: docs/translating.md), no English
 * sentence of the interface is left on any of them, the pages mirror for Arabic, and axe-core
 * finds nothing wrong in either language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  EXTENSION_DIR,
  PAGES,
  ROOT,
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
import { readLocales } from '@/build/check-locales';
import { createTranslator } from '@/utils/i18n/translator';
import { newPerson } from '@/utils/model';

/** A list page LinkedIn draws (2026), on which one known person gets a chip. */
const LIST_URL = 'https://www.linkedin.com/feed/';
const LIST_HTML = fixtureHtml('list-2026-server-driven-rails.html');

const LOCALES = readLocales(join(ROOT, 'public/_locales'));
const ENGLISH = LOCALES.en!;

/** The message `key` of `folder`'s file, its placeholders left as they are. */
function message(folder: string, key: string): string {
  const text = LOCALES[folder]?.[key]?.message;
  if (text === undefined) throw new Error(`No message ${key} in ${folder}`);
  return text;
}

/**
 * The English interface's own words: each message's text between its placeholders, where it is
 * long enough to be a sentence of ours (not a name like "Alliance Map") and the other language
 * does not use it too. None may show on a page that speaks `folder`.
 */
function englishSentences(folder: string): string[] {
  const other = Object.values(LOCALES[folder]!)
    .map((entry) => entry.message)
    .join('\n');
  return Object.entries(ENGLISH)
    .filter(([key]) => !key.startsWith('meta_'))
    .flatMap(([, { message: text }]) => text.split(/\{\w+\}/))
    .map((part) => part.trim())
    .filter((part) => part.length >= 12 && !other.includes(part));
}

/** What the extension says in `folder`'s language, as the browser would pick it. */
function translator(folder: string) {
  return createTranslator((key) => LOCALES[folder]?.[key]?.message);
}

async function englishLeftOn(page: Page, folder: string): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return englishSentences(folder).filter((sentence) => text.includes(sentence));
}

const LANGUAGES = [
  { folder: 'de', lang: 'de', dir: 'ltr' },
  { folder: 'ar', lang: 'ar', dir: 'rtl' },
] as const;

for (const { folder, lang, dir } of LANGUAGES) {
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

    it('the weekly report and its Markdown speak it, and the report passes axe-core', async () => {
      const report = await open('report.html', t('report_title'));
      await report.getByRole('heading', { name: t('report_nextActions') }).waitFor();
      await report.getByRole('heading', { name: t('report_map') }).waitFor();
      expect(await englishLeftOn(report, folder)).toEqual([]);
      expect(await axeViolations(report)).toEqual([]);
      const [download] = await Promise.all([
        report.waitForEvent('download'),
        report.getByRole('button', { name: t('report_download') }).click(),
      ]);
      const markdown = readFileSync((await download.path())!, 'utf8');
      expect(markdown).toContain(t('md_title').split('{date}')[0]!);
      expect(markdown).toContain(`## ${t('report_nextActions')}`);
      for (const sentence of englishSentences(folder)) expect(markdown).not.toContain(sentence);
      await report.close();
    });
  });
}

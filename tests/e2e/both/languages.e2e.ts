/**
 * The extension's pages in another language, in Chromium and in Firefox: German (left to right)
 * and Arabic (right to left). Chromium is started with `--lang`; Firefox, which speaks only the
 * languages of its language packs, is given the language before the extension starts
 * (firefox-harness.ts). Each page says the language and direction it speaks in, no English sentence
 * of ours is left on it, the pages mirror for Arabic while the map's drawing keeps its axes, and
 * a malformed backup is refused in the language with the field's path kept as the file has it.
 * What only Chromium shows (the manifest's words, the toolbar icon, axe-core) is in
 * ../languages.e2e.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, startSession, type Session, type Tab } from '../browsers';
import { PAGES } from '../harness';
import { TEST_LANGUAGES, englishIn, message, translator } from '../locale-words';
import { waitFor, waitForText } from '../tab-actions';
import { seedThroughBackup } from './seed';
import { demoDataset } from '../../support/dataset';
import { BACKUP_FORMAT, BACKUP_VERSION } from '@/utils/transfer/backup-format';
import { asSentence } from '@/utils/db/write-errors';
import { DEFAULT_SETTINGS } from '@/utils/model';

const NOW = Date.now();
const DATA = demoDataset(NOW);

/** The page's language, direction and title, and what it shows, once `ready` is on it. */
async function pageState(tab: Tab) {
  return tab.evaluate(
    () => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      title: document.title,
      text: document.body.innerText,
    }),
    null,
  );
}

describe.each(BROWSERS)('the extension in another language, in %s', (browser) => {
  describe.each(TEST_LANGUAGES)('$lang', ({ folder, lang, dir }) => {
    let session: Session;
    const t = (key: string) => message(folder, key);
    const words = translator(folder);

    /** An extension page once `heading` is on it, in the language and direction asked for. */
    async function open(path: string, heading: string, width = 1280): Promise<Tab> {
      const tab = await session.openExtensionPage(path);
      await tab.setSize(width, 900);
      await waitForText(tab, 'h1, h2, h3', heading, 15_000);
      const state = await pageState(tab);
      expect(state.lang.split('-')[0]).toBe(lang);
      expect(state.dir).toBe(dir);
      return tab;
    }

    async function expectNoEnglish(tab: Tab): Promise<void> {
      expect(englishIn((await pageState(tab)).text, folder)).toEqual([]);
    }

    beforeAll(async () => {
      session = await startSession(browser, { lang });
      await seedThroughBackup(session, DATA, {
        merge: t('backup_mergeAction'),
        merged: words.t('backup_merged', { held: '|' }).split(/\u2068?\|/)[0]!,
      });
    });
    afterAll(async () => {
      await session?.close();
    });

    it("gives the extension the language's messages", async () => {
      const said = await session.inExtension(() => chrome.i18n.getMessage('role_ally'), null);
      expect(said).toBe(t('role_ally'));
    });

    it('the popup, side panel and people list speak it', async () => {
      const profile = await session.openTab(PAGES.eduardo.url);
      const tabId = await session.tabIdOf(profile);
      const popup = await open(`popup.html?tab=${tabId}`, t('summary_thisWeek'), 380);
      await waitForText(popup, 'main', t('summary_openReport'));
      await expectNoEnglish(popup);
      await popup.close();
      const panel = await open(`sidepanel.html?tab=${tabId}`, t('timeline_title'), 360);
      await expectNoEnglish(panel);
      await panel.close();
      const people = await open('sidepanel.html', t('people_title'), 360);
      await expectNoEnglish(people);
      await people.close();
      await profile.close();
    });

    it('the report, the first run and the options page speak it', async () => {
      const report = await open('report.html', t('report_nextActions'));
      await expectNoEnglish(report);
      await report.close();
      const welcome = await open('welcome.html', t('welcome_title'));
      expect((await pageState(welcome)).title).toBe(t('welcome_pageTitle'));
      await expectNoEnglish(welcome);
      await welcome.close();
      const options = await open('options.html', t('backup_title'));
      expect((await pageState(options)).title).toBe(t('page_optionsTitle'));
      await expectNoEnglish(options);
      await options.close();
    });

    it('refuses a malformed backup in the language, naming the field by its path', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'alliance-map-malformed-'));
      const file = join(dir, 'malformed.json');
      const [first] = DATA.people;
      writeFileSync(
        file,
        JSON.stringify({
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          exportedAt: NOW,
          settings: DEFAULT_SETTINGS,
          people: [{ ...first, roles: ['boss'] }],
          notes: [],
          touches: [],
          ties: [],
          followUps: [],
        }),
      );
      const options = await open('options.html', t('backup_title'));
      try {
        await options.setFiles('#backup-file', file);
        const reason = words.t('backupField_at', {
          path: 'people[0].roles[0]',
          problem: words.t('backupField_notRole', {
            value: words.t('backupValue_text', { text: 'boss' }),
          }),
        });
        const said = await waitForText(options, '[role="alert"]', 'malformed.json');
        expect(said).toBe(
          words.t('backup_refused', { file: 'malformed.json', reason: asSentence(reason) }),
        );
        expect(said).toContain('people[0].roles[0]');
        expect(englishIn(said, folder)).toEqual([]);
      } finally {
        await options.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('the alliance map speaks it, mirrors its page but not its drawing', async () => {
      const map = await open('map.html', t('map_title'));
      await waitFor('the map', () =>
        map.evaluate(
          () => document.querySelector('.map-workspace[data-state="ready"]') !== null,
          null,
        ),
      );
      expect((await pageState(map)).title).toBe(t('map_pageTitle'));
      await map.evaluate(
        () => document.querySelector('details#map-keys')?.setAttribute('open', ''),
        null,
      );
      await waitForText(map, '#map-keys li', t('map_keyUndo'));
      await expectNoEnglish(map);
      const layout = await map.evaluate(
        ({ skeptic, champion }) => {
          const box = (node: Element | null | undefined) => node!.getBoundingClientRect();
          const heading = (text: string) =>
            [...document.querySelectorAll('.map-grid text')].find((n) => n.textContent === text);
          return {
            side: box(document.querySelector('.map-side')).x,
            view: box(document.querySelector('.map-viewport')).x,
            skeptic: box(heading(skeptic)).x,
            champion: box(heading(champion)).x,
            labels: [...document.querySelectorAll('.map-chip')].map((n) => n.ariaLabel ?? ''),
          };
        },
        { skeptic: t('mapColumn_skeptic'), champion: t('mapColumn_champion') },
      );
      if (dir === 'rtl') expect(layout.side).toBeLessThan(layout.view);
      else expect(layout.side).toBeGreaterThan(layout.view);
      expect(layout.skeptic).toBeLessThan(layout.champion);
      // What a screen reader hears of each person: in the language too.
      expect(layout.labels.length).toBeGreaterThan(3);
      expect(englishIn(layout.labels.join('\n'), folder)).toEqual([]);
      expect(layout.labels.join('\n')).toContain(t('mapColumn_champion'));
      await map.close();
    });
  });
});

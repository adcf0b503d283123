/**
 * The extension's own pages, in Chromium and in Firefox, on the demo data: the popup's quick tag
 * and summary, the side panel following its tab, the weekly report, the alliance map and one edit
 * on it, and the options page's backup round trip and Connections.csv import. Each page is opened
 * in a tab (?tab= names the profile's tab), as the toolbar cannot be clicked in a headless
 * browser; Firefox's real popup and sidebar are in tests/e2e/firefox.e2e.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, startSession, type Session, type Tab } from '../browsers';
import { PAGES, ROOT, fixtureHtml } from '../harness';
import {
  clickButton,
  clickField,
  fill,
  navigateInPage,
  pressedOf,
  textOf,
  textsOf,
  valueOf,
  waitFor,
  waitForIsland,
  waitForText,
} from '../tab-actions';
import { seedThroughBackup } from './seed';
import { demoDataset } from '../../support/dataset';
import { connectivity, formatLocalDate, visibility, weeklyReport } from '@/utils/insights';
import { DEFAULT_SETTINGS } from '@/utils/model';

const NOW = Date.now();
const DATA = demoDataset(NOW);
const ENGINE_DATA = { ...DATA, settings: DEFAULT_SETTINGS };
const CONNECTIONS_CSV = join(ROOT, 'tests/fixtures/transfer/connections-current.csv');
const FEED_URL = 'https://www.linkedin.com/feed/';
const FEED_HTML =
  '<!doctype html><html lang="en"><head><title>Feed | LinkedIn</title></head><body><main>Feed</main></body></html>';
/** The map's panel of the person chosen on it. */
const PERSON_PANEL = 'section[aria-labelledby="person-panel-title"]';
const NOTE_PAYLOAD = `<img src=x onerror="window.__pwned='note'"><script>window.__pwned='script'</script> likes "quotes" & <b>bold</b>`;

describe.each(BROWSERS)('the extension pages in %s', (browser) => {
  let session: Session;

  const openFor = async (path: string, tab: Tab): Promise<Tab> =>
    session.openExtensionPage(`${path}?tab=${await session.tabIdOf(tab)}`);
  const pwned = (tab: Tab) =>
    tab.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null, null);

  beforeAll(async () => {
    session = await startSession(browser);
    session.serve(FEED_URL, FEED_HTML);
    await seedThroughBackup(session, DATA);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("summarises the alliance in the popup with the engine's scores and what is due", async () => {
    const popup = await session.openExtensionPage('popup.html');
    await popup.setSize(380, 700);
    const scores = await waitForText(
      popup,
      '.scores',
      `Visibility${visibility(ENGINE_DATA, NOW).score}`,
    );
    expect(scores).toContain(`Connectivity${connectivity(ENGINE_DATA, NOW).score}`);
    expect(scores).toContain(visibility(ENGINE_DATA, NOW).reason);
    await waitForText(popup, 'li', /Send Sam the design review notes.*due (yesterday|\d+)/);
    await waitForText(popup, 'main', '4 tagged people');
    await popup.close();
  });

  // Before the tests that change the data: the engine's report is that of the demo data.
  it('shows the weekly report as the engine computes it, and downloads it as Markdown', async () => {
    const alarm = await session.inExtension(() => chrome.alarms.get('weekly-report'), null);
    expect(alarm?.periodInMinutes).toBe(7 * 24 * 60);
    const report = await session.openExtensionPage('report.html');
    await waitFor('the report', () =>
      report.evaluate(() => document.querySelector('main[data-state="ready"]') !== null, null),
    );
    const expected = weeklyReport(ENGINE_DATA, NOW, { now: NOW });
    const weekStart = formatLocalDate(expected.weekStart);
    expect(
      await report.evaluate(() => document.querySelector('time')?.getAttribute('datetime'), null),
    ).toBe(weekStart);
    expect(await textOf(report, '[data-score="visibility"] .score-value')).toBe(
      String(expected.visibility.score),
    );
    expect(await textOf(report, '[data-score="connectivity"] .score-value')).toBe(
      String(expected.connectivity.score),
    );
    expect(await textOf(report, '[data-section="unaware"]')).toContain(
      'Dana Lee (+2, high influence)',
    );
    expect(await textsOf(report, '[data-section="next-actions"] li')).toEqual(
      expected.nextActions.map((a) => a.text),
    );
    expect(
      await textsOf(report, 'svg.trend-chart[role="img"], svg.touches-chart[role="img"]'),
    ).toHaveLength(2);

    const markdown = readFileSync(
      await report.download(() => clickButton(report, 'Download Markdown')),
      'utf8',
    );
    expect(markdown).toContain(`# Alliance Map: week of ${weekStart}`);
    expect(markdown).toContain(`**Visibility: ${expected.visibility.score}**`);
    await report.close();
  });

  it('tags from the popup and the badge on the page follows without a reload', async () => {
    const profile = await session.openTab(PAGES.eduardo.url);
    await waitForIsland(profile, (i) => i.text.includes('Sponsor'));
    const popup = await openFor('popup.html', profile);
    await waitForText(popup, 'h2', 'Eduardo Alvarez Nowak');
    // The name comes from the tab at once, the record from the database a moment later.
    await waitFor('his roles', async () => (await pressedOf(popup, 'Sponsor')) === 'true');
    await waitForText(popup, '[data-testid="latest-note"]', 'leadership offsite');

    await clickButton(popup, 'Mentor');
    await waitFor('Mentor pressed', async () => (await pressedOf(popup, 'Mentor')) === 'true');
    await waitForIsland(profile, (i) => i.text.includes('Mentor'));

    await fill(popup, /^One-line note/, NOTE_PAYLOAD);
    await clickButton(popup, 'Add note');
    await waitForText(popup, '[role="status"]', 'Note saved.');
    // A note full of markup is plain text, and runs nothing, in the popup or on LinkedIn. The
    // popup's live query may redraw a moment after the status.
    await waitForText(popup, '[data-testid="latest-note"]', NOTE_PAYLOAD);
    expect(await textOf(popup, '[data-testid="latest-note"]')).toBe(NOTE_PAYLOAD);
    expect(
      await popup.evaluate(() => document.querySelectorAll('main img, main b').length, null),
    ).toBe(0);

    await clickButton(popup, 'Showed appreciation');
    await waitForIsland(profile, (i) => i.text.includes('Last touch today'));
    expect([await pwned(popup), await pwned(profile)]).toEqual([null, null]);
    await popup.close();
    await profile.close();
  });

  it('follows its tab in the side panel: another profile, then the people list', async () => {
    const profile = await session.openTab(PAGES.eduardo.url);
    const panel = await openFor('sidepanel.html', profile);
    await panel.setSize(360, 800);
    await waitForText(panel, 'h2', 'Eduardo Alvarez Nowak');
    await fill(panel, 'Motivations', 'Wants the platform migration to land');
    // An edit in the panel reaches the badge on the page.
    await clickButton(panel, 'Ally');
    await waitForIsland(profile, (i) => i.text.includes('Ally'));

    await navigateInPage(profile, PAGES.vasileios.url, fixtureHtml(PAGES.vasileios.file));
    await waitForText(panel, 'p', 'Not in your records yet');
    expect(await textsOf(panel, 'h2')).not.toContain('Eduardo Alvarez Nowak');

    await profile.goto(FEED_URL);
    await waitForText(panel, 'h2', 'People');
    await clickButton(panel, /Eduardo Alvarez Nowak/, 'section.people');
    await waitForText(panel, 'h2', 'Eduardo Alvarez Nowak');
    // The edit typed before the tab moved was kept.
    expect(await valueOf(panel, 'Motivations')).toBe('Wants the platform migration to land');
    await panel.close();
    await profile.close();
  });

  it('opens the alliance map, moves a person in one click, saved at once and undoable', async () => {
    const map = await session.openExtensionPage('map.html');
    await map.setSize(1280, 900);
    const sam = async (placed: string) =>
      waitFor(`Sam on the map, ${placed}`, async () =>
        (
          await map.evaluate(
            () =>
              document
                .querySelector(
                  '.map-workspace[data-state="ready"] .map-person[data-slug="sam-okafor"]',
                )
                ?.getAttribute('aria-label') ?? '',
            null,
          )
        ).includes(placed),
      );
    await sam('+1, Supporter, high influence');
    await clickButton(map, /^Sam Okafor: /, '.map-viewport');
    await clickButton(map, 'Champion', PERSON_PANEL);
    await waitForText(map, '[data-testid="map-status"]', 'Saved: Sam Okafor');
    await sam('+1, Champion, high influence');
    await clickButton(map, /^Undo: Sam Okafor/);
    await sam('+1, Supporter');
    await clickButton(map, /^Redo: Sam Okafor/);
    await sam('+1, Champion');
    // Saved at once: the page opened again reads it from the database.
    await map.reload();
    await sam('+1, Champion');
    // Back as the demo data has him, for the tests that follow.
    await clickButton(map, /^Sam Okafor: /, '.map-viewport');
    await clickButton(map, 'Supporter', PERSON_PANEL);
    await sam('+1, Supporter');
    await map.close();
  });

  it('exports a backup, deletes everything, and restores it', async () => {
    const options = await session.openExtensionPage('options.html');
    const people = async () =>
      Number(/^People: (\d+)/.exec(await textOf(options, '[data-testid="record-counts"]'))?.[1]);
    const before = await waitFor('the record counts', async () => (await people()) || undefined);
    const backupPath = await options.download(() => clickButton(options, 'Export a backup'));
    const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as {
      format: string;
      people: Array<{ slug: string; roles: string[] }>;
    };
    expect(backup.format).toBe('alliance-map-backup');
    expect(backup.people).toHaveLength(before);
    // Each test stands alone: Eduardo is a sponsor in the demo data.
    expect(backup.people.find((p) => p.slug === 'eduardo-alvarez-nowak')?.roles).toContain(
      'sponsor',
    );

    const profile = await session.openTab(PAGES.eduardo.url);
    await waitForIsland(profile, (i) => i.text.includes('Sponsor'));
    await clickButton(options, 'Delete everything…');
    await fill(options, /^Type DELETE to confirm/, 'DELETE');
    await options.press('Enter');
    await waitForText(options, '[role="status"]', 'Everything was deleted');
    await waitFor('no one left', async () => (await people()) === 0);
    // The badge on the open profile forgets the person at once.
    await waitForIsland(profile, (i) => i.text.includes('Tag in Alliance Map'));

    await options.setFiles('#backup-file', backupPath);
    await clickField(options, /^Replace/);
    await clickButton(options, 'Replace my data');
    await waitForText(options, '[role="status"]', /^Backup restored/);
    await waitFor('everyone back', async () => (await people()) === before);
    await waitForIsland(profile, (i) => i.text.includes('Sponsor'));
    await profile.close();
    await options.close();
  });

  it("imports LinkedIn's Connections.csv, with counts and the lines skipped", async () => {
    const options = await session.openExtensionPage('options.html');
    await options.setFiles('#linkedin-file', CONNECTIONS_CSV);
    await clickButton(options, 'Import from LinkedIn');
    await waitForText(
      options,
      '[role="status"]',
      'Imported Connections.csv. 2 lines skipped (see below).',
      30_000,
    );
    const lines = await textsOf(options, '[data-testid="linkedin-report"] li');
    expect(lines[0]).toBe('People: 4 new, 0 updated, 0 unchanged.');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^Connections\.csv, line 7: no name or profile URL/),
      expect.stringMatching(
        /^Connections\.csv, line 10: “https:\/\/example\.com\/not-linkedin” is not a LinkedIn profile URL/,
      ),
    ]);
    await options.close();
  });
});

/**
 * The weekly report's advice in real Chromium, as a user gets there: a backup restored through
 * the options page, then the report page read as text. Three records from the essays: nothing
 * recorded yet (an older backup, without the new-role setting), the first 90 days of a new role
 * with gaps in the alliance, and an ally who carries the user's name to a key holder. A first
 * step leads to the import (the first-run path) or opens the side panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, launch, openExtensionPage, type Harness } from './harness';
import { weeklyReport, type NextAction, type WeeklyReport } from '@/utils/insights';
import { toDateInput } from '@/utils/format';
import {
  DAY_MS,
  DEFAULT_DIRECTION,
  DEFAULT_SETTINGS,
  newPerson,
  orderedPair,
  type Person,
  type Settings,
  type Touch,
  type TouchKind,
} from '@/utils/model';

const NOW = Date.now();
const LONG_AGO = NOW - 400 * DAY_MS;

function person(slug: string, name: string, fields: Partial<Person> = {}): Person {
  return newPerson(slug, LONG_AGO, { name, ...fields });
}

let touchCount = 0;
function touch(personSlug: string, kind: TouchKind, daysAgo: number, note = ''): Touch {
  const at = NOW - daysAgo * DAY_MS;
  touchCount += 1;
  return {
    id: `e2e-t${touchCount}`,
    personSlug,
    at,
    kind,
    direction: DEFAULT_DIRECTION[kind],
    note,
    createdAt: at,
  };
}

interface Scenario {
  people: Person[];
  touches?: Touch[];
  ties?: Array<[string, string]>;
  settings?: Settings;
}

/** A backup file's content, as the options page exports it. */
function backupOf(record: Scenario): Record<string, unknown> {
  return {
    format: 'alliance-map-backup',
    version: 1,
    exportedAt: NOW,
    settings: record.settings ?? DEFAULT_SETTINGS,
    people: record.people,
    notes: [],
    touches: record.touches ?? [],
    ties: (record.ties ?? []).map(([x, y], i) => {
      const [a, b] = orderedPair(x, y);
      return { id: `e2e-tie${i}`, a, b, label: '', createdAt: LONG_AGO };
    }),
    followUps: [],
  };
}

/** What the engine says of the record this week, to hold the page to. */
function expected(record: Scenario): WeeklyReport {
  const backup = backupOf(record) as { ties: Array<{ id: string; a: string; b: string }> };
  return weeklyReport(
    {
      people: record.people,
      touches: record.touches ?? [],
      notes: [],
      ties: backup.ties.map((tie) => ({ ...tie, label: '', createdAt: LONG_AGO })),
      followUps: [],
      settings: record.settings ?? DEFAULT_SETTINGS,
    },
    NOW,
    { now: NOW },
  );
}

/** Restores `backup` through the options page, replacing everything; returns the options page. */
async function restore(h: Harness, backup: Record<string, unknown>): Promise<Page> {
  const options = await openExtensionPage(h, 'options.html');
  await options.getByRole('heading', { name: 'Your data on this computer' }).waitFor();
  await options.getByLabel('Import a backup file').setInputFiles({
    name: 'alliance-map-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await options.getByRole('radio', { name: /^Replace/ }).check();
  await options.getByRole('button', { name: 'Replace my data' }).click();
  await options
    .getByRole('status')
    .filter({ hasText: /^Backup restored/ })
    .waitFor();
  return options;
}

async function openReport(h: Harness): Promise<Page> {
  const page = await openExtensionPage(h, 'report.html');
  await page.locator('main[data-state="ready"]').waitFor({ timeout: 30_000 });
  return page;
}

async function sectionText(page: Page, id: string): Promise<string> {
  return (await page.locator(`[data-section="${id}"]`).textContent()) ?? '';
}

async function actionTexts(page: Page): Promise<string[]> {
  return page.locator('[data-section="next-actions"] li').allTextContents();
}

/** An action as its list item reads: the sentence, then where a first step is taken. */
function shown(action: NextAction): string {
  if (action.place === 'import') return `${action.text} Build your map step by step`;
  if (action.place === 'side-panel') return `${action.text} Open the side panel`;
  return action.text;
}

/** How many side panels of the extension are open, as the browser's debugging protocol lists them. */
async function sidePanelsOpen(h: Harness): Promise<number> {
  const browser = h.context.browser();
  if (!browser) throw new Error('No browser behind the context');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  await cdp.detach();
  return targetInfos.filter((target) => target.url.endsWith('/sidepanel.html')).length;
}

/** Sentences the report used to say of empty sets, or while it listed problems. */
const NEVER = [
  'Every key holder knows',
  'Nobody is past their cadence',
  'No follow-up is overdue',
  'You give back to everyone',
  'Nothing to do this week',
];

describe('the weekly report after restoring a backup', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('with nothing recorded (an older backup), says what is missing and leads to the first steps', async () => {
    // Written before the new-role setting existed: it has no `roleStartedAt`.
    const olderSettings: Partial<Settings> = { ...DEFAULT_SETTINGS };
    delete olderSettings.roleStartedAt;
    const options = await restore(h, { ...backupOf({ people: [] }), settings: olderSettings });
    expect(await options.getByLabel('Started a new role on').inputValue()).toBe('');
    await options.close();

    const page = await openReport(h);
    const actions = await actionTexts(page);
    expect(actions.map((text) => text.split(':')[0])).toEqual([
      'Import your LinkedIn connections if you have not yet, then tag the people who support your work',
      'Set the level (+1, +2 …) and influence of the people above you in the side panel, or mark who decides your next promotion',
      'Log a touch each time you share your work, help someone or ask for feedback, from the popup or the side panel',
    ]);
    expect(await sectionText(page, 'unaware')).toContain('No key holders yet: set the level');
    expect(await sectionText(page, 'cold')).toContain('Nobody tagged yet');
    expect(await sectionText(page, 'follow-ups')).toContain('No open follow-ups');
    expect(await sectionText(page, 'takers')).toContain('No touches in the last 90 days');
    expect(await sectionText(page, 'basis')).toContain('Nobody backs you yet');
    const text = (await page.locator('main').textContent()) ?? '';
    for (const sentence of NEVER) expect(text).not.toContain(sentence);
    expect(await page.locator('[data-place="side-panel"] button').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);

    // A side-panel step opens it from the click.
    expect(await sidePanelsOpen(h)).toBe(0);
    await page.locator('[data-place="side-panel"] button').first().click();
    await expect.poll(() => sidePanelsOpen(h)).toBe(1);

    // The first step leads to the first run, which starts with the import.
    await page
      .locator('[data-section="next-actions"]')
      .getByRole('link', { name: 'Build your map step by step' })
      .click();
    await page.waitForURL(/\/welcome\.html$/);
    await page
      .getByRole('heading', { name: 'Step 1 of 7: Your LinkedIn connections' })
      .waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Import from LinkedIn' }).waitFor();
    await page.close();

    // The popup leads there too.
    const popup = await openExtensionPage(h, 'popup.html');
    await popup.getByText(/^Nobody tagged yet\. Start with your map/).waitFor();
    const opened = h.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Build your map' }).click();
    const start = await opened;
    await start.waitForURL(/\/welcome\.html$/);
    await start.close();
  });

  it('in the first 90 days of a new role, opens on meeting people, with an action for every gap', async () => {
    const started = new Date(NOW - 10 * DAY_MS);
    started.setHours(12, 0, 0, 0);
    const record: Scenario = {
      people: [
        person('bea-stone', 'Bea Stone', { level: 'plus1', influence: 'high' }),
        person('hal-ruiz', 'Hal Ruiz', { level: 'plus2', influence: 'high' }),
        person('pia-lund', 'Pia Lund', { level: 'peer' }),
        person('quin-ode', 'Quin Ode', { level: 'peer', roles: ['ally'] }),
        person('olga-berg', 'Olga Berg', { roles: ['mentor'], stance: 'champion' }),
      ],
      touches: [
        touch('quin-ode', 'spent-time', 3),
        touch('hal-ruiz', 'meeting', 40),
        touch('olga-berg', 'spent-time', 1),
      ],
      settings: { ...DEFAULT_SETTINGS, roleStartedAt: started.getTime() },
    };
    const report = expected(record);
    const options = await restore(h, backupOf(record));
    expect(await options.getByLabel('Started a new role on').inputValue()).toBe(
      toDateInput(started.getTime()),
    );
    expect(await axeViolations(options)).toEqual([]);
    await options.close();

    const page = await openReport(h);
    const sections = await page
      .locator('main section')
      .evaluateAll((all) => all.map((section) => (section as HTMLElement).dataset.section));
    expect(sections[0]).toBe('new-role');
    const focus = await sectionText(page, 'new-role');
    expect(focus).toMatch(/Day \d+ of your first 90 days in your new role/);
    expect(focus).toContain(report.newRole!.text);
    expect(await page.locator('[data-section="new-role"] li').allTextContents()).toEqual([
      'Hal Ruiz (+2). Next step: Meet Hal Ruiz (+2) and offer help with what matters to them.',
      'Bea Stone (+1). Next step: Meet Bea Stone (+1) and offer help with what matters to them.',
      'Pia Lund (Peer). Next step: Offer help to Pia Lund, a peer.',
    ]);

    const actions = await actionTexts(page);
    expect(actions).toEqual(report.nextActions.map(shown));
    expect(actions.slice(0, 3)).toEqual([
      'Meet Hal Ruiz (+2) and offer help with what matters to them: in your first 90 days, the people one and two levels up form their view of your work.',
      'Meet Bea Stone (+1) and offer help with what matters to them: in your first 90 days, the people one and two levels up form their view of your work.',
      'Offer help to Pia Lund, a peer: in your first 90 days, help offered early turns peers into your first allies.',
    ]);
    // Every gap comes with its next step, and the page never says there is nothing to do.
    const gaps = page.locator('[data-section="gaps"] li');
    expect(await gaps.count()).toBe(report.gaps.length);
    for (const gap of await gaps.allTextContents()) expect(gap).toContain('Next step: ');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('Nothing pressing');
    for (const sentence of NEVER) expect(text).not.toContain(sentence);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), colorScheme).toEqual([]);
    }
    await page.close();
  });

  it('counts an ally who promoted the user to a key holder, quotes the note, and gives the essays’ advice', async () => {
    const record: Scenario = {
      people: [
        person('eduardo-alvarez-nowak', 'Eduardo Alvarez Nowak', {
          level: 'peer',
          stance: 'supporter',
          roles: ['ally'],
          basis: 'mutual-benefit',
        }),
        person('dana-lee', 'Dana Lee', { level: 'plus2', influence: 'high', stance: 'neutral' }),
        person('uma-kell', 'Uma Kell', {
          level: 'plus1',
          influence: 'low',
          stance: 'supporter',
          basis: 'shared-purpose',
        }),
      ],
      touches: [touch('eduardo-alvarez-nowak', 'they-promoted-me', 4, 'Named me in the all-hands')],
      ties: [['eduardo-alvarez-nowak', 'dana-lee']],
    };
    const report = expected(record);
    await (await restore(h, backupOf(record))).close();

    const page = await openReport(h);
    // Dana heard of the user's work from an ally: a quarter of the credit.
    expect(await page.locator('[data-score="visibility"] .score-value').textContent()).toBe('25');
    expect(await page.locator('[data-score="visibility"]').textContent()).toContain(
      'Heard of it from another backer: 1 of 1 key holder: Dana Lee',
    );
    expect(await sectionText(page, 'unaware')).toContain(
      'Dana Lee (+2, high influence) knows your work only through Eduardo Alvarez Nowak, who promoted you. Next step: Share a recent win with Dana Lee directly.',
    );
    const actions = await actionTexts(page);
    expect(actions).toEqual(report.nextActions.map(shown));
    expect(actions).toContain(
      'Thank Eduardo Alvarez Nowak for promoting you: you noted “Named me in the all-hands” 4 days ago, and you have not thanked them since.',
    );
    expect(actions.join(' ')).not.toContain('for Named me');
    // Don't ask for a mentor: the experienced person who shares the user's purpose.
    expect(await sectionText(page, 'gaps')).toContain(
      'No mentor: nobody is tagged as advising you. Next step: Ask Uma Kell (+1) for advice on a problem you both care about: you share a purpose, and mentoring grows from that, so there is no need to ask anyone to be your mentor.',
    );
    expect(await sectionText(page, 'basis')).toContain(
      'Eduardo Alvarez Nowak: your alliance rests on mutual benefit, and you have given them nothing in 90 days.',
    );
    expect(await sectionText(page, 'feedback')).toContain(
      'You have not asked your manager or a key holder “what am I missing?” in the last 90 days.',
    );
    expect(await sectionText(page, 'pay-it-forward')).toContain('You mentor nobody yet.');
    const text = (await page.locator('main').textContent()) ?? '';
    for (const sentence of NEVER) expect(text).not.toContain(sentence);
    await page.close();
  });
});

/**
 * Sync across browsers: a tag and a note made in Firefox, sync turned on there (its permission
 * prompt answered as the user would, host access and the consent to send data to that server),
 * and a Chromium profile that joins with the same passphrase and shows them. The server's
 * documents are searched for every plaintext (docs/sync.md).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFirefoxSession, type FirefoxSession, type Tab } from './browsers';
import { answerPermissionPrompt } from './firefox-harness';
import { launchGranted } from './granted-hosts';
import { PAGES, openExtensionPage, readRows, type Harness } from './harness';
import { startSyncServer, type SyncServer } from './sync-server';
import { clickButton, clickField, fill, pressedOf, waitFor, waitForText } from './tab-actions';

const PASSPHRASE = 'harbour violet pencil gravel 2046';
const SERVER_PASSWORD = 'firefox-server-secret';
const NOTE = 'Firefox canary: wants the migration plan by Friday';
const DATABASE = 'alliance-map';
const eduardo = 'eduardo-alvarez-nowak';

/** Fills the Sync section's form of `options`. */
async function fillSyncForm(options: Tab, url: string): Promise<void> {
  await fill(options, 'Database address', url);
  await fill(options, 'User name', 'alliance');
  await fill(options, 'Server password', SERVER_PASSWORD);
  await fill(options, 'Sync passphrase', PASSPHRASE);
  await clickField(options, 'I have kept my passphrase somewhere safe.');
}

describe('sync from Firefox to Chromium', () => {
  let server: SyncServer;
  let firefox: FirefoxSession;
  let chromium: { h: Harness; dir: string } | undefined;
  const url = () => `${server.origin}/${DATABASE}`;

  beforeAll(async () => {
    server = await startSyncServer();
    firefox = await startFirefoxSession();
  });
  afterAll(async () => {
    await firefox?.close();
    await chromium?.h.close();
    if (chromium) rmSync(chromium.dir, { recursive: true, force: true });
    await server?.close();
  });

  it('turns sync on in Firefox after its prompt, and sends the tag and the note sealed', async () => {
    const profile = await firefox.openTab(PAGES.eduardo.url);
    await waitFor('the badge', async () => (await profile.islands()).length > 0);
    const popup = await firefox.openExtensionPage(
      `popup.html?tab=${await firefox.tabIdOf(profile)}`,
    );
    await clickButton(popup, 'Mentor');
    await waitFor('the tag', async () => (await pressedOf(popup, 'Mentor')) === 'true');
    await fill(popup, /One-line note/, NOTE);
    await clickButton(popup, 'Add note');
    await waitForText(popup, '[role="status"]', 'Note saved.');
    await popup.close();
    await profile.close();
    expect(server.requests).toBe(0);

    const options = await firefox.openExtensionPage('options.html');
    await fillSyncForm(options, url());
    await clickButton(options, 'Turn on sync');
    // Firefox asks for host access to that server, and for the consent to send data there.
    await waitFor('the permission prompt', () =>
      firefox
        .harness()
        .chrome<boolean>(
          "!!PopupNotifications.panel.querySelector('popupnotification#addon-webext-permissions-notification')",
        ),
    );
    await answerPermissionPrompt(firefox.harness(), true);
    await waitForText(options, '[role="status"]', /^Sync is on\. This computer started/, 60_000);
    await waitForText(
      options,
      '[data-testid="sync-status"]',
      /Last synced .*Every change made here is on the server\./,
      60_000,
    );
    await options.close();
  });

  it('shows them in a Chromium profile that joins with the same passphrase', async () => {
    chromium = await launchGranted(server.origin);
    const page = await openExtensionPage(chromium.h, 'options.html');
    await page.getByLabel('Database address').fill(url());
    await page.getByLabel('User name').fill('alliance');
    await page.getByLabel('Server password').fill(SERVER_PASSWORD);
    await page.getByLabel('Sync passphrase').fill(PASSPHRASE);
    await page.getByLabel('I have kept my passphrase somewhere safe.').check();
    await page.getByRole('button', { name: 'Turn on sync' }).click();
    await page.getByText('Sync is on. The data on the server will be added').waitFor();
    const people = () => readRows(page, 'people');
    await expect
      .poll(async () => (await people()).find((p) => p.slug === eduardo)?.roles, {
        timeout: 45_000,
        interval: 500,
      })
      .toEqual(['mentor']);
    expect((await readRows(page, 'notes')).map((note) => note.text)).toEqual([NOTE]);
    await page.close();
  });

  it('leaves no note, name, tag, password or passphrase in the clear on the server', async () => {
    const docs = await server.database(DATABASE).allDocs({ include_docs: true });
    const stored = JSON.stringify(docs.rows.map((row) => row.doc));
    expect(docs.rows.length).toBeGreaterThan(1);
    for (const text of [NOTE, 'Eduardo', 'Alvarez', eduardo, 'mentor', PASSPHRASE, SERVER_PASSWORD])
      expect(stored).not.toContain(text);
    for (const row of docs.rows.filter((r) => r.id !== 'alliance-map-keys'))
      expect(row.id).toMatch(/^[0-9a-f]{32}$/);
  });
});

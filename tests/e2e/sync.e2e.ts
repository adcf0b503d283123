/**
 * Sync in real Chromium: two browser profiles, each with the built extension, and a
 * CouchDB-protocol server on localhost started by the test (docs/sync.md). Turning sync on
 * with a weak and a wrong passphrase, a tag and a note made on one profile shown on the other,
 * offline edits on both kept, a delete that spreads, the server's documents searched for
 * every note's text, and "delete everything" asking whether it applies on all devices or here.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchGranted } from './granted-hosts';
import {
  PAGES,
  axeViolations,
  cdpFor,
  openExtensionPage,
  readRows,
  tabIdOf,
  waitForIsland,
  type Harness,
} from './harness';
import { startSyncServer, type SyncServer } from './sync-server';

const PASSPHRASE = 'lantern quiet otter brisk 1987';
const DATABASE = 'alliance-map';
/** Live sync should bring a change over in seconds; the poll allows for a loaded machine. */
const SYNC_WAIT = { timeout: 45_000, interval: 500 };

interface Profile {
  h: Harness;
  dir: string;
}

async function openOptions(h: Harness): Promise<Page> {
  const page = await openExtensionPage(h, 'options.html');
  await page.getByRole('heading', { name: 'Sync between your browsers' }).waitFor();
  return page;
}

async function fillSyncForm(page: Page, url: string, passphrase: string): Promise<void> {
  await page.getByLabel('Database address').fill(url);
  await page.getByLabel('User name').fill('alliance');
  await page.getByLabel('Server password').fill('server-secret');
  await page.getByLabel('Sync passphrase').fill(passphrase);
  const kept = page.getByLabel('I have kept my passphrase somewhere safe.');
  if (!(await kept.isChecked())) await kept.check();
}

/** Tags the person of the profile at `url` with `role` from the popup's quick tag. */
async function tagFromProfile(h: Harness, url: string, role: string): Promise<void> {
  const page = await h.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await waitForIsland(page, (i) => i.buttons.length > 0);
  const popup = await openExtensionPage(h, `popup.html?tab=${await tabIdOf(h, page)}`);
  const button = popup.getByRole('button', { name: role, exact: true });
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
  await popup.close();
  await page.close();
}

/** Adds a note from the popup of the profile at `url` (the person is tagged). */
async function addNote(h: Harness, url: string, text: string): Promise<void> {
  const page = await h.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const popup = await openExtensionPage(h, `popup.html?tab=${await tabIdOf(h, page)}`);
  await popup.getByLabel(/One-line note/).fill(text);
  await popup.getByRole('button', { name: 'Add note' }).click();
  await popup.getByText('Note saved.').waitFor();
  await popup.close();
  await page.close();
}

async function rows(h: Harness, table: string): Promise<Record<string, unknown>[]> {
  const page = await openExtensionPage(h, 'options.html');
  try {
    return await readRows(page, table);
  } finally {
    await page.close();
  }
}

async function noteTexts(h: Harness): Promise<string[]> {
  return (await rows(h, 'notes')).map((note) => String(note.text)).sort();
}

async function slugs(h: Harness): Promise<string[]> {
  return (await rows(h, 'people')).map((person) => String(person.slug)).sort();
}

async function rolesOf(h: Harness, slug: string): Promise<unknown> {
  return (await rows(h, 'people')).find((person) => person.slug === slug)?.roles;
}

/** Waits until the options page says every change made here is on the server. */
async function synced(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('sync-status').textContent(), SYNC_WAIT)
    .toMatch(/Last synced .*Every change made here is on the server\./);
}

describe('sync between two browser profiles', () => {
  let server: SyncServer;
  let a: Profile;
  let b: Profile;
  const url = () => `${server.origin}/${DATABASE}`;
  const eduardo = 'eduardo-alvarez-nowak';
  const vasileios = 'vasileiosalevizos';

  beforeAll(async () => {
    server = await startSyncServer();
    [a, b] = [await launchGranted(server.origin), await launchGranted(server.origin)];
  });
  afterAll(async () => {
    for (const p of [a, b]) {
      await p?.h.close();
      if (p) rmSync(p.dir, { recursive: true, force: true });
    }
    await server?.close();
  });

  it('is off and sends nothing until turned on; a weak passphrase cannot start it', async () => {
    await tagFromProfile(a.h, PAGES.eduardo.url, 'Mentor');
    await addNote(a.h, PAGES.eduardo.url, 'Plaintext canary: budget talk with Eduardo');
    const page = await openOptions(a.h);
    await page.getByText('Sync is off: nothing leaves this computer.').waitFor();
    expect(server.requests).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await fillSyncForm(page, url(), 'password123');
    expect(await page.getByTestId('sync-strength').textContent()).toMatch(/^Strength: Too weak/);
    await page.getByRole('button', { name: 'Turn on sync' }).click();
    await page.getByRole('alert').filter({ hasText: 'too easy to guess' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Nothing was changed.');
    await page.getByRole('button', { name: 'Turn on sync' }).waitFor();
    await page.close();
  });

  it('turns on with a strong passphrase and sends the records, sealed', async () => {
    const page = await openOptions(a.h);
    await fillSyncForm(page, url(), PASSPHRASE);
    expect(await page.getByTestId('sync-strength').textContent()).toMatch(
      /^Strength: (Strong|Very strong|Fair)/,
    );
    await page.getByRole('button', { name: 'Turn on sync' }).click();
    await page.getByText('Sync is on. This computer started the synced data').waitFor();
    await synced(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('refuses a wrong passphrase on the second profile and changes nothing there', async () => {
    const page = await openOptions(b.h);
    const counts = page.getByTestId('record-counts');
    await expect.poll(() => counts.textContent()).toMatch(/^People: \d+/);
    const before = await counts.textContent();
    await fillSyncForm(page, url(), 'a completely different passphrase 42');
    await page.getByRole('button', { name: 'Turn on sync' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'This passphrase does not open the data on this server.' })
      .waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Nothing was changed');
    await page.getByRole('button', { name: 'Turn on sync' }).waitFor();
    expect(await rows(b.h, 'syncState')).toEqual([]);
    expect(await slugs(b.h)).toEqual([]);
    expect(await counts.textContent()).toBe(before);
    await page.close();
  });

  it('joins with the right passphrase: the tag and the note from the first profile appear, and a new tag follows live', async () => {
    const page = await openOptions(b.h);
    await fillSyncForm(page, url(), PASSPHRASE);
    await page.getByRole('button', { name: 'Turn on sync' }).click();
    await page.getByText('Sync is on. The data on the server will be added').waitFor();
    await expect.poll(() => rolesOf(b.h, eduardo), SYNC_WAIT).toEqual(['mentor']);
    expect(await noteTexts(b.h)).toEqual(['Plaintext canary: budget talk with Eduardo']);
    await synced(page);
    await page.close();

    // The badge on the second profile shows the tag made on the first.
    const profilePage = await b.h.context.newPage();
    await profilePage.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
    await waitForIsland(profilePage, (i) => i.text.includes('Mentor'));
    await profilePage.close();

    // Live: a tag made now on A arrives on B without anyone pressing anything.
    await tagFromProfile(a.h, PAGES.vasileios.url, 'Ally');
    await expect.poll(() => rolesOf(b.h, vasileios), SYNC_WAIT).toEqual(['ally']);
  });

  it('carries on after the service worker stopped (MV3)', async () => {
    const page = await openOptions(a.h);
    const cdp = await cdpFor(page);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions as Array<{ scriptURL: string; runningStatus: string }>)
        if (v.scriptURL.startsWith(`chrome-extension://${a.h.extensionId}/`))
          statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses).toContain('stopped');
    await page.close();
    // The write wakes the worker (a storage change), which resumes sync from its tables.
    await addNote(a.h, PAGES.vasileios.url, 'After a restart: coffee next week');
    await expect
      .poll(() => noteTexts(b.h), SYNC_WAIT)
      .toContain('After a restart: coffee next week');
  });

  it('keeps both profiles’ offline edits to the same person', async () => {
    server.setOffline(true);
    await addNote(a.h, PAGES.eduardo.url, 'Offline on A: asked about the reorg');
    await addNote(b.h, PAGES.eduardo.url, 'Offline on B: wants a sponsor for the platform');
    await tagFromProfile(b.h, PAGES.eduardo.url, 'Ally');
    const offline = await openOptions(a.h);
    await offline.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => offline.getByTestId('sync-status').textContent(), SYNC_WAIT)
      .toMatch(/could not be reached|not on the server yet/);
    await offline.close();

    server.setOffline(false);
    for (const p of [a, b]) {
      const page = await openOptions(p.h);
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.close();
    }
    const expected = [
      'After a restart: coffee next week',
      'Offline on A: asked about the reorg',
      'Offline on B: wants a sponsor for the platform',
      'Plaintext canary: budget talk with Eduardo',
    ];
    for (const p of [a, b]) {
      await expect.poll(() => noteTexts(p.h), SYNC_WAIT).toEqual(expected);
      await expect
        .poll(async () => ((await rolesOf(p.h, eduardo)) as string[]).sort(), SYNC_WAIT)
        .toEqual(['ally', 'mentor']);
    }
  });

  it('spreads a delete to the other profile', async () => {
    const page = await b.h.context.newPage();
    await page.goto(PAGES.vasileios.url, { waitUntil: 'domcontentloaded' });
    const panel = await openExtensionPage(b.h, `sidepanel.html?tab=${await tabIdOf(b.h, page)}`);
    await panel.getByRole('button', { name: 'Delete this person…' }).click();
    await panel.getByRole('button', { name: 'Delete for good' }).click();
    await expect.poll(() => slugs(b.h)).toEqual([eduardo]);
    await expect.poll(() => slugs(a.h), SYNC_WAIT).toEqual([eduardo]);
    await panel.close();
    await page.close();
  });

  it('leaves no note, name or tag in the clear on the server', async () => {
    const docs = await server.database(DATABASE).allDocs({ include_docs: true });
    const stored = JSON.stringify(docs.rows.map((row) => row.doc));
    expect(docs.rows.length).toBeGreaterThan(2);
    const texts = [
      ...(await noteTexts(a.h)),
      // The deleted person's note was on the server before the delete.
      'After a restart: coffee next week',
      'Eduardo',
      'Alvarez',
      eduardo,
      vasileios,
      'mentor',
      PASSPHRASE,
    ];
    for (const text of texts) expect(stored).not.toContain(text);
    // Every document but the key document is an opaque id and ciphertext.
    for (const row of docs.rows.filter((r) => r.id !== 'alliance-map-keys'))
      expect(row.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps neither the server password nor the passphrase in the clear on either profile', async () => {
    for (const p of [a, b]) {
      const page = await openExtensionPage(p.h, 'options.html');
      // Read in the page: the keys are CryptoKeys, which JSON shows as {}.
      const kept = await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('alliance-map');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction('syncState').objectStore('syncState').getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        db.close();
        return JSON.stringify(rows);
      });
      await page.close();
      expect(kept).toContain('"name":"account"');
      expect(kept).toMatch(/"password":\{"iv":"[^"]+","ct":"[^"]+"\}/);
      expect(kept).not.toContain('server-secret');
      expect(kept).not.toContain(PASSPHRASE);
    }
  });

  /** Deletes everything from the options page of `p`, answering the question with `where`. */
  async function deleteEverything(p: Profile, where: RegExp): Promise<Page> {
    const page = await openOptions(p.h);
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    const question = page.getByRole('group', { name: /Sync is on\. Where should everything/ });
    await question.waitFor();
    // Nothing is assumed: without an answer, nothing is deleted.
    await page.getByLabel(/Type DELETE/).fill('DELETE');
    await page.getByRole('button', { name: 'Delete everything now' }).click();
    await page.getByText(/Sync is on: choose whether/).waitFor();
    expect(await slugs(p.h)).not.toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await question.getByLabel(where).check();
    await page.getByRole('button', { name: 'Delete everything now' }).click();
    await page.getByText(/^Everything was deleted/).waitFor();
    return page;
  }

  it('asks before a delete everything spreads: on all my devices empties the other profile too', async () => {
    await tagFromProfile(a.h, PAGES.vasileios.url, 'Sponsor');
    await expect.poll(() => slugs(b.h), SYNC_WAIT).toEqual([eduardo, vasileios].sort());

    const onA = await deleteEverything(a, /^On all my devices/);
    await onA.getByText(/will do the same at their next sync/).waitFor();
    expect(await slugs(a.h)).toEqual([]);
    await synced(onA);
    await onA.close();
    await expect.poll(() => slugs(b.h), SYNC_WAIT).toEqual([]);
  });

  it('asks before a delete everything spreads: only on this computer turns sync off here first', async () => {
    await tagFromProfile(a.h, PAGES.vasileios.url, 'Sponsor');
    await expect.poll(() => slugs(b.h), SYNC_WAIT).toEqual([vasileios]);
    const page = await deleteEverything(b, /^Only on this computer/);
    await page.getByText('Sync is off: nothing leaves this computer.').waitFor();
    expect(await slugs(b.h)).toEqual([]);
    await page.close();
    // The first profile syncs and keeps everything: nothing of the delete reached the server.
    const onA = await openOptions(a.h);
    await onA.getByRole('button', { name: 'Sync now' }).click();
    await synced(onA);
    await onA.close();
    expect(await slugs(a.h)).toEqual([vasileios]);
    expect(await slugs(b.h)).toEqual([]);
  });
});

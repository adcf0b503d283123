/**
 * The foundation in real Chromium: tag a person from the popup, see the badge on their profile,
 * keep it across reloads, browser restarts and a stopped service worker, and keep everything
 * out of LinkedIn's reach. Tagging from the badge and in-page navigation run in Chromium and
 * Firefox alike: tests/e2e/both/linkedin.e2e.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  EXTENSION_DIR,
  PAGES,
  clickIslandButton,
  closedIslands,
  launch,
  openExtensionPage,
  tabIdOf,
  waitForIsland,
  type Harness,
} from './harness';

const NOTE_PAYLOAD = `<img src=x onerror="window.__pwned='note'"><script>window.__pwned='script'</script> likes ${'"'}quotes${'"'} & <b>bold</b>`;

async function openProfile(h: Harness, url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

async function popupFor(h: Harness, page: Page): Promise<Page> {
  return openExtensionPage(h, `popup.html?tab=${await tabIdOf(h, page)}`);
}

describe('tag a person on their profile and see it again', () => {
  let h: Harness;
  const profileDir = mkdtempSync(join(tmpdir(), 'alliance-map-profile-'));

  beforeAll(async () => {
    h = await launch({ userDataDir: profileDir });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('loads the extension with its service worker', () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('offers to tag an unknown person next to their name', async () => {
    const page = await openProfile(h, PAGES.eduardo.url);
    const island = await waitForIsland(page, (i) => i.text.includes('Tag in Alliance Map'));
    expect(island.buttons.map((b) => b.label)).toContain('+ Tag in Alliance Map');
    await page.close();
  });

  it('tags from the popup in two clicks and the badge updates without a reload', async () => {
    const page = await openProfile(h, PAGES.eduardo.url);
    await waitForIsland(page, (i) => i.text.includes('Tag in Alliance Map'));
    const popup = await popupFor(h, page);
    await popup.getByRole('button', { name: 'Mentor' }).click();
    await expect
      .poll(() => popup.getByRole('button', { name: 'Mentor' }).getAttribute('aria-pressed'))
      .toBe('true');
    await popup.getByLabel(/One-line note/).fill(NOTE_PAYLOAD);
    await popup.getByRole('button', { name: 'Add note' }).click();
    await popup.getByText('Note saved.').waitFor();

    const island = await waitForIsland(
      page,
      (i) => i.text.includes('Mentor') && i.text.includes('1 note'),
    );
    expect(island.text).toContain('No touch yet');

    await popup.getByRole('button', { name: 'Showed appreciation' }).click();
    await waitForIsland(page, (i) => i.text.includes('Last touch today'));
    await popup.close();
    await page.close();
  });

  it('loads no locale data on LinkedIn at load: each formatter is made when a badge first needs it', () => {
    // Making an Intl formatter at document_start held LinkedIn's page up by 20–35 ms. The badge
    // and chips speak the user's language with Intl's plural rules and dates, so the translator
    // makes each formatter on first use (utils/i18n/translator.ts): every use is a `??=`.
    const script = readFileSync(join(EXTENSION_DIR, 'linkedin.js'), 'utf8');
    const uses = script.match(/\bIntl\./g) ?? [];
    const onFirstUse = script.match(/\?\?=\s*new Intl\.\w+/g) ?? [];
    expect(uses.length).toBeGreaterThan(0);
    expect(onFirstUse).toHaveLength(uses.length);
    expect(script).not.toMatch(/toLocale(Date|Time)?String/);
  });

  it('leaves @wxt-dev/storage out of the LinkedIn script', () => {
    // 9 kB that every LinkedIn page compiled before its parsing could resume; the script reads
    // extension storage itself (entrypoints/linkedin/storage.ts).
    const script = readFileSync(join(EXTENSION_DIR, 'linkedin.js'), 'utf8');
    expect(script).not.toContain('@wxt-dev/storage');
  });

  it('keeps everything across a reload', async () => {
    const page = await openProfile(h, PAGES.eduardo.url);
    await waitForIsland(page, (i) => i.text.includes('Mentor') && i.text.includes('1 note'));
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForIsland(page, (i) => i.text.includes('Mentor') && i.text.includes('1 note'));
    await page.close();
  });

  it('keeps everything when the service worker is stopped', async () => {
    const page = await openProfile(h, PAGES.eduardo.url);
    await waitForIsland(page, (i) => i.text.includes('Mentor'));
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForIsland(page, (i) => i.text.includes('Mentor') && i.text.includes('1 note'));
    await page.close();
  });

  it("keeps notes, the shadow root and the database out of LinkedIn's reach", async () => {
    const page = await openProfile(h, PAGES.eduardo.url);
    await waitForIsland(page, (i) => i.text.includes('Mentor'));
    const seenByPage = await page.evaluate(async () => {
      const html = document.documentElement.outerHTML;
      const hosts = [...document.querySelectorAll('*')].filter((el) => el.shadowRoot !== null);
      const databases = (await indexedDB.databases()).map((d) => d.name);
      return {
        noteInDom: html.includes('likes') && html.includes('quotes'),
        badgeInText: ['Open record', 'Last touch', '1 note'].some((t) =>
          document.body.innerText.includes(t),
        ),
        openShadowRoots: hosts.length,
        extensionUrl: html.includes('chrome-extension://'),
        databases,
        pwned: (window as unknown as { __pwned?: string }).__pwned,
      };
    });
    expect(seenByPage).toEqual({
      noteInDom: false,
      badgeInText: false,
      openShadowRoots: 0,
      extensionUrl: false,
      databases: expect.not.arrayContaining(['alliance-map']) as unknown as string[],
      pwned: undefined,
    });
    await page.close();
  });

  it('shows a note full of markup as plain text and runs nothing', async () => {
    const page = await openProfile(h, PAGES.eduardo.url);
    const popup = await popupFor(h, page);
    const latest = popup.getByTestId('latest-note');
    await expect.poll(() => latest.textContent()).toBe(NOTE_PAYLOAD);
    expect(await latest.locator('img, script, b').count()).toBe(0);
    expect(
      await popup.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
    ).toBeUndefined();
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
    ).toBeUndefined();
    await popup.close();
    await page.close();
  });

  it("opens the side panel from the badge's Open record", async () => {
    const page = await openProfile(h, PAGES.eduardo.url);
    await clickIslandButton(page, 'Open record');
    const cdp = await h.context.newCDPSession(page);
    const panelOpen = async () => {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as {
        targetInfos: Array<{ url: string }>;
      };
      return targetInfos.some((t) => t.url.endsWith('/sidepanel.html'));
    };
    await expect.poll(panelOpen).toBe(true);
    await cdp.detach();
    expect((await closedIslands(page)).some((i) => i.text.includes('Alt+Shift+S'))).toBe(false);
    await page.close();
  });

  it('keeps everything across a browser restart', async () => {
    await h.close();
    h = await launch({ userDataDir: profileDir });
    const page = await openProfile(h, PAGES.eduardo.url);
    await waitForIsland(page, (i) => i.text.includes('Mentor') && i.text.includes('1 note'));
    await page.close();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerFirstRun } from '@/entrypoints/background/first-run';

describe('the first run', () => {
  it('opens on install, and not on an update of it or of the browser', async () => {
    registerFirstRun();
    const welcome = fakeBrowser.runtime.getURL('/welcome.html');
    const urls = async () => (await fakeBrowser.tabs.query({})).map((tab) => tab.url);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'browser_update', temporary: false });
    expect(await urls()).not.toContain(welcome);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(async () => expect(await urls()).toContain(welcome));
  });
});

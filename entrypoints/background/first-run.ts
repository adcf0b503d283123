import { browser } from 'wxt/browser';
import { FIRST_RUN_PATH } from '@/utils/first-run';

/**
 * Opens the first run when the extension is installed (not on an update or a browser restart).
 * Call once, at the top level of the background's main().
 */
export function registerFirstRun(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install')
      void browser.tabs.create({ url: browser.runtime.getURL(FIRST_RUN_PATH) });
  });
}

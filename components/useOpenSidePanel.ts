import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openRecord } from '@/utils/record-request';
import { openSidePanel } from '@/utils/side-panel';

/**
 * Opens the side panel in this page's window, on someone's record when a slug is given. The
 * window is looked up beforehand: the browser opens the panel only while the click's gesture
 * lasts, so the click must call it with nothing awaited first. Answers whether it opened.
 */
export function useOpenSidePanel(): (slug?: string) => Promise<boolean> {
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    void browser.windows
      .getCurrent()
      .then((window) => setWindowId(window.id))
      .catch(() => undefined);
  }, []);
  return (slug) => (slug ? openRecord(slug, { windowId }) : openSidePanel({ windowId }));
}

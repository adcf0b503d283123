import { storage } from 'wxt/utils/storage';
import { openSidePanel } from './side-panel';

/** A page of the extension (the map) asked the side panel to show someone's record. */
export interface RecordRequest {
  slug: string;
  at: number;
}

/**
 * The last request, in session storage (extension pages only, gone with the browser): the side
 * panel may not be open yet when it is made, so it reads the request when it starts, and
 * watches for the next ones.
 */
export const recordRequestItem = storage.defineItem<RecordRequest | null>('session:recordRequest', {
  fallback: null,
});

/** A panel that starts later than this after a request was made did not open for it. */
export const REQUEST_FRESH_MS = 10_000;

/**
 * Opens the side panel on a person's record. Call it straight from the click: the browser opens
 * the panel only while the user's gesture lasts, so the panel is asked for before anything is
 * awaited. Answers whether the panel opened.
 */
export async function openRecord(
  slug: string,
  target: { tabId?: number; windowId?: number },
): Promise<boolean> {
  const opened = openSidePanel(target);
  await recordRequestItem.setValue({ slug, at: Date.now() });
  return opened;
}

/**
 * Calls `show` with the person of a request made just before the panel started, then with the
 * person of every new request. Returns the way to stop watching.
 */
export function watchRecordRequests(show: (slug: string) => void): () => void {
  let live = true;
  void recordRequestItem.getValue().then((request) => {
    if (live && request && Date.now() - request.at < REQUEST_FRESH_MS) show(request.slug);
  });
  const unwatch = recordRequestItem.watch((request) => {
    if (request) show(request.slug);
  });
  return () => {
    live = false;
    unwatch();
  };
}

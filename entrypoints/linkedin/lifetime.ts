import { browser } from 'wxt/browser';

/**
 * The life of this script: aborted when the extension is reloaded or updated (the script is
 * then orphaned: its messages would fail), so that every observer and listener stops at once.
 */
export function createLifetime(): AbortController {
  const lifetime = new AbortController();
  const onOrphaned = () => {
    if (browser.runtime?.id == null) lifetime.abort();
  };
  // An orphaned script cannot hear about its own end; it notices at the next page activity.
  document.addEventListener('visibilitychange', onOrphaned, { signal: lifetime.signal });
  window.addEventListener('focus', onOrphaned, { signal: lifetime.signal });
  return lifetime;
}

/** A controller that also aborts when `parent` does: a page's features die with the script. */
export function childController(parent: AbortSignal): AbortController {
  const child = new AbortController();
  if (parent.aborted) child.abort();
  else parent.addEventListener('abort', () => child.abort(), { once: true, signal: child.signal });
  return child;
}

/**
 * Resolves with `find()`'s first truthy answer, checking on DOM changes (never polling), or with
 * null when `signal` aborts or `timeoutMs` passes (a page whose layout we do not know).
 */
export function waitForElement<T>(
  find: () => T | null | undefined,
  signal: AbortSignal,
  timeoutMs = 10_000,
): Promise<T | null> {
  const found = find();
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const finish = (value: T | null) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(null);
    // One check per batch of mutations (the browser batches them per microtask), not per
    // animation frame: before its first paint a loading page runs no frames at all.
    const observer = new MutationObserver(() => {
      const value = find();
      if (value) finish(value);
    });
    const timer = setTimeout(() => finish(null), timeoutMs);
    if (signal.aborted) return finish(null);
    signal.addEventListener('abort', onAbort, { once: true });
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      // LinkedIn's React can move the top card to another person by rewriting links in place.
      attributes: true,
      attributeFilter: ['href'],
    });
  });
}

/**
 * Runs `onMutations` when the page changes: at once for the first change, then at most once per
 * `delayMs` while the page keeps changing (one shared, throttled observer).
 */
export function observeDebounced(
  root: Node,
  signal: AbortSignal,
  onMutations: () => void,
  delayMs = 40,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = -Infinity;
  const run = () => {
    timer = undefined;
    lastRun = performance.now();
    if (!signal.aborted) onMutations();
  };
  const observer = new MutationObserver(() => {
    if (timer !== undefined) return;
    // Due now: run in this callback. A timer would wait behind the HTML parser's tasks, which
    // on a long list page holds the first chips back by 50–100 ms.
    const wait = lastRun + delayMs - performance.now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  });
  observer.observe(root, { subtree: true, childList: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
}

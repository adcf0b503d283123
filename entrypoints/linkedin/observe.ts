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
    let scheduled = false;
    const finish = (value: T | null) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(null);
    const observer = new MutationObserver(() => {
      // Batch the checks of one burst of mutations into one animation frame.
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        const value = find();
        if (value) finish(value);
      });
    });
    const timer = setTimeout(() => finish(null), timeoutMs);
    if (signal.aborted) return finish(null);
    signal.addEventListener('abort', onAbort, { once: true });
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
    });
  });
}

/** Runs `onMutations` at most once per `delayMs` while the page keeps changing. */
export function observeDebounced(
  root: Node,
  signal: AbortSignal,
  onMutations: () => void,
  delayMs = 40,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (!signal.aborted) onMutations();
    }, delayMs);
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

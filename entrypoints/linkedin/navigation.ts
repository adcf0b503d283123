/**
 * Calls `onChange` after every in-page navigation. LinkedIn changes the URL with the History
 * API; the Navigation API reports it as it happens. Where it is missing (older Firefox), the
 * page's title and `popstate` tell us, since LinkedIn retitles the page on every navigation.
 * `getLocation` is a parameter so that tests can drive it.
 */
export function watchNavigation(
  signal: AbortSignal,
  onChange: (url: string) => void,
  getLocation: () => string = () => location.href,
): void {
  let last = getLocation();
  const check = () => {
    const now = getLocation();
    if (now === last) return;
    last = now;
    onChange(now);
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation?.addEventListener) {
    navigation.addEventListener('currententrychange', check, { signal });
  } else {
    const observer = new MutationObserver(check);
    observer.observe(document.head ?? document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  }
  window.addEventListener('popstate', check, { signal });
}

/**
 * What a user does in a page, for both browsers (tests/e2e/browsers.ts): find a button or a
 * field by the name a screen reader would say, click it with the real mouse, type with the real
 * keyboard, read text, wait. Elements are found in the page and acted on by coordinates, so the
 * same calls work over CDP and over WebDriver BiDi.
 */
import type { Tab } from './browsers';
import { navigateLikeLinkedIn, type ShadowIsland } from './harness';

/** An accessible name: a string is matched whole (spaces trimmed), a RegExp anywhere. */
export type Name = string | RegExp;

interface Wanted {
  kind: 'button' | 'field';
  source: string;
  flags: string;
  within: string | null;
}

function wanted(kind: Wanted['kind'], name: Name, within?: string): Wanted {
  const source =
    typeof name === 'string' ? `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : name.source;
  return {
    kind,
    source,
    flags: typeof name === 'string' ? '' : name.flags,
    within: within ?? null,
  };
}

/**
 * In the page: the first visible button or form field with that name (its `aria-label`, its
 * label's text, or its own text), scrolled into view, and what the tests need to know of it.
 * One function with nothing outside it and no named function inside (tsx would wrap one in a
 * helper the page does not have): it is sent to the page as text.
 */
function locateInPage(want: Wanted) {
  const scope = want.within ? document.querySelector(want.within) : document;
  if (!scope) return null;
  const re = new RegExp(want.source, want.flags);
  const selector = want.kind === 'button' ? 'button, [role="button"]' : 'input, textarea, select';
  const found = [...scope.querySelectorAll<HTMLElement>(selector)].find((el) => {
    if (el.getClientRects().length === 0) return false;
    const labelledBy = el.getAttribute('aria-labelledby');
    const names = [
      el.getAttribute('aria-label'),
      labelledBy
        ? labelledBy
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent)
            .join(' ')
        : null,
      ...[...((el as HTMLInputElement).labels ?? [])].map((label) => label.textContent),
      want.kind === 'button' ? el.textContent : null,
    ];
    return names.some(
      (name) => name !== null && name !== undefined && re.test(name.replace(/\s+/g, ' ').trim()),
    );
  });
  if (!found) return null;
  found.scrollIntoView({ block: 'center' });
  const box = found.getBoundingClientRect();
  return {
    x: box.x + box.width / 2,
    y: box.y + box.height / 2,
    pressed: found.getAttribute('aria-pressed'),
    value: (found as HTMLInputElement).value ?? null,
    disabled: (found as HTMLButtonElement).disabled === true,
  };
}

type Located = NonNullable<ReturnType<typeof locateInPage>>;

/** Waits until `probe` gives something other than undefined, null or false; returns it. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The element, once found (and `usable`) at the same place twice in a row, 50 ms apart: finding
 * it scrolls it into view, and Firefox hit-tests a click against the scroll its compositor has
 * (asynchronous panning), so a click at once after the scroll could land on what was there before.
 */
async function locateSettled(
  tab: Tab,
  want: Wanted,
  what: string,
  usable: (found: Located) => boolean = () => true,
): Promise<Located> {
  let last: Located | undefined;
  return waitFor(what, async () => {
    const found = await tab.evaluate(locateInPage, want);
    const settled = found && usable(found) && last && found.x === last.x && found.y === last.y;
    last = found && usable(found) ? found : undefined;
    return settled ? found : undefined;
  });
}

async function locate(tab: Tab, want: Wanted, what: string): Promise<Located> {
  return waitFor(what, () => tab.evaluate(locateInPage, want));
}

/** Clicks the button with that name, once it is there and enabled. */
export async function clickButton(tab: Tab, name: Name, within?: string): Promise<void> {
  const at = await locateSettled(
    tab,
    wanted('button', name, within),
    `an enabled button "${String(name)}"`,
    (found) => !found.disabled,
  );
  await tab.click(at.x, at.y);
}

/** Double-clicks the enabled button of that accessible name, with a real mouse. */
export async function doubleClickButton(tab: Tab, name: Name, within?: string): Promise<void> {
  const at = await locateSettled(
    tab,
    wanted('button', name, within),
    `an enabled button "${String(name)}"`,
    (found) => !found.disabled,
  );
  await tab.dblclick(at.x, at.y);
}

/** The button's `aria-pressed` ("true" / "false"), or null when it has none. */
export async function pressedOf(tab: Tab, name: Name, within?: string): Promise<string | null> {
  return (await locate(tab, wanted('button', name, within), `a button "${String(name)}"`)).pressed;
}

/** The current value of the field with that label. */
export async function valueOf(tab: Tab, label: Name): Promise<string | null> {
  return (await locate(tab, wanted('field', label), `a field "${String(label)}"`)).value;
}

/** Clicks the form field with that label: a radio button or a checkbox, for one. */
export async function clickField(tab: Tab, label: Name): Promise<void> {
  const at = await locateSettled(tab, wanted('field', label), `a field "${String(label)}"`);
  await tab.click(at.x, at.y);
}

/** Clicks the field with that label, selects what it holds and types `text` over it. */
export async function fill(tab: Tab, label: Name, text: string): Promise<void> {
  const at = await locateSettled(tab, wanted('field', label), `a field "${String(label)}"`);
  await tab.click(at.x, at.y);
  await tab.evaluate(() => {
    const field = document.activeElement as HTMLInputElement | null;
    field?.select?.();
  }, null);
  if (text) await tab.type(text);
  else await tab.press('Backspace');
}

/** The text of every element matching `selector`, spaces collapsed. */
export async function textsOf(tab: Tab, selector: string): Promise<string[]> {
  return tab.evaluate(
    (selector) =>
      [...document.querySelectorAll(selector)].map((el) =>
        (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ),
    selector,
  );
}

/** The text of the first element matching `selector` ('' when there is none). */
export async function textOf(tab: Tab, selector: string): Promise<string> {
  return (await textsOf(tab, selector))[0] ?? '';
}

/** Waits until some element matching `selector` has text matching `text`; returns that text. */
export async function waitForText(
  tab: Tab,
  selector: string,
  text: Name,
  timeoutMs = 10_000,
): Promise<string> {
  // Spaces as textsOf gives them: French puts a narrow no-break space before a colon.
  const wanted = typeof text === 'string' ? text.replace(/\s+/g, ' ') : text;
  const matches = (value: string) =>
    typeof wanted === 'string' ? value.includes(wanted) : wanted.test(value);
  let seen: string[] = [];
  try {
    return await waitFor(
      `"${String(text)}" in ${selector}`,
      async () => (seen = await textsOf(tab, selector)).find(matches),
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message} It showed: ${JSON.stringify(seen)}`, {
      cause: error,
    });
  }
}

/** Moves a LinkedIn tab to another saved profile the way LinkedIn does (harness.ts). */
export async function navigateInPage(
  tab: Tab,
  url: string,
  html: string,
  lingerMs = 150,
): Promise<void> {
  await tab.evaluate(navigateLikeLinkedIn, { url, html, lingerMs });
}

/** Waits until one of our islands in `tab` satisfies `predicate`; returns it. */
export async function waitForIsland(
  tab: Tab,
  predicate: (island: ShadowIsland) => boolean,
  timeoutMs = 10_000,
): Promise<ShadowIsland> {
  let last: ShadowIsland[] = [];
  try {
    return await waitFor(
      'an island',
      async () => (last = await tab.islands()).find(predicate),
      timeoutMs,
    );
  } catch (error) {
    throw new Error(
      `No island matched within ${timeoutMs} ms. Islands: ${JSON.stringify(last.map((i) => i.text))}`,
      { cause: error },
    );
  }
}

/** What counts as the user at work in a page: a key, a click or touch, a turn of the wheel. */
const USER_INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * Calls `onInput` at each key, click or wheel turn of the user's in this document (seen first,
 * never delaying the page's own handlers), until `signal` aborts.
 */
export function onUserInput(onInput: () => void, signal?: AbortSignal): void {
  for (const type of USER_INPUT_EVENTS)
    document.addEventListener(type, onInput, { capture: true, passive: true, signal });
}

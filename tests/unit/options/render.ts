// Rendering Preact components into jsdom for component tests, and waiting on what they show.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';

const mounted: HTMLElement[] = [];

afterEach(() => {
  for (const root of mounted.splice(0)) {
    render(null, root);
    root.remove();
  }
});

/** Renders `ui` into a fresh container in the document. */
export function mount(ui: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.push(root);
  act(() => render(ui, root));
  return root;
}

/** Retries `check` until it stops throwing, letting effects and promises run in between. */
export async function waitFor<T>(check: () => T, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await act(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));
    }
  }
}

/** The element labelled `label` (by a `<label for>`) inside `root`. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(
  root: HTMLElement,
  label: string | RegExp,
): T {
  const found = [...root.querySelectorAll('label')].find((l) =>
    typeof label === 'string' ? l.textContent?.trim() === label : label.test(l.textContent ?? ''),
  );
  const control = found?.control;
  if (!control) throw new Error(`No control labelled ${String(label)}`);
  return control as T;
}

/** The button whose text is `name` inside `root`. */
export function button(root: HTMLElement, name: string | RegExp): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`No button named ${String(name)}`);
  return found;
}

/** Types into an input the way a user does (an `input` event per change). */
export function type(input: HTMLInputElement, value: string): void {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Clicks an element inside `act`, so that the re-render happens before the next line. */
export function click(element: HTMLElement): void {
  act(() => element.click());
}

/** Picks a file in a file input, as the browser's file chooser does. */
export function chooseFile(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** The text of the live regions of `root`, by role. */
export function regions(root: HTMLElement): { status: string; alert: string } {
  const text = (role: string) =>
    [...root.querySelectorAll(`[role="${role}"]`)]
      .map((el) => el.textContent ?? '')
      .join(' ')
      .trim();
  return { status: text('status'), alert: text('alert') };
}

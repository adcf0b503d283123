/** Rendering Preact components into jsdom for the side panel's component tests. */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

export interface Mounted {
  root: HTMLElement;
  unmount(): Promise<void>;
}

export async function mount(node: ComponentChild): Promise<Mounted> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(node, root));
  return {
    root,
    unmount: async () => {
      await act(() => render(null, root));
      root.remove();
    },
  };
}

/** Waits, letting Dexie's live queries and Preact's renders run, until `check` passes. */
export async function settle<T>(check: () => T, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const result = check();
      if (result !== undefined && result !== null && result !== false) return result;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error('Timed out waiting for the view');
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

/** Types into an input or textarea the way a user does: the value changes, then `input` fires. */
export async function typeInto(
  field: HTMLInputElement | HTMLTextAreaElement,
  value: string,
): Promise<void> {
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(element: Element): Promise<void> {
  await act(() => {
    (element as HTMLElement).click();
  });
}

/** The control a visible label names. */
export function byLabel<T extends HTMLElement>(root: ParentNode, text: string): T {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`No label "${text}"`);
  const control = label.htmlFor
    ? label.ownerDocument.getElementById(label.htmlFor)
    : label.querySelector('input, select, textarea');
  if (!control) throw new Error(`No control for "${text}"`);
  return control as T;
}

export function buttonNamed(root: ParentNode, name: string | RegExp): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`No button "${String(name)}"`);
  return found;
}

import { render, type ComponentChild } from 'preact';

/** Events that must not reach LinkedIn's listeners from inside our UI. */
const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'focusin',
  'focusout',
  'click',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'contextmenu',
] as const;

/** One piece of our UI inside LinkedIn's page. */
export interface Island {
  render(ui: ComponentChild): void;
  destroy(): void;
  /** The one element LinkedIn's DOM can see. */
  readonly host: HTMLElement;
}

/**
 * Draws our UI where LinkedIn's page cannot read it: a bare `<span>` (no id, class or attribute
 * of ours) holding a closed shadow root, so page scripts see neither the content nor the
 * shadow root itself, and no event from inside reaches the page's listeners.
 */
export function createIsland(css: string, place: (host: HTMLElement) => void): Island {
  const host = document.createElement('span');
  const shadow = host.attachShadow({ mode: 'closed' });
  // A <style> rather than adoptedStyleSheets: Firefox's content-script wrappers reject sheets
  // constructed in the isolated world.
  const style = document.createElement('style');
  style.textContent = css;
  const root = document.createElement('span');
  shadow.append(style, root);
  for (const type of ISOLATED_EVENTS)
    host.addEventListener(type, (event) => event.stopPropagation());
  place(host);
  return {
    host,
    render: (ui) => render(ui, root),
    destroy: () => {
      render(null, root);
      host.remove();
    },
  };
}

/**
 * Where an island goes next to `target`: after it, but outside any link that wraps it, so that
 * a click on our buttons never follows LinkedIn's link or presses its button.
 */
export function placeAfter(target: Element): (host: HTMLElement) => void {
  const outer = target.closest('a, button') ?? target;
  return (host) => outer.after(host);
}

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { mount, type Mounted } from './render';
import { VirtualList, scrollToShow, visibleRange } from '@/components/VirtualList';

describe('visibleRange', () => {
  it('draws the rows in view plus the overscan, clamped to the list', () => {
    expect(visibleRange(0, 600, 60, 10_000, 4)).toEqual({ start: 0, end: 14 });
    expect(visibleRange(6000, 600, 60, 10_000, 4)).toEqual({ start: 96, end: 114 });
    expect(visibleRange(599_990, 600, 60, 10_000, 4)).toEqual({ start: 9995, end: 10_000 });
    expect(visibleRange(0, 600, 60, 3, 4)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(-50, 600, 60, 0, 4)).toEqual({ start: 0, end: 0 });
  });

  it('scrolls just enough to show a row', () => {
    expect(scrollToShow(5, 0, 600, 60)).toBe(0);
    expect(scrollToShow(10, 0, 600, 60)).toBe(60);
    expect(scrollToShow(2, 300, 600, 60)).toBe(120);
  });
});

describe('VirtualList', () => {
  let view: Mounted | undefined;
  afterEach(async () => {
    await view?.unmount();
  });

  const items = Array.from({ length: 10_000 }, (_, i) => `Person ${i}`);
  const list = () => (
    <VirtualList
      items={items}
      rowHeight={60}
      label="People"
      rowKey={(item) => item}
      initialHeight={600}
      renderRow={(item) => <button type="button">{item}</button>}
    />
  );

  it('renders only the visible rows of 10,000, with their place in the list', async () => {
    view = await mount(list());
    const rows = view.root.querySelectorAll('[role="listitem"]');
    expect(rows.length).toBe(14);
    expect(rows[0]?.getAttribute('aria-posinset')).toBe('1');
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('10000');
    const spacer = view.root.querySelector<HTMLElement>('[role="list"]')!;
    expect(spacer.style.height).toBe('600000px');
  });

  it('draws other rows when scrolled', async () => {
    view = await mount(list());
    const viewport = view.root.querySelector<HTMLElement>('.virtual-list')!;
    await act(() => {
      Object.defineProperty(viewport, 'scrollTop', {
        value: 6000,
        configurable: true,
        writable: true,
      });
      viewport.dispatchEvent(new Event('scroll'));
    });
    const labels = [...view.root.querySelectorAll('button')].map((b) => b.textContent);
    expect(labels[0]).toBe('Person 96');
    expect(labels).toContain('Person 105');
    expect(labels).not.toContain('Person 0');
  });

  it('moves focus with the arrow keys, drawing rows as it goes', async () => {
    view = await mount(list());
    const first = view.root.querySelector('button')!;
    first.focus();
    for (let i = 0; i < 20; i++) {
      await act(() => {
        document.activeElement!.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }),
        );
      });
    }
    expect(document.activeElement?.textContent).toBe('Person 20');
    await act(() => {
      document.activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }),
      );
    });
    expect(document.activeElement?.textContent).toBe('Person 19');
  });
});

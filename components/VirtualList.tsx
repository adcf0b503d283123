import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** The slice of rows to draw: those in view plus `overscan` on each side. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan: number,
): { start: number; end: number } {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

/** The scroll position that brings row `index` fully into a viewport, or the current one if it is. */
export function scrollToShow(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}

interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  /** The list's accessible name. */
  label: string;
  renderRow(item: T, index: number): ComponentChildren;
  rowKey(item: T): string;
  /** Rows drawn beyond each edge, so that Tab reaches the next row before it scrolls in. */
  overscan?: number;
  /** Changing it scrolls back to the top (a new search), unlike a change of the data. */
  resetKey?: string;
  /** Height before the first measure (jsdom has no layout). */
  initialHeight?: number;
}

/**
 * A list that draws only the rows in view, so that 10,000 people cost as much as twenty.
 * Rows have one fixed height. Arrow keys move focus between rows (drawing them as needed);
 * Tab works too, because the overscan row after the last visible one is always drawn.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  label,
  renderRow,
  rowKey,
  overscan = 4,
  resetKey,
  initialHeight = 600,
}: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(initialHeight);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => element.clientHeight > 0 && setHeight(element.clientHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (viewport.current) viewport.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  // Focus a row once it has been drawn (after an arrow key scrolled it in).
  useEffect(() => {
    if (focusIndex === null) return;
    const row = viewport.current?.querySelector(`[data-index="${focusIndex}"]`);
    row?.querySelector<HTMLElement>('button, a, [tabindex]')?.focus();
    setFocusIndex(null);
  }, [focusIndex, scrollTop]);

  const { start, end } = visibleRange(scrollTop, height, rowHeight, items.length, overscan);

  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    const step = keys[event.key];
    const row = (event.target as HTMLElement).closest?.('[data-index]');
    if (step === undefined || !row || !viewport.current) return;
    event.preventDefault();
    const target = Math.min(
      items.length - 1,
      Math.max(0, Number(row.getAttribute('data-index')) + step),
    );
    const next = scrollToShow(target, viewport.current.scrollTop, height, rowHeight);
    viewport.current.scrollTop = next;
    setScrollTop(next);
    setFocusIndex(target);
  };

  return (
    <div
      ref={viewport}
      class="virtual-list"
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div
        role="list"
        aria-label={label}
        style={{ position: 'relative', height: `${items.length * rowHeight}px` }}
      >
        {items.slice(start, end).map((item, offset) => {
          const index = start + offset;
          return (
            <div
              key={rowKey(item)}
              role="listitem"
              aria-setsize={items.length}
              aria-posinset={index + 1}
              data-index={index}
              class="virtual-row"
              style={{
                position: 'absolute',
                left: 0,
                right: 0,
                top: `${index * rowHeight}px`,
                height: `${rowHeight}px`,
              }}
            >
              {renderRow(item, index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}

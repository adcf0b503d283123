import type { TargetedKeyboardEvent, TargetedPointerEvent, TargetedWheelEvent } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  GEOMETRY,
  nearestInDirection,
  slotAt,
  slotFromKey,
  slotKey,
  slotOf,
  stepInfluence,
  stepLevel,
  stepStance,
  type MapLayout,
  type MapPerson,
  type PlacedItem,
  type Slot,
} from '@/utils/map/layout';
import { influenceBars, stanceTone } from '@/utils/map/export';
import {
  CORNER_HEADING,
  INFLUENCE_HEADINGS,
  LEVEL_HEADINGS,
  STANCE_HEADINGS,
  describePerson,
  describeSlot,
} from '@/utils/map/labels';
import { orderedPair, type Tie } from '@/utils/model';

/** The people and ties a "Who can get me to them?" answer lights up. */
export interface Highlight {
  target: string;
  people: ReadonlySet<string>;
  ties: ReadonlySet<string>;
  /** The best way in, drawn stronger. */
  best: ReadonlySet<string>;
  bestTies: ReadonlySet<string>;
}

/** The key of a tie between two people, whatever the order they are named in. */
export function pairKey(x: string, y: string): string {
  return orderedPair(x, y).join('\u0000');
}

export interface MapCanvasProps {
  layout: MapLayout;
  ties: readonly Tie[];
  selected: string | null;
  highlight: Highlight | null;
  /** A tie being drawn from the keyboard: its first person. */
  tieFrom: string | null;
  /** What dragging a person does. */
  dragMode: 'move' | 'tie';
  onSelect(slug: string): void;
  onMove(person: MapPerson, slot: Slot): void;
  onTie(from: MapPerson, to: MapPerson): void;
  onStartTie(person: MapPerson | null): void;
  onToggleSlot(slot: string): void;
  onOpenRecord(person: MapPerson): void;
  announce(text: string): void;
}

/** The centre of a chip, in map pixels. */
function centreOf(item: PlacedItem): { x: number; y: number } {
  return { x: item.x + item.width / 2, y: item.y + item.height / 2 };
}

/** A pointer gesture on a chip: a click, a move, or the drawing of a tie. */
interface Drag {
  item: PlacedItem & { kind: 'person' };
  chip: HTMLElement;
  pointerId: number;
  startX: number;
  startY: number;
  /** Where the map was in the window, and its scroll, when the press began. */
  box: { left: number; top: number; scrollLeft: number; scrollTop: number };
  moved: boolean;
  /** The tie lines that follow the person, with which end is theirs. */
  lines: Array<{ line: SVGLineElement; end: 1 | 2 }>;
  frame: number;
  lastX: number;
  lastY: number;
  /** The slot under the pointer, as last shown. */
  over: string | null;
}

/** Near the edge of the map's window, a drag scrolls it this much per frame. */
const EDGE = 32;
const EDGE_STEP = 14;

/** Pixels a pointer must travel before a press becomes a drag. */
const DRAG_THRESHOLD = 4;
export const MIN_ZOOM = 0.3;
export const MAX_ZOOM = 2;
/** The map opens as wide as the window, but never so small that names are hard to read. */
const MIN_OPENING_ZOOM = 0.75;

function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/**
 * The zoom the map opens at: as wide as the window, never below MIN_OPENING_ZOOM nor above 1.
 * Estimated from the window (less the side column, map.css) rather than measured: measuring the
 * map's box before the first paint made the browser lay out every chip twice.
 */
function openingZoom(mapWidth: number): number {
  const side = innerWidth > 760 ? 360 : 0;
  return clampZoom(Math.min(1, Math.max(MIN_OPENING_ZOOM, (innerWidth - 40 - side) / mapWidth)));
}

/** The key holder's diamond, filled as far as they know the user's recent work (CSS shapes:
 * no SVG per chip, which cost a fifth of the first draw at 500 people). */
function Diamond({ awareness }: { awareness: MapPerson['awareness'] }) {
  return <span class={`key-icon aware-${awareness ?? 'none'}`} aria-hidden="true" />;
}

/** Three bars, as many filled as the person's influence; "?" when unknown. */
function InfluenceBars({ influence }: { influence: MapPerson['influence'] }) {
  const bars = influenceBars(influence);
  return (
    <span class={`influence bars-${bars ?? 'unknown'}`} aria-hidden="true">
      {bars === null ? '?' : ''}
    </span>
  );
}

/**
 * The map itself: the grid of levels, stances and influence lanes, the ties, and a chip per
 * person (or per crowd). Pointer: drag a chip to move the person (or, in tie mode, onto another
 * to tie them), drag the background to pan, Ctrl + wheel to zoom. Keyboard: docs/map.md.
 * A drag moves the chip and its ties directly in the DOM, one update per frame; the page redraws
 * once, when the change is saved.
 */
export function MapCanvas(props: MapCanvasProps) {
  const { layout, ties, selected, highlight, tieFrom } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const plane = useRef<HTMLDivElement>(null);
  const lines = useRef<SVGGElement>(null);
  const dropTarget = useRef<HTMLDivElement>(null);
  const draftLine = useRef<SVGLineElement>(null);
  const dropLabel = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const pan = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  // The chip that takes Tab into the map (one stop, arrows move between chips).
  const [focusId, setFocusId] = useState<string | null>(null);
  const wantFocus = useRef<string | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [zoom, setZoomLevel] = useState(() => openingZoom(layout.width));
  // The point of the map to keep still across a zoom, and where it is in the window.
  const anchor = useRef<{ x: number; y: number; left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const kept = anchor.current;
    const view = viewport.current;
    if (!kept || !view) return;
    anchor.current = null;
    view.scrollLeft = kept.x * zoom - kept.left;
    view.scrollTop = kept.y * zoom - kept.top;
  }, [zoom]);

  /** Zooms around a point of the window (its centre by default). */
  const zoomTo = (next: number, around?: { clientX: number; clientY: number }) => {
    const view = viewport.current;
    if (!view) return;
    const box = view.getBoundingClientRect();
    const left = around ? around.clientX - box.left : view.clientWidth / 2;
    const top = around ? around.clientY - box.top : view.clientHeight / 2;
    anchor.current = {
      x: (view.scrollLeft + left) / zoom,
      y: (view.scrollTop + top) / zoom,
      left,
      top,
    };
    setZoomLevel(clampZoom(next));
  };

  const fit = () => {
    const view = viewport.current;
    if (!view) return;
    setZoomLevel(
      clampZoom(Math.min(view.clientWidth / layout.width, view.clientHeight / layout.height)),
    );
    view.scrollLeft = 0;
    view.scrollTop = 0;
  };

  const byId = useMemo(() => new Map(layout.items.map((item) => [item.id, item])), [layout]);
  const tabStop =
    (focusId && byId.has(focusId) && focusId) ||
    (selected && layout.placeOf.get(selected)?.id) ||
    layout.items[0]?.id;

  // After a keyboard move the chip is drawn again elsewhere: focus follows it.
  useLayoutEffect(() => {
    const id = wantFocus.current;
    if (!id) return;
    const target = plane.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
    if (target) {
      wantFocus.current = null;
      target.focus();
      target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  });

  const focusItem = (id: string) => {
    setFocusId(id);
    wantFocus.current = id;
  };

  const keyMove = (person: MapPerson, patch: Partial<Slot> | null, edge: string) => {
    if (!patch) return props.announce(edge);
    focusItem(`person:${person.slug}`);
    props.onMove(person, { ...slotOf(person), ...patch });
  };

  const onChipKey = (item: PlacedItem, event: TargetedKeyboardEvent<HTMLButtonElement>) => {
    const arrow = event.key.startsWith('Arrow')
      ? (event.key.slice(5).toLowerCase() as 'up' | 'down' | 'left' | 'right')
      : null;
    if (arrow && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const next = nearestInDirection(layout.items, item, arrow);
      if (next) focusItem(next.id);
      return;
    }
    if (item.kind === 'group') return;
    const person = item.person;
    if (arrow && event.shiftKey) {
      event.preventDefault();
      if (arrow === 'up' || arrow === 'down') {
        const level = stepLevel(person.level, arrow === 'up' ? 1 : -1);
        keyMove(
          person,
          level && { level },
          `${person.name} is already on the ${arrow === 'up' ? 'top' : 'bottom'} row.`,
        );
      } else {
        const stance = stepStance(person.stance, arrow === 'right' ? 1 : -1);
        keyMove(
          person,
          stance && { stance },
          `${person.name} is already in the ${arrow === 'right' ? 'last' : 'first'} column.`,
        );
      }
    } else if (event.key === '+' || event.key === '=' || event.key === '-') {
      event.preventDefault();
      const influence = stepInfluence(person.influence, event.key === '-' ? -1 : 1);
      keyMove(
        person,
        influence && { influence },
        `${person.name}'s influence cannot go ${event.key === '-' ? 'lower' : 'higher'}.`,
      );
    } else if (event.key === 't' || event.key === 'T') {
      event.preventDefault();
      if (tieFrom && tieFrom !== person.slug) {
        const from = layout.placeOf.get(tieFrom);
        if (from?.kind === 'person') props.onTie(from.person, person);
      } else {
        props.onStartTie(tieFrom ? null : person);
      }
    } else if (event.key === 'Enter' && tieFrom && tieFrom !== person.slug) {
      event.preventDefault();
      const from = layout.placeOf.get(tieFrom);
      if (from?.kind === 'person') props.onTie(from.person, person);
    } else if (event.key === 'o' || event.key === 'O') {
      event.preventDefault();
      props.onOpenRecord(person);
    } else if (event.key === 'Escape' && tieFrom) {
      event.preventDefault();
      props.onStartTie(null);
    }
  };

  // ---- Pointer: drag a chip, pan the background ----
  // Each frame of a drag changes only transforms and a few attributes, from values measured when
  // the press began: nothing asks the browser to lay the map out again (docs/map.md).

  /** The map point under a pointer during a drag, from the box measured when it began. */
  const dragPoint = (current: Drag) => {
    const view = viewport.current!;
    return {
      x: (current.lastX - current.box.left + view.scrollLeft - current.box.scrollLeft) / zoom,
      y: (current.lastY - current.box.top + view.scrollTop - current.box.scrollTop) / zoom,
    };
  };

  const showDrop = (slot: Slot | null, at: { x: number; y: number }) => {
    const target = dropTarget.current!;
    const label = dropLabel.current!;
    if (!slot) {
      target.hidden = true;
      label.hidden = true;
      return;
    }
    const key = slotKey(slot);
    if (drag.current?.over !== key) {
      if (drag.current) drag.current.over = key;
      const column = layout.columns.find((c) => c.stance === slot.stance)!;
      const lane = layout.rows
        .find((r) => r.level === slot.level)!
        .lanes.find((l) => l.influence === slot.influence)!;
      target.style.transform = `translate(${column.x}px, ${lane.y}px)`;
      target.style.width = `${column.width}px`;
      target.style.height = `${lane.height}px`;
      label.textContent = `Move to ${describeSlot(slot)}`;
    }
    target.hidden = false;
    label.hidden = false;
    label.style.transform = `translate(${at.x + 12}px, ${at.y + 12}px)`;
  };

  const endDrag = (commit: boolean) => {
    const current = drag.current;
    if (!current) return;
    cancelAnimationFrame(current.frame);
    const at = dragPoint(current);
    drag.current = null;
    current.chip.classList.remove('dragging');
    current.chip.style.transform = '';
    const centre = centreOf(current.item);
    for (const { line, end } of current.lines) {
      line.setAttribute(`x${end}`, String(centre.x));
      line.setAttribute(`y${end}`, String(centre.y));
    }
    showDrop(null, at);
    draftLine.current!.style.display = 'none';
    if (!commit || !current.moved) return;
    const person = current.item.person;
    if (latest.current.dragMode === 'tie') {
      const under = document
        .elementFromPoint(current.lastX, current.lastY)
        ?.closest<HTMLElement>('[data-slug]');
      const other = under && layout.placeOf.get(under.dataset.slug!);
      if (other?.kind === 'person' && other.person.slug !== person.slug)
        props.onTie(person, other.person);
      return;
    }
    const slot = slotAt(layout, at.x, at.y);
    if (slot && slotKey(slot) !== current.item.slot) props.onMove(person, slot);
  };

  /** Scrolls the map's window when a drag nears its edge; whether it did. */
  const scrollNearEdge = (current: Drag): boolean => {
    const view = viewport.current!;
    const box = view.getBoundingClientRect();
    const by = (position: number, start: number, end: number) =>
      position < start + EDGE ? -EDGE_STEP : position > end - EDGE ? EDGE_STEP : 0;
    const x = by(current.lastX, box.left, box.right);
    const y = by(current.lastY, box.top, box.bottom);
    if (!x && !y) return false;
    const before = [view.scrollLeft, view.scrollTop];
    view.scrollBy(x, y);
    return view.scrollLeft !== before[0] || view.scrollTop !== before[1];
  };

  const drawDrag = () => {
    const current = drag.current;
    if (!current) return;
    current.frame = 0;
    const at = dragPoint(current);
    const centre = centreOf(current.item);
    if (latest.current.dragMode === 'tie') {
      const line = draftLine.current!;
      line.style.display = '';
      line.setAttribute('x1', String(centre.x));
      line.setAttribute('y1', String(centre.y));
      line.setAttribute('x2', String(at.x));
      line.setAttribute('y2', String(at.y));
    } else {
      const dx = at.x - (current.startX - current.box.left) / zoom;
      const dy = at.y - (current.startY - current.box.top) / zoom;
      current.chip.style.transform = `translate(${dx}px, ${dy}px)`;
      for (const { line, end } of current.lines) {
        line.setAttribute(`x${end}`, String(centre.x + dx));
        line.setAttribute(`y${end}`, String(centre.y + dy));
      }
      showDrop(slotAt(layout, at.x, at.y), at);
    }
    // Keeps scrolling while the pointer rests near the edge.
    if (scrollNearEdge(current)) current.frame = requestAnimationFrame(drawDrag);
  };

  const onChipPointerDown = (item: PlacedItem, event: TargetedPointerEvent<HTMLButtonElement>) => {
    const view = viewport.current;
    const map = plane.current;
    if (event.button !== 0 || item.kind !== 'person' || !view || !map) return;
    event.stopPropagation();
    const slug = item.person.slug;
    const attached = [...(lines.current?.querySelectorAll<SVGLineElement>('line.tie') ?? [])]
      .filter((line) => line.dataset.a === slug || line.dataset.b === slug)
      .map((line) => ({ line, end: (line.dataset.a === slug ? 1 : 2) as 1 | 2 }));
    const box = map.getBoundingClientRect();
    drag.current = {
      item,
      chip: event.currentTarget,
      pointerId: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      box: { left: box.left, top: box.top, scrollLeft: view.scrollLeft, scrollTop: view.scrollTop },
      lastX: event.clientX,
      lastY: event.clientY,
      moved: false,
      lines: attached,
      frame: 0,
      over: null,
    };
  };

  const onPointerMove = (event: TargetedPointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (current && event.pointerId === current.pointerId) {
      current.lastX = event.clientX;
      current.lastY = event.clientY;
      if (
        !current.moved &&
        Math.hypot(event.clientX - current.startX, event.clientY - current.startY) >= DRAG_THRESHOLD
      ) {
        current.moved = true;
        viewport.current?.setPointerCapture(event.pointerId);
        current.chip.classList.add('dragging');
      }
      if (current.moved && !current.frame) current.frame = requestAnimationFrame(drawDrag);
      return;
    }
    const from = pan.current;
    if (from && viewport.current) {
      viewport.current.scrollLeft = from.left - (event.clientX - from.x);
      viewport.current.scrollTop = from.top - (event.clientY - from.y);
    }
  };

  const onPointerUp = (event: TargetedPointerEvent<HTMLDivElement>) => {
    pan.current = null;
    const current = drag.current;
    if (!current || event.pointerId !== current.pointerId) return;
    if (!current.moved) {
      drag.current = null;
      return;
    }
    current.lastX = event.clientX;
    current.lastY = event.clientY;
    endDrag(true);
  };

  const onBackgroundPointerDown = (event: TargetedPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !viewport.current) return;
    if ((event.target as Element).closest('button')) return;
    pan.current = {
      x: event.clientX,
      y: event.clientY,
      left: viewport.current.scrollLeft,
      top: viewport.current.scrollTop,
    };
    // The pan goes on while the pointer is outside the map, until the button is let go.
    viewport.current.setPointerCapture(event.pointerId);
  };

  const onWheel = (event: TargetedWheelEvent<HTMLDivElement>) => {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    zoomTo(zoom * Math.exp(-event.deltaY / 500), event);
  };

  const onChipClick = (item: PlacedItem) => {
    if (item.kind === 'group') {
      setFocusId(item.id);
      wantFocus.current = item.id;
      props.onToggleSlot(item.slot);
      return;
    }
    setFocusId(item.id);
    if (tieFrom && tieFrom !== item.person.slug) {
      const from = layout.placeOf.get(tieFrom);
      if (from?.kind === 'person') return props.onTie(from.person, item.person);
    }
    props.onSelect(item.person.slug);
  };

  const lit = (slug: string) => highlight?.people.has(slug) ?? false;
  const tieLines = ties.flatMap((tie) => {
    const a = layout.placeOf.get(tie.a);
    const b = layout.placeOf.get(tie.b);
    if (!a || !b || a === b) return [];
    const key = pairKey(tie.a, tie.b);
    const from = centreOf(a);
    const to = centreOf(b);
    const cls = [
      'tie',
      highlight?.bestTies.has(key) ? 'best' : highlight?.ties.has(key) ? 'lit' : '',
      a.kind === 'group' || b.kind === 'group' ? 'to-group' : '',
    ].join(' ');
    return [
      <line
        key={tie.id}
        class={cls}
        data-a={tie.a}
        data-b={tie.b}
        x1={from.x}
        y1={from.y}
        x2={to.x}
        y2={to.y}
      />,
    ];
  });

  return (
    <div class="map-frame">
      <div class="row map-zoom" role="group" aria-label="Zoom">
        <button type="button" aria-label="Zoom out" onClick={() => zoomTo(zoom / 1.25)}>
          −
        </button>
        <output aria-live="off">{Math.round(zoom * 100)}%</output>
        <button type="button" aria-label="Zoom in" onClick={() => zoomTo(zoom * 1.25)}>
          +
        </button>
        <button type="button" onClick={fit}>
          Fit the whole map
        </button>
        <button type="button" onClick={() => zoomTo(1)}>
          Actual size
        </button>
      </div>
      <div
        ref={viewport}
        class={`map-viewport${highlight ? ' has-highlight' : ''}`}
        role="region"
        aria-label="Alliance map"
        aria-describedby="map-keys"
        tabIndex={0}
        onPointerDown={onBackgroundPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          pan.current = null;
          endDrag(false);
        }}
        onLostPointerCapture={() => {
          pan.current = null;
          if (drag.current?.moved) endDrag(false);
        }}
        onWheel={onWheel}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && drag.current) endDrag(false);
          // On the map itself (not a chip, where these keys move a person): zoom.
          if (event.target !== viewport.current) return;
          if (event.key === '+' || event.key === '=') zoomTo(zoom * 1.25);
          else if (event.key === '-') zoomTo(zoom / 1.25);
        }}
      >
        <div
          class="map-sizer"
          style={{ width: `${layout.width * zoom}px`, height: `${layout.height * zoom}px` }}
        >
          <div
            ref={plane}
            class="map-plane"
            style={{
              width: `${layout.width}px`,
              height: `${layout.height}px`,
              transform: `scale(${zoom})`,
            }}
          >
            <svg class="map-grid" width={layout.width} height={layout.height} aria-hidden="true">
              <text
                class="lane-heading"
                x={6}
                y={GEOMETRY.columnHeader / 2}
                dominant-baseline="central"
              >
                {CORNER_HEADING}
              </text>
              {layout.columns.map((column, i) => (
                <g key={column.stance}>
                  {i % 2 === 1 && (
                    <rect
                      class="band"
                      x={column.x}
                      y={0}
                      width={column.width}
                      height={layout.height}
                    />
                  )}
                  <text
                    class="heading"
                    x={column.x + column.width / 2}
                    y={GEOMETRY.columnHeader / 2}
                    text-anchor="middle"
                    dominant-baseline="central"
                  >
                    {STANCE_HEADINGS[column.stance]}
                  </text>
                </g>
              ))}
              {layout.rows.map((row) => (
                <g key={row.level}>
                  <line class="rule" x1={0} x2={layout.width} y1={row.y} y2={row.y} />
                  <text class="heading" x={6} y={row.y + 14}>
                    {LEVEL_HEADINGS[row.level]}
                  </text>
                  {row.lanes.map((lane) => (
                    <g key={lane.influence}>
                      {lane.y > row.y && (
                        <line
                          class="lane-rule"
                          x1={GEOMETRY.rowHeader}
                          x2={layout.width}
                          y1={lane.y}
                          y2={lane.y}
                        />
                      )}
                      <text
                        class="lane-heading"
                        x={GEOMETRY.rowHeader - 6}
                        y={lane.y + GEOMETRY.lanePadY + GEOMETRY.chipHeight / 2}
                        text-anchor="end"
                        dominant-baseline="central"
                      >
                        {INFLUENCE_HEADINGS[lane.influence]}
                      </text>
                    </g>
                  ))}
                </g>
              ))}
              <g ref={lines}>{tieLines}</g>
              <line ref={draftLine} class="tie draft" style={{ display: 'none' }} />
            </svg>
            {layout.items.map((item) => {
              const isPerson = item.kind === 'person';
              const slug = isPerson ? item.person.slug : null;
              const cls = [
                'map-chip',
                isPerson ? `map-person tone-${stanceTone(item.person.stance)}` : 'map-group',
                slug && slug === selected ? 'selected' : '',
                slug && slug === tieFrom ? 'tie-from' : '',
                slug && highlight?.best.has(slug) ? 'best' : slug && lit(slug) ? 'lit' : '',
                !isPerson && item.slugs.some(lit) ? 'lit' : '',
                highlight && slug === highlight.target ? 'target' : '',
                isPerson && item.person.offMap ? 'off-map' : '',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <button
                  key={item.id}
                  type="button"
                  class={cls}
                  data-id={item.id}
                  data-slug={slug ?? undefined}
                  tabIndex={item.id === tabStop ? 0 : -1}
                  aria-pressed={isPerson ? slug === selected : undefined}
                  aria-expanded={isPerson ? undefined : item.open}
                  aria-label={
                    isPerson
                      ? describePerson(item.person)
                      : item.open
                        ? `Show fewer people in ${describeSlot(slotFromKey(item.slot))}`
                        : `${item.slugs.length} more people in ${describeSlot(slotFromKey(item.slot))}: show them`
                  }
                  // Preact 11 adds no unit to numbers in styles.
                  style={{ left: `${item.x}px`, top: `${item.y}px`, width: `${item.width}px` }}
                  onPointerDown={(event) => onChipPointerDown(item, event)}
                  onClick={() => onChipClick(item)}
                  onDblClick={() => isPerson && props.onOpenRecord(item.person)}
                  onKeyDown={(event) => onChipKey(item, event)}
                  onFocus={() => setFocusId(item.id)}
                >
                  {isPerson && item.person.isKeyHolder && (
                    <Diamond awareness={item.person.awareness} />
                  )}
                  <span class="chip-label">{item.label}</span>
                  {isPerson && <InfluenceBars influence={item.person.influence} />}
                </button>
              );
            })}
            <div ref={dropTarget} class="drop-target" hidden />
            <div ref={dropLabel} class="drop-label" hidden />
          </div>
        </div>
      </div>
    </div>
  );
}

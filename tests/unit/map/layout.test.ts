import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GEOMETRY,
  MAP_INFLUENCES,
  MAP_LEVELS,
  MAP_STANCES,
  fitLabel,
  layoutMap,
  nearestInDirection,
  slotAt,
  slotKey,
  slotOf,
  stepInfluence,
  stepLevel,
  stepStance,
  type MapLayout,
  type MapPerson,
  type PlacedItem,
  type Rect,
} from '@/utils/map/layout';

/** A stand-in for the page's measured widths: wide enough for any real glyph at 12 px. */
const textWidth = (text: string) => Array.from(text).length * 7.5;

function person(slug: string, fields: Partial<MapPerson> = {}): MapPerson {
  return {
    slug,
    name: slug,
    level: 'plus2',
    stance: 'supporter',
    influence: 'high',
    roles: ['ally'],
    isKeyHolder: false,
    awareness: null,
    ...fields,
  };
}

const arbitraryPerson = (slug: string) =>
  fc.record({
    slug: fc.constant(slug),
    name: fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
    ),
    level: fc.constantFrom(...MAP_LEVELS),
    stance: fc.constantFrom(...MAP_STANCES),
    influence: fc.constantFrom(...MAP_INFLUENCES),
    roles: fc.constant<MapPerson['roles']>(['ally']),
    isKeyHolder: fc.boolean(),
    awareness: fc.constantFrom(null, 'full' as const, 'none' as const),
  });

/** 0 to `max` people, with their slugs unique; `crowd` puts most of them in few places. */
function arbitraryPeople(max: number, crowd = false): fc.Arbitrary<MapPerson[]> {
  return fc
    .integer({ min: 0, max })
    .chain((count) =>
      fc
        .tuple(...Array.from({ length: count }, (_, i) => arbitraryPerson(`p${i}`)))
        .map((people) =>
          crowd
            ? people.map((p, i) =>
                i % 5 === 0 ? p : { ...p, level: 'plus1' as const, stance: 'neutral' as const },
              )
            : people,
        ),
    );
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The invariants every layout keeps, whatever the people. */
function checkLayout(layout: MapLayout, people: readonly MapPerson[], opened: Set<string>) {
  // No two chips overlap (sorted by y, so only near neighbours are compared).
  const byTop = [...layout.items].sort((a, b) => a.y - b.y);
  for (let i = 0; i < byTop.length; i++) {
    for (let j = i + 1; j < byTop.length && byTop[j]!.y < byTop[i]!.y + byTop[i]!.height; j++) {
      expect(overlaps(byTop[i]!, byTop[j]!), `${byTop[i]!.id} and ${byTop[j]!.id}`).toBe(false);
    }
  }
  // Each chip stays inside its own column and lane, so it is where its slot says.
  for (const item of layout.items) {
    const [level, stance, influence] = item.slot.split('|');
    const column = layout.columns.find((c) => c.stance === stance)!;
    const lane = layout.rows
      .find((r) => r.level === level)!
      .lanes.find((l) => l.influence === influence)!;
    expect(item.x).toBeGreaterThanOrEqual(column.x);
    expect(item.x + item.width).toBeLessThanOrEqual(column.x + column.width);
    expect(item.y).toBeGreaterThanOrEqual(lane.y);
    expect(item.y + item.height).toBeLessThanOrEqual(lane.y + lane.height);
    expect(item.x + item.width).toBeLessThanOrEqual(layout.width);
    expect(item.y + item.height).toBeLessThanOrEqual(layout.height);
  }
  // Nobody is silently hidden: each person has their own chip or is counted by one group.
  const shown = layout.items.filter((item) => item.kind === 'person');
  const groups = layout.items.filter((item) => item.kind === 'group');
  const counted = groups.flatMap((group) => group.slugs);
  expect(shown.length + counted.length).toBe(people.length);
  expect(new Set([...shown.map((item) => item.person.slug), ...counted]).size).toBe(people.length);
  for (const group of groups) {
    if (group.open) expect(group.slugs).toEqual([]);
    else expect(group.label).toBe(`+${group.slugs.length} more`);
    expect(opened.has(group.slot)).toBe(group.open);
  }
  for (const p of people) {
    const place = layout.placeOf.get(p.slug)!;
    expect(place.slot).toBe(slotKey(slotOf(p)));
    if (place.kind === 'group') expect(place.slugs).toContain(p.slug);
    else expect(place.person.slug).toBe(p.slug);
  }
  // Every name drawn is readable: whole, or its beginning with an ellipsis, within its chip.
  for (const item of shown) {
    expect(textWidth(item.label)).toBeLessThanOrEqual(GEOMETRY.maxLabelWidth);
    const name = item.person.name;
    if (item.label !== name) {
      expect(item.label.endsWith('…')).toBe(true);
      expect(name.startsWith(item.label.slice(0, -1))).toBe(true);
    }
  }
}

describe('layoutMap', () => {
  it('never overlaps two chips and hides nobody, at up to 500 people', () => {
    fc.assert(
      fc.property(arbitraryPeople(500), fc.boolean(), (people, crowd) => {
        const placed = crowd
          ? people.map((p) => ({ ...p, level: 'plus1' as const, influence: 'high' as const }))
          : people;
        checkLayout(layoutMap(placed, { textWidth }), placed, new Set());
      }),
      { numRuns: 40 },
    );
  });

  it('shows everyone of the slots the user opened, and keeps the rest in order', () => {
    fc.assert(
      fc.property(arbitraryPeople(300, true), fc.integer({ min: 0, max: 119 }), (people, pick) => {
        const slots = [...new Set(people.map((p) => slotKey(slotOf(p))))];
        const opened = new Set(slots.length ? [slots[pick % slots.length]!] : []);
        const layout = layoutMap(people, { textWidth, opened });
        checkLayout(layout, people, opened);
        for (const item of layout.items)
          if (item.kind === 'group' && !item.open) expect(opened.has(item.slot)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('shows pinned people even in a crowded place', () => {
    fc.assert(
      fc.property(arbitraryPeople(200, true), fc.nat(), (people, at) => {
        if (!people.length) return;
        const pinned = people[at % people.length]!.slug;
        const layout = layoutMap(people, { textWidth, pinned: new Set([pinned]) });
        expect(layout.placeOf.get(pinned)?.kind).toBe('person');
      }),
      { numRuns: 40 },
    );
  });

  it('groups a crowded place with a count that opens it', () => {
    const people = Array.from({ length: 30 }, (_, i) =>
      person(`p${i}`, { name: `Person number ${i}` }),
    );
    const closed = layoutMap(people, { textWidth });
    const group = closed.items.find((item) => item.kind === 'group');
    expect(group).toBeDefined();
    const shown = closed.items.filter((item) => item.kind === 'person').length;
    expect(group!.label).toBe(`+${30 - shown} more`);
    expect(shown).toBeGreaterThan(0);

    const open = layoutMap(people, { textWidth, opened: new Set([group!.slot]) });
    expect(open.items.filter((item) => item.kind === 'person')).toHaveLength(30);
    expect(open.items.find((item) => item.kind === 'group')?.label).toBe('Show fewer');
    // The opened place takes the room it needs: the map grows.
    expect(open.height).toBeGreaterThan(closed.height);
  });

  it('puts key holders first in their place, then names in order', () => {
    const layout = layoutMap(
      [
        person('zed', { name: 'Zed' }),
        person('amy', { name: 'Amy' }),
        person('kim', { name: 'Kim', isKeyHolder: true }),
      ],
      { textWidth },
    );
    expect(layout.items.map((item) => (item.kind === 'person' ? item.label : ''))).toEqual([
      'Kim',
      'Amy',
      'Zed',
    ]);
  });

  it('places rows by level (top first), columns by stance and lanes by influence', () => {
    const layout = layoutMap(
      [
        person('top', { level: 'plus3', stance: 'champion', influence: 'high' }),
        person('low', { level: 'report', stance: 'skeptic', influence: 'low' }),
      ],
      { textWidth },
    );
    const top = layout.placeOf.get('top')!;
    const low = layout.placeOf.get('low')!;
    expect(top.y).toBeLessThan(low.y);
    expect(top.x).toBeGreaterThan(low.x);
    expect(layout.rows.map((row) => row.level)).toEqual(MAP_LEVELS);
    expect(layout.columns.map((column) => column.stance)).toEqual(MAP_STANCES);
  });
});

describe('slotAt', () => {
  it('finds the slot of any chip from its centre, and nothing in the headers', () => {
    fc.assert(
      fc.property(arbitraryPeople(120), (people) => {
        const layout = layoutMap(people, { textWidth });
        for (const item of layout.items) {
          const slot = slotAt(layout, item.x + item.width / 2, item.y + item.height / 2);
          expect(slot && slotKey(slot)).toBe(item.slot);
        }
        expect(slotAt(layout, 1, GEOMETRY.columnHeader + 5)).toBeNull();
        expect(slotAt(layout, GEOMETRY.rowHeader + 5, 1)).toBeNull();
        expect(slotAt(layout, layout.width + 1, layout.height - 1)).toBeNull();
      }),
      { numRuns: 20 },
    );
  });
});

describe('keyboard steps', () => {
  it('moves up toward +3, right toward champion and up in influence, stopping at the edges', () => {
    expect(stepLevel('plus1', 1)).toBe('plus2');
    expect(stepLevel('plus3', 1)).toBeNull();
    expect(stepLevel('unknown', 1)).toBe('report');
    expect(stepLevel('unknown', -1)).toBeNull();
    expect(stepStance('neutral', 1)).toBe('supporter');
    expect(stepStance('champion', 1)).toBeNull();
    expect(stepStance('unknown', -1)).toBeNull();
    expect(stepInfluence('low', 1)).toBe('medium');
    expect(stepInfluence('high', 1)).toBeNull();
    expect(stepInfluence('unknown', 1)).toBe('low');
  });

  it('reaches, with arrows, a chip in that direction, and every chip of a lane by going right', () => {
    fc.assert(
      fc.property(arbitraryPeople(80), (people) => {
        const layout = layoutMap(people, { textWidth });
        for (const item of layout.items) {
          for (const direction of ['up', 'down', 'left', 'right'] as const) {
            const next = nearestInDirection(layout.items, item, direction);
            if (!next) continue;
            const dx = next.x + next.width / 2 - (item.x + item.width / 2);
            const dy = next.y + next.height / 2 - (item.y + item.height / 2);
            const along = { up: -dy, down: dy, left: -dx, right: dx }[direction];
            expect(along).toBeGreaterThan(0);
          }
        }
        const lineStarts = new Map<number, PlacedItem[]>();
        for (const item of layout.items)
          lineStarts.set(item.y, [...(lineStarts.get(item.y) ?? []), item]);
        for (const line of lineStarts.values()) {
          const sorted = line.sort((a, b) => a.x - b.x);
          for (let i = 0; i + 1 < sorted.length; i++)
            expect(nearestInDirection(layout.items, sorted[i]!, 'right')?.id).toBe(
              sorted[i + 1]!.id,
            );
        }
      }),
      { numRuns: 20 },
    );
  });
});

describe('fitLabel', () => {
  it('keeps a name that fits and cuts a long one after a word, or a character, with an ellipsis', () => {
    expect(fitLabel('Dana Lee', 150, textWidth)).toBe('Dana Lee');
    const long = 'Alexandra Konstantinopoulou-Papadimitriou';
    const cut = fitLabel(long, 150, textWidth);
    // After a whole word: what shows is the start of the name a screen reader hears.
    expect(cut).toBe('Alexandra…');
    expect(textWidth(cut)).toBeLessThanOrEqual(150);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    // An emoji is one character: never cut in half.
    expect(fitLabel('😀'.repeat(40), 30, textWidth)).toBe('😀😀😀…');
  });
});

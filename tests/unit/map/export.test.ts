// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mapSvgText } from '@/utils/map/export';
import { ALL_SLOTS, layoutMap, type MapPerson } from '@/utils/map/layout';
import { orderedPair, type Tie } from '@/utils/model';

const MARKUP = '<img src=x onerror="window.__pwned=1"><b>Bold</b> & "quotes"';
const textWidth = (text: string) => Array.from(text).length * 7.5;
function person(slug: string, name: string): MapPerson {
  return {
    slug,
    name,
    level: 'plus1',
    stance: 'champion',
    influence: 'high',
    roles: ['ally'],
    isKeyHolder: slug === 'p0',
    awareness: slug === 'p0' ? 'partial' : null,
  };
}

describe('the SVG export', () => {
  it('names everyone, a crowd included, with names as text and never as markup', () => {
    const people = [
      person('evil', MARKUP),
      ...Array.from({ length: 30 }, (_, i) => person(`p${i}`, `Person ${i}`)),
    ];
    const [a, b] = orderedPair('p0', 'p1');
    const ties: Tie[] = [{ id: 't', a, b, label: '', createdAt: 0 }];
    const layout = layoutMap(people, { textWidth, opened: ALL_SLOTS });
    const text = mapSvgText(document, layout, ties);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const svg = doc.documentElement;
    expect(svg.getAttribute('width')).toBe(String(layout.width));
    expect(svg.querySelector('img, b, script')).toBeNull();
    const texts = [...svg.querySelectorAll('text')].map((node) => node.textContent);
    for (let i = 0; i < 30; i++) expect(texts).toContain(`Person ${i}`);
    expect(texts.some((t) => t?.startsWith('<img'))).toBe(true);
    expect(texts.some((t) => /^\+\d+ more$/.test(t ?? ''))).toBe(false);
    // The tie, and the key holder's diamond.
    expect(svg.querySelectorAll('line').length).toBeGreaterThan(layout.rows.length);
    expect(svg.querySelectorAll('polygon')).toHaveLength(1);
  });
});

// @vitest-environment jsdom
/**
 * The map's words in the user's language: headings, what a screen reader hears of a chip, the
 * group chips, the undo labels, the exported picture, and its headings drawn in their own
 * direction for Arabic on a drawing that stays left to right (docs/translating.md).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLocales } from '@/build/check-locales';
import { createTranslator, type Translator } from '@/utils/i18n/translator';
import { UserError } from '@/utils/i18n/user-error';
import { describePlacement, placeEdit, tieEdit } from '@/utils/map/edits';
import { headingAnchor, mapSvgText } from '@/utils/map/export';
import { ALL_SLOTS, layoutMap } from '@/utils/map/layout';
import { describePerson, describeSlot, keyHolderSentence, levelHeading } from '@/utils/map/labels';
import type { AllianceDb } from '@/utils/db/schema';
import { person, textWidth } from './fixtures';

const LOCALES = readLocales(join(import.meta.dirname, '../../../public/_locales'));
function translatorFor(folder: string): Translator {
  return createTranslator((key) => LOCALES[folder]![key]?.message);
}
const de = translatorFor('de');
const ar = translatorFor('ar');
/** Text without the isolates a right-to-left translator sets around each value. */
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, '');

describe("the map's words", () => {
  it('name a place and a person in the language', () => {
    const slot = { level: 'peer', stance: 'unknown', influence: 'low' } as const;
    expect(describeSlot(slot, de)).toBe('Gleiche Ebene, Haltung unbekannt, geringer Einfluss');
    expect(plain(describeSlot(slot, ar))).toBe('نظراؤك، الموقف غير معروف، تأثير منخفض');
    const dana = person('dana', {
      name: 'Dana Lee',
      stance: 'champion',
      roles: ['ally', 'mentor'],
      isKeyHolder: true,
      awareness: 'full',
    });
    expect(describePerson(dana, de)).toBe(
      'Dana Lee: +2, Fürsprecher(in), hoher Einfluss, Verbündete(r) und Mentor(in), Schlüsselperson, die Ihre jüngste Arbeit kennt',
    );
    expect(plain(describePerson(dana))).toBe(
      'Dana Lee: +2, Champion, high influence, Ally and Mentor, key holder who knows your recent work',
    );
    expect(keyHolderSentence('Dana Lee', null, de)).toBe(
      'Schlüsselperson: Dana Lee kennt Ihre jüngste Arbeit nicht.',
    );
    expect(levelHeading('plus3', ar)).toBe('+3 فأعلى');
  });

  it('count a crowd with the plural form of the language', () => {
    const crowd = Array.from({ length: 40 }, (_, i) => person(`p${i}`, { name: `Person ${i}` }));
    const group = (t: Translator) => {
      const item = layoutMap(crowd, { textWidth, t }).items.find((i) => i.kind === 'group');
      if (item?.kind !== 'group') throw new Error('No group chip');
      return item;
    };
    // The words' widths differ: each language counts its own crowd.
    expect(group(de).slugs.length).toBeGreaterThan(2);
    expect(group(de).label).toBe(`+${group(de).slugs.length} weitere`);
    expect(group(ar).label).toBe(ar.n('map_more', group(ar).slugs.length));
    expect(group(ar).label).toMatch(/^\+\d+ آخر/);
    const opened = layoutMap(crowd, { textWidth, t: de, opened: new Set([group(de).slot]) });
    expect(opened.items.find((item) => item.kind === 'group')?.label).toBe('Weniger zeigen');
  });

  it('label the edits Undo and Redo name, and their failures', async () => {
    expect(describePlacement({ level: 'plus1', stance: 'champion' }, de)).toBe(
      'Ebene +1, Haltung Fürsprecher(in)',
    );
    const db = { people: { get: async () => undefined } } as unknown as AllianceDb;
    const move = placeEdit(db, 'sam', 'Sam', { influence: 'low' }, de);
    expect(move.label).toBe('Sam: Einfluss Gering');
    const failure = await move.apply().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).messageId).toBe('map_personGone');
    expect(
      plain(tieEdit(db, { slug: 'a', name: 'Ana' }, { slug: 'b', name: 'Ben' }, '', ar).label),
    ).toBe('الصلة بين Ana وBen');
  });

  it('export the picture with its headings in the language, in their own direction', () => {
    const people = [person('dana', { name: 'دانة' }), person('sam', { stance: 'skeptic' })];
    const layout = layoutMap(people, { textWidth, opened: ALL_SLOTS, t: ar });
    const doc = new DOMParser().parseFromString(
      mapSvgText(document, layout, [], ar),
      'image/svg+xml',
    );
    expect(doc.querySelector('title')?.textContent).toBe('خريطة التحالف');
    const heading = [...doc.querySelectorAll('text')].find(
      (node) => node.textContent === 'المستوى · التأثير',
    );
    // At the left edge of a left-to-right drawing: the end of a right-to-left text.
    expect(heading?.getAttribute('direction')).toBe('rtl');
    expect(heading?.getAttribute('text-anchor')).toBe('end');
    expect(Number(heading?.getAttribute('x'))).toBeLessThan(20);
    const texts = [...doc.querySelectorAll('text')].map((node) => node.textContent);
    expect(texts).toContain('مناصر');
    expect(texts).toContain('متشكك');
    expect(texts).toContain('دانة');
  });

  it('anchor a heading by the side it is on, whatever the direction of its text', () => {
    expect(headingAnchor('left', 'ltr')['text-anchor']).toBe('start');
    expect(headingAnchor('left', 'rtl')['text-anchor']).toBe('end');
    expect(headingAnchor('right', 'ltr')['text-anchor']).toBe('end');
    expect(headingAnchor('right', 'rtl')['text-anchor']).toBe('start');
    expect(headingAnchor('middle', 'rtl')['text-anchor']).toBe('middle');
  });
});

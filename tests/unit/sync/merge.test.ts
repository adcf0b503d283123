import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personDoc, tieDoc } from '@/utils/sync/changes';
import { canonicalText, type DocContent, type PersonContent } from '@/utils/sync/documents';
import { joinTexts, mergeVersions } from '@/utils/sync/merge';
import {
  LEVELS,
  newPerson,
  ROLES,
  STANCES,
  type FollowUp,
  type Note,
  type Touch,
} from '@/utils/model';

const T = Date.UTC(2025, 2, 1);
const SLUG = 'dana-lee';

function note(id: string, text: string, updatedAt = T): Note {
  return { id, personSlug: SLUG, at: T, text, createdAt: T, updatedAt };
}

function touch(id: string): Touch {
  return {
    id,
    personSlug: SLUG,
    at: T,
    kind: 'meeting',
    direction: 'both',
    note: '',
    createdAt: T,
  };
}

function followUp(id: string, status: FollowUp['status'] = 'open'): FollowUp {
  return {
    id,
    personSlug: SLUG,
    text: 'Send the deck',
    due: T,
    status,
    doneAt: status === 'done' ? T : null,
    createdAt: T,
  };
}

function content(fields: Partial<PersonContent> = {}): PersonContent {
  return {
    kind: 'person',
    key: personDoc(SLUG),
    person: newPerson(SLUG, T, { name: 'Dana Lee' }),
    notes: [],
    touches: [],
    followUps: [],
    ...fields,
  };
}

const gone: DocContent = { kind: 'gone', key: personDoc(SLUG) };

describe('merging concurrent versions of a document', () => {
  const base = content({ notes: [note('n1', 'First')], touches: [touch('t1')] });

  it('takes each side’s changes to different fields', () => {
    const a = content({ ...base, person: { ...base.person, level: 'plus1', updatedAt: T + 1 } });
    const b = content({
      ...base,
      person: { ...base.person, stance: 'champion', updatedAt: T + 2 },
    });
    const merged = mergeVersions(base, [a, b]) as PersonContent;
    expect(merged.person).toMatchObject({ level: 'plus1', stance: 'champion', updatedAt: T + 2 });
  });

  it('keeps both texts when both sides wrote the same field, and the later level', () => {
    const a = content({
      ...base,
      person: { ...base.person, motivations: 'Wants the launch', level: 'plus1', updatedAt: T + 1 },
    });
    const b = content({
      ...base,
      person: { ...base.person, motivations: 'Hates surprises', level: 'plus2', updatedAt: T + 2 },
    });
    const merged = mergeVersions(base, [a, b]) as PersonContent;
    expect(merged.person.motivations.split('\n\n').sort()).toEqual([
      'Hates surprises',
      'Wants the launch',
    ]);
    expect(merged.person.level).toBe('plus2');
  });

  it('adds the roles each side added and drops those either removed', () => {
    const start = content({ person: { ...base.person, roles: ['ally', 'mentor'] } });
    const a = content({ person: { ...start.person, roles: ['ally', 'mentor', 'sponsor'] } });
    const b = content({ person: { ...start.person, roles: ['mentor'] } });
    expect((mergeVersions(start, [a, b]) as PersonContent).person.roles).toEqual([
      'mentor',
      'sponsor',
    ]);
  });

  it('keeps a note edited on both sides twice, side by side, the later edit under its id', () => {
    const a = content({ ...base, notes: [note('n1', 'Edited on A', T + 1)] });
    const b = content({ ...base, notes: [note('n1', 'Edited on B', T + 2)] });
    const merged = mergeVersions(base, [a, b]) as PersonContent;
    expect(merged.notes.map((n) => [n.id.split('~')[0], n.text])).toEqual([
      ['n1', 'Edited on B'],
      ['n1', 'Edited on A'],
    ]);
    expect(merged.notes[0]!.id).toBe('n1');
  });

  it('unites the notes, touches and follow-ups both sides added', () => {
    const a = content({
      ...base,
      notes: [...base.notes, note('na', 'From A')],
      touches: [touch('t1'), touch('ta')],
    });
    const b = content({
      ...base,
      notes: [...base.notes, note('nb', 'From B')],
      followUps: [followUp('fb')],
    });
    const merged = mergeVersions(base, [a, b]) as PersonContent;
    expect(merged.notes.map((n) => n.id)).toEqual(['n1', 'na', 'nb']);
    expect(merged.touches.map((t) => t.id)).toEqual(['t1', 'ta']);
    expect(merged.followUps.map((f) => f.id)).toEqual(['fb']);
  });

  it('deletes a record deleted on one side and left alone on the other', () => {
    const a = content({ ...base, notes: [] });
    const b = content({ ...base, person: { ...base.person, level: 'peer' } });
    const merged = mergeVersions(base, [a, b]) as PersonContent;
    expect(merged.notes).toEqual([]);
    expect(merged.person.level).toBe('peer');
  });

  it('keeps a record deleted on one side and edited on the other', () => {
    const a = content({ ...base, notes: [] });
    const b = content({ ...base, notes: [note('n1', 'Still true', T + 1)] });
    expect((mergeVersions(base, [a, b]) as PersonContent).notes.map((n) => n.text)).toEqual([
      'Still true',
    ]);
  });

  it('lets an edit win over a deletion of the whole person, and a deletion over no change', () => {
    const edited = content({ ...base, notes: [...base.notes, note('n2', 'New')] });
    expect(mergeVersions(base, [gone, edited])).toEqual(edited);
    expect(mergeVersions(base, [gone, base])).toEqual(gone);
  });

  it('marks a follow-up done when either side did', () => {
    const start = content({ followUps: [followUp('f1')] });
    const a = content({ followUps: [{ ...followUp('f1', 'done'), doneAt: T + 5 }] });
    const merged = mergeVersions(start, [a, start]) as PersonContent;
    expect(merged.followUps[0]).toMatchObject({ status: 'done', doneAt: T + 5 });
  });

  it('without the common version, keeps everything either side has', () => {
    const a = content({
      notes: [note('na', 'A')],
      person: { ...base.person, roles: ['ally'], level: 'plus1' },
    });
    const b = content({ notes: [note('nb', 'B')], person: { ...base.person, roles: ['mentor'] } });
    const merged = mergeVersions(undefined, [a, b]) as PersonContent;
    expect(merged.notes.map((n) => n.text)).toEqual(['A', 'B']);
    expect(merged.person.roles).toEqual(['ally', 'mentor']);
    expect(merged.person.level).toBe('plus1');
  });

  it('joins the labels of a tie labelled on both sides', () => {
    const key = tieDoc('a', 'b');
    const tie = { id: 't', a: 'a', b: 'b', label: '', createdAt: T };
    const merged = mergeVersions({ kind: 'tie', key, tie }, [
      { kind: 'tie', key, tie: { ...tie, label: 'Same team' } },
      { kind: 'tie', key, tie: { ...tie, id: 's', label: 'Old friends', createdAt: T - 1 } },
    ]);
    expect(merged).toEqual({
      kind: 'tie',
      key,
      tie: { id: 's', a: 'a', b: 'b', label: 'Old friends / Same team', createdAt: T - 1 },
    });
  });

  it('joins texts once each, leaving out one another contains', () => {
    expect(joinTexts(['Likes tea', ' Likes tea ', 'Likes tea and cake', ''])).toBe(
      'Likes tea and cake',
    );
  });
});

// ---- Properties over random offline edits of one person ----

type Edit =
  | { kind: 'level'; level: (typeof LEVELS)[number] }
  | { kind: 'stance'; stance: (typeof STANCES)[number] }
  | { kind: 'role'; role: (typeof ROLES)[number] }
  | { kind: 'motivations'; text: string }
  | { kind: 'add-note'; text: string }
  | { kind: 'edit-note'; which: number; text: string }
  | { kind: 'delete-note'; which: number }
  | { kind: 'add-touch' }
  | { kind: 'delete' };

const text = fc.constantFrom(
  'Met at the offsite',
  'Ask about hiring',
  'Wants the launch',
  'Hates surprises',
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('level' as const), level: fc.constantFrom(...LEVELS) }),
  fc.record({ kind: fc.constant('stance' as const), stance: fc.constantFrom(...STANCES) }),
  fc.record({ kind: fc.constant('role' as const), role: fc.constantFrom(...ROLES) }),
  fc.record({ kind: fc.constant('motivations' as const), text }),
  fc.record({ kind: fc.constant('add-note' as const), text }),
  fc.record({ kind: fc.constant('edit-note' as const), which: fc.nat(3), text }),
  fc.record({ kind: fc.constant('delete-note' as const), which: fc.nat(3) }),
  fc.record({ kind: fc.constant('add-touch' as const) }),
  { arbitrary: fc.record({ kind: fc.constant('delete' as const) }), weight: 1 },
);

/** A device's version after `edits` on `start`, written at `clock` and after. */
function edited(
  start: PersonContent,
  edits: readonly Edit[],
  device: string,
  clock: number,
): DocContent {
  let doc: DocContent = start;
  edits.forEach((e, i) => {
    const at = clock + i;
    if (e.kind === 'delete') {
      doc = gone;
      return;
    }
    const current: PersonContent =
      doc.kind === 'person' ? doc : content({ person: { ...start.person } });
    const person = { ...current.person, updatedAt: at };
    let { notes, touches } = current;
    if (e.kind === 'level') person.level = e.level;
    if (e.kind === 'stance') person.stance = e.stance;
    if (e.kind === 'motivations') person.motivations = e.text;
    if (e.kind === 'role')
      person.roles = person.roles.includes(e.role)
        ? person.roles.filter((r) => r !== e.role)
        : [...person.roles, e.role];
    if (e.kind === 'add-note') notes = [...notes, note(`${device}-n${i}`, e.text, at)];
    if (e.kind === 'edit-note' && notes.length) {
      const target = notes[e.which % notes.length]!;
      notes = notes.map((n) =>
        n === target ? { ...n, text: `${e.text} (${device})`, updatedAt: at } : n,
      );
    }
    if (e.kind === 'delete-note' && notes.length)
      notes = notes.filter((_, j) => j !== e.which % notes.length);
    if (e.kind === 'add-touch') touches = [...touches, touch(`${device}-t${i}`)];
    doc = {
      ...current,
      person,
      notes: [...notes].sort((x, y) => (x.id < y.id ? -1 : 1)),
      touches: [...touches].sort((x, y) => (x.id < y.id ? -1 : 1)),
    };
  });
  return doc;
}

const start = content({
  notes: [note('n1', 'Met at the offsite'), note('n2', 'Ask about hiring')],
  touches: [touch('t1')],
  person: { ...newPerson(SLUG, T, { name: 'Dana Lee', roles: ['ally'] }) },
});

const histories = fc.array(fc.array(edit, { maxLength: 6 }), { minLength: 1, maxLength: 3 });

describe('merging, for any offline edits on any number of devices', () => {
  it('gives the same result in any order', () => {
    fc.assert(
      fc.property(histories, fc.boolean(), (edits, withBase) => {
        const versions = edits.map((list, i) => edited(start, list, `d${i}`, T + 10 * (i + 1)));
        const base = withBase ? start : undefined;
        const merged = canonicalText(mergeVersions(base, versions));
        expect(canonicalText(mergeVersions(base, [...versions].reverse()))).toBe(merged);
        expect(canonicalText(mergeVersions(base, [...versions.slice(1), versions[0]!]))).toBe(
          merged,
        );
      }),
    );
  });

  it('changes nothing when merged again with what it merged', () => {
    fc.assert(
      fc.property(histories, (edits) => {
        const versions = edits.map((list, i) => edited(start, list, `d${i}`, T + 10 * (i + 1)));
        const merged = mergeVersions(start, versions);
        expect(mergeVersions(start, [merged])).toEqual(merged);
        expect(canonicalText(mergeVersions(start, [merged, merged]))).toBe(canonicalText(merged));
        expect(mergeVersions(start, [start, start])).toEqual(start);
      }),
    );
  });

  it('loses no note or touch any device wrote, and no text of any note it edited', () => {
    fc.assert(
      fc.property(histories, fc.boolean(), (edits, withBase) => {
        const versions = edits.map((list, i) => edited(start, list, `d${i}`, T + 10 * (i + 1)));
        const merged = mergeVersions(withBase ? start : undefined, versions);
        const baseTexts = new Map(start.notes.map((n) => [n.id, n.text]));
        const written = versions
          .flatMap((v) => (v.kind === 'person' ? v.notes : []))
          .filter((n) => baseTexts.get(n.id) !== n.text);
        const added = versions
          .flatMap((v) => (v.kind === 'person' ? v.touches : []))
          .filter((t) => t.id !== 't1');
        if (!written.length && !added.length) return;
        expect(merged.kind).toBe('person');
        const result = merged as PersonContent;
        for (const n of written)
          expect(
            result.notes.some((kept) => kept.text === n.text && kept.id.startsWith(n.id)),
          ).toBe(true);
        for (const t of added) expect(result.touches.map((kept) => kept.id)).toContain(t.id);
      }),
    );
  });
});

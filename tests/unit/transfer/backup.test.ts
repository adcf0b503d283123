import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  DIRECTIONS,
  FOLLOW_UP_STATUSES,
  LEVELS,
  LIMITS,
  ROLES,
  TOUCH_KINDS,
  newPerson,
  type FollowUp,
  type Note,
  type Person,
  type Tie,
  type Touch,
} from '@/utils/model';
import type { AllianceDb } from '@/utils/db/schema';
import {
  BACKUP_VERSION,
  applyImport,
  exportBackup,
  parseBackup,
  planImport,
  type Backup,
} from '@/utils/transfer/backup';
import { freshDb } from './db-helpers';
import { storedPeople } from '@/utils/db/stored-person';
import { createTranslator } from '@/utils/i18n/translator';
import de from '@/public/_locales/de/messages.json';

const NOW = Date.UTC(2025, 5, 1);

function mustParse(text: string): Backup {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.error);
  return result.backup;
}

const date = fc.integer({ min: LIMITS.minDate, max: LIMITS.maxDate });
const oddText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.constantFrom('', ' ', '"\\\n\r\t', '=SUM(A1)', 'Ünïcödé 🤝 مرحبا', '\u0000', '\ud800'),
  );
const slug = fc
  .stringMatching(/^[a-z0-9-]{1,12}$/)
  .chain((base) => fc.constantFrom(base, `${base}-ü`, `${base}-中文`));

const personArb = (key: string): fc.Arbitrary<Person> =>
  fc
    .record({
      name: oddText(LIMITS.name),
      headline: oddText(50),
      company: oddText(50),
      roles: fc.subarray([...ROLES]),
      level: fc.constantFrom(...LEVELS),
      decisionMaker: fc.boolean(),
      motivations: oddText(200),
      cadenceDays: fc.option(fc.integer({ min: 1, max: 365 }), { nil: null }),
      memberId: fc.option(fc.stringMatching(/^ACoAA[A-Za-z0-9]{4,10}$/), { nil: undefined }),
      aliases: fc.array(slug, { maxLength: 2 }),
      createdAt: date,
      updatedAt: date,
    })
    .map(({ memberId, ...fields }) =>
      newPerson(key, NOW, memberId === undefined ? fields : { ...fields, memberId }),
    );

const dbContentArb = fc.uniqueArray(slug, { minLength: 1, maxLength: 6 }).chain((slugs) =>
  fc.record({
    people: fc.tuple(...slugs.map(personArb)),
    notes: fc.array(
      fc.record({
        id: fc.uuid(),
        personSlug: fc.constantFrom(...slugs),
        at: date,
        text: oddText(300),
        createdAt: date,
        updatedAt: date,
      }) satisfies fc.Arbitrary<Note>,
      { maxLength: 5 },
    ),
    touches: fc.array(
      fc.record({
        id: fc.uuid(),
        personSlug: fc.constantFrom(...slugs),
        at: date,
        kind: fc.constantFrom(...TOUCH_KINDS),
        direction: fc.constantFrom(...DIRECTIONS),
        note: oddText(100),
        createdAt: date,
      }) satisfies fc.Arbitrary<Touch>,
      { maxLength: 5 },
    ),
    ties: fc
      .uniqueArray(
        fc.tuple(
          fc.constantFrom(...slugs),
          fc.constantFrom(...slugs),
          fc.uuid(),
          oddText(50),
          date,
        ),
        { maxLength: 4, selector: ([a, b]) => [a, b].sort().join('|') },
      )
      .map((pairs) =>
        pairs
          .filter(([a, b]) => a !== b)
          .map(([a, b, id, label, createdAt]): Tie => {
            const [x, y] = a < b ? [a, b] : [b, a];
            return { id, a: x, b: y, label, createdAt };
          }),
      ),
    followUps: fc.array(
      fc.record({
        id: fc.uuid(),
        personSlug: fc.constantFrom(...slugs),
        text: oddText(100),
        due: date,
        status: fc.constantFrom(...FOLLOW_UP_STATUSES),
        doneAt: fc.option(date, { nil: null }),
        createdAt: date,
      }) satisfies fc.Arbitrary<FollowUp>,
      { maxLength: 4 },
    ),
  }),
);

async function fill(
  db: AllianceDb,
  content: Omit<Backup, 'format' | 'version' | 'exportedAt' | 'settings'>,
) {
  await db.people.bulkPut(storedPeople(content.people, content));
  await db.notes.bulkPut(content.notes);
  await db.touches.bulkPut(content.touches);
  await db.ties.bulkPut(content.ties);
  await db.followUps.bulkPut(content.followUps);
}

async function sampleDb(): Promise<AllianceDb> {
  const db = freshDb();
  await fill(db, {
    people: [
      newPerson('ada', NOW, { name: 'Ada', roles: ['mentor'] }),
      newPerson('grace', NOW, { name: 'Grace', roles: ['sponsor', 'ally'] }),
    ],
    notes: [
      {
        id: 'n1',
        personSlug: 'ada',
        at: NOW,
        text: 'Met at the offsite',
        createdAt: NOW,
        updatedAt: NOW,
      },
    ],
    touches: [
      {
        id: 't1',
        personSlug: 'grace',
        at: NOW,
        kind: 'shared-work',
        direction: 'gave',
        note: '',
        createdAt: NOW,
      },
    ],
    ties: [{ id: 'y1', a: 'ada', b: 'grace', label: 'co-founders', createdAt: NOW }],
    followUps: [
      {
        id: 'f1',
        personSlug: 'ada',
        text: 'Send the draft',
        due: NOW,
        status: 'open',
        doneAt: null,
        createdAt: NOW,
      },
    ],
  });
  return db;
}

describe('backup round trip', () => {
  it('export → import (replace, empty db) → export gives the same text for any database', async () => {
    await fc.assert(
      fc.asyncProperty(dbContentArb, async (content) => {
        const source = freshDb();
        const target = freshDb();
        try {
          await fill(source, content);
          const settings = { ...DEFAULT_SETTINGS, weekStart: 0 };
          const first = await exportBackup(source, settings, NOW);
          const backup = mustParse(first);
          expect(await applyImport(target, backup, 'replace')).toEqual(settings);
          expect(await exportBackup(target, settings, NOW)).toBe(first);
        } finally {
          await source.delete();
          await target.delete();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('writes the format, version and records sorted by key', async () => {
    const text = await exportBackup(await sampleDb(), DEFAULT_SETTINGS, NOW);
    const data = JSON.parse(text) as Backup;
    expect(data.format).toBe('alliance-map-backup');
    expect(data.version).toBe(BACKUP_VERSION);
    expect(data.people.map((p) => p.slug)).toEqual(['ada', 'grace']);
  });
});

describe('the start of a new role in the settings', () => {
  it('is kept by a backup', async () => {
    const settings = { ...DEFAULT_SETTINGS, roleStartedAt: Date.UTC(2025, 4, 12, 10) };
    const backup = mustParse(await exportBackup(await sampleDb(), settings, NOW));
    expect(backup.settings.roleStartedAt).toBe(Date.UTC(2025, 4, 12, 10));
  });

  it('is none for a backup written before it existed', async () => {
    const data = JSON.parse(await exportBackup(await sampleDb(), DEFAULT_SETTINGS, NOW)) as {
      settings: Record<string, unknown>;
    };
    delete data.settings.roleStartedAt;
    const backup = mustParse(JSON.stringify(data));
    expect(backup.settings).toEqual(DEFAULT_SETTINGS);
    expect(backup.settings.roleStartedAt).toBeNull();
  });

  it('refuses a start that is not a date', () => {
    const result = parseBackup(
      JSON.stringify({
        format: 'alliance-map-backup',
        version: 1,
        exportedAt: NOW,
        settings: { ...DEFAULT_SETTINGS, roleStartedAt: 'last Monday' },
        people: [],
        notes: [],
        touches: [],
        ties: [],
        followUps: [],
      }),
    );
    expect(result).toEqual({
      ok: false,
      error: "settings.roleStartedAt: 'last Monday' is not a date between 1900 and 9999",
    });
  });
});

describe('hostile and broken files are refused and change nothing', () => {
  async function expectRefused(
    mutate: (backup: Record<string, unknown>) => string,
    message: RegExp,
  ) {
    const db = await sampleDb();
    const before = await exportBackup(db, DEFAULT_SETTINGS, NOW);
    const result = parseBackup(mutate(JSON.parse(before) as Record<string, unknown>));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
    expect(await exportBackup(db, DEFAULT_SETTINGS, NOW)).toBe(before);
  }
  const people = (b: Record<string, unknown>) => b.people as Array<Record<string, unknown>>;

  it('truncated JSON', () =>
    expectRefused((b) => JSON.stringify(b).slice(0, 200), /not valid JSON/));
  it('any other JSON', () => expectRefused(() => '[1,2,3]', /not an Alliance Map backup/));
  it('a newer version', () =>
    expectRefused((b) => JSON.stringify({ ...b, version: 2 }), /version 2, newer than/));
  it("says what is wrong with the file in the page's language", () => {
    const file: Record<string, { message: string } | undefined> = de;
    const german = createTranslator((id) => file[id]?.message);
    expect(parseBackup('[1,2,3]', german)).toEqual({
      ok: false,
      error: 'Das ist keine Alliance-Map-Sicherung: Die Datei enthält kein Sicherungsobjekt.',
    });
    const truncated = parseBackup('{"format":', german);
    expect(!truncated.ok && truncated.error).toMatch(/^Die Datei ist kein gültiges JSON/);
  });
  it('a 1 MB string', () =>
    expectRefused((b) => {
      people(b)[1]!.name = 'x'.repeat(1_000_000);
      return JSON.stringify(b);
    }, /^people\[1\]\.name: is 1000000 characters long, more than the 200 allowed/));
  it('__proto__ keys', () =>
    expectRefused(
      (b) =>
        JSON.stringify(b).replace('"name":"Ada"', '"name":"Ada","__proto__":{"polluted":true}'),
      /^people\[0\]\.__proto__: this key is not allowed/,
    ));
  it('constructor keys in settings', () =>
    expectRefused(
      (b) =>
        JSON.stringify({
          ...b,
          settings: { ...(b.settings as object), constructor: { prototype: {} } },
        }),
      /^settings\.constructor: this key is not allowed/,
    ));
  it('an unknown role', () =>
    expectRefused((b) => {
      people(b)[1]!.roles = ['boss'];
      return JSON.stringify(b);
    }, /^people\[1\]\.roles\[0\]: 'boss' is not a role$/));
  it('wrong types', () =>
    expectRefused((b) => {
      people(b)[0]!.createdAt = '2024-01-01';
      return JSON.stringify(b);
    }, /^people\[0\]\.createdAt: '2024-01-01' is not a date/));
  it('non-finite and out-of-range dates', () =>
    expectRefused((b) => {
      (b.notes as Array<Record<string, unknown>>)[0]!.at = 1e300;
      return JSON.stringify(b);
    }, /^notes\[0\]\.at: 1e\+300 is not a date between 1900 and 9999/));
  it('unknown fields', () =>
    expectRefused((b) => JSON.stringify({ ...b, extra: 1 }), /^extra: is not a field/));
  it('missing fields', () =>
    expectRefused((b) => {
      delete people(b)[0]!.slug;
      return JSON.stringify(b);
    }, /^people\[0\]\.slug: is missing/));
  it('a note about nobody in the file', () =>
    expectRefused((b) => {
      (b.notes as Array<Record<string, unknown>>)[0]!.personSlug = 'ghost';
      return JSON.stringify(b);
    }, /^notes\[0\]\.personSlug: 'ghost' is not a person in this file/));
  it('a tie to nobody in the file', () =>
    expectRefused((b) => {
      (b.ties as Array<Record<string, unknown>>)[0]!.b = 'zed';
      return JSON.stringify(b);
    }, /^ties\[0\]\.b: 'zed' is not a person/));
  it('a person twice', () =>
    expectRefused((b) => {
      people(b).push(people(b)[0]!);
      return JSON.stringify(b);
    }, /^people\[2\]\.slug: 'ada' appears twice/));
  it('a file over the size limit', () =>
    expectRefused(() => ' '.repeat(64 * 1024 * 1024 + 1), /too large/));
});

describe('merge and replace', () => {
  it('counts what each mode would do and does it', async () => {
    const db = await sampleDb();
    const backup = mustParse(await exportBackup(db, DEFAULT_SETTINGS, NOW));
    // The file: Ada edited later, Grace older and different, a new person; the db: one extra note.
    backup.people[0] = { ...backup.people[0]!, company: 'Analytical Engines', updatedAt: NOW + 1 };
    backup.people[1] = { ...backup.people[1]!, company: 'Stale', updatedAt: NOW - 1 };
    backup.people.push(newPerson('linus', NOW, { name: 'Linus' }));
    await db.notes.put({
      id: 'n2',
      personSlug: 'grace',
      at: NOW,
      text: 'local only',
      createdAt: NOW,
      updatedAt: NOW,
    });

    expect((await planImport(db, backup, 'merge')).people).toEqual({
      new: 1,
      updated: 1,
      unchanged: 1,
      removed: 0,
    });
    expect((await planImport(db, backup, 'replace')).people).toEqual({
      new: 1,
      updated: 2,
      unchanged: 0,
      removed: 0,
    });
    expect((await planImport(db, backup, 'replace')).notes).toEqual({
      new: 0,
      updated: 0,
      unchanged: 1,
      removed: 1,
    });

    await applyImport(db, backup, 'merge');
    expect((await db.people.get('ada'))?.company).toBe('Analytical Engines');
    expect((await db.people.get('grace'))?.company).toBe('');
    expect(await db.notes.count()).toBe(2);
    expect(await planImport(db, backup, 'merge')).toMatchObject({ people: { new: 0, updated: 0 } });

    await applyImport(db, backup, 'replace');
    expect((await db.people.get('grace'))?.company).toBe('Stale');
    expect(await db.notes.count()).toBe(1);
  });

  it('merge keeps an existing tie for a pair that the file stores under another id', async () => {
    const db = await sampleDb();
    const backup = mustParse(await exportBackup(db, DEFAULT_SETTINGS, NOW));
    backup.ties[0] = { ...backup.ties[0]!, id: 'other' };
    expect((await planImport(db, backup, 'merge')).ties).toMatchObject({ new: 0, unchanged: 1 });
    await applyImport(db, backup, 'merge');
    expect((await db.ties.toArray()).map((tie) => tie.id)).toEqual(['y1']);
  });
});

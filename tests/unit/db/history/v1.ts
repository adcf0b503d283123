/**
 * Schema version 1 exactly as it shipped, frozen here so that every later version's upgrade is
 * tested on data written by real version-1 code (never edit this file; add v2.ts beside it).
 */
import Dexie from 'dexie';

export const VERSION = 1;

export class AllianceDbV1 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      people: 'slug, *aliases, memberId, *roles, updatedAt, name',
      notes: 'id, [personSlug+at], at',
      touches: 'id, [personSlug+at], at, [kind+at]',
      ties: 'id, a, b, &[a+b]',
      followUps: 'id, personSlug, [status+due]',
    });
  }
}

const T = Date.UTC(2026, 0, 15, 12);

/** What a version-1 user had: one of everything, with the odd cases (unicode, aliases). */
export const SAMPLE: Record<'people' | 'notes' | 'touches' | 'ties' | 'followUps', object[]> = {
  people: [
    {
      slug: 'dana-lee',
      profileUrl: 'https://www.linkedin.com/in/dana-lee/',
      memberId: 'ACoAAB1234567890abcdef',
      aliases: ['ACoAAB1234567890abcdef', 'dana-lee-old'],
      name: 'Dana Lee',
      headline: 'Head of Office',
      company: 'Acme',
      roles: ['sponsor', 'advisor'],
      level: 'plus2',
      influence: 'high',
      stance: 'champion',
      basis: 'shared-purpose',
      decisionMaker: true,
      motivations: 'Wants the migration to land',
      influencedBy: 'The board',
      cadenceDays: 14,
      createdAt: T,
      updatedAt: T,
    },
    {
      slug: 'zoë-müller',
      profileUrl: 'https://www.linkedin.com/in/zo%C3%AB-m%C3%BCller/',
      aliases: [],
      name: 'Zoë Müller',
      headline: '',
      company: '',
      roles: [],
      level: 'unknown',
      influence: 'unknown',
      stance: 'unknown',
      basis: 'unknown',
      decisionMaker: false,
      motivations: '',
      influencedBy: '',
      cadenceDays: null,
      createdAt: T,
      updatedAt: T,
    },
  ],
  notes: [
    {
      id: 'n1',
      personSlug: 'dana-lee',
      at: T,
      text: 'Likes <b>short</b> updates',
      createdAt: T,
      updatedAt: T,
    },
  ],
  touches: [
    {
      id: 't1',
      personSlug: 'dana-lee',
      at: T,
      kind: 'shared-work',
      direction: 'gave',
      note: 'Sent the results',
      createdAt: T,
    },
  ],
  ties: [{ id: 'tie1', a: 'dana-lee', b: 'zoë-müller', label: 'reports to', createdAt: T }],
  followUps: [
    {
      id: 'f1',
      personSlug: 'dana-lee',
      text: 'Send the deck',
      due: T + 86_400_000,
      status: 'open',
      doneAt: null,
      createdAt: T,
    },
  ],
};

/** Writes the sample with version-1 code, as a version-1 extension would have. */
export async function writeSample(name: string): Promise<void> {
  const db = new AllianceDbV1(name);
  for (const [table, rows] of Object.entries(SAMPLE)) await db.table(table).bulkAdd(rows);
  db.close();
}

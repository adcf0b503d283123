/**
 * Deterministic sample data: a handful of named people for the demo and e2e tests, and a
 * seeded generator of any size for load tests and the bench.
 */
import {
  DEFAULT_DIRECTION,
  DAY_MS,
  LEVELS,
  INFLUENCES,
  ROLES,
  STANCES,
  TOUCH_KINDS,
  newPerson,
  orderedPair,
  type FollowUp,
  type Note,
  type Person,
  type Tie,
  type Touch,
} from '@/utils/model';

export interface Dataset {
  people: Person[];
  notes: Note[];
  touches: Touch[];
  ties: Tie[];
  followUps: FollowUp[];
}

/** mulberry32: a small seeded PRNG, so that every run builds the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

const FIRST = [
  'Dana',
  'Sam',
  'Priya',
  'Alex',
  'Maria',
  'Kenji',
  'Fatima',
  'Lars',
  'Chen',
  'Amara',
  'Tomás',
  'Zoë',
];
const LAST = [
  'Lee',
  'Okafor',
  'Novak',
  'García',
  'Haddad',
  'Müller',
  'Tanaka',
  'Silva',
  'Nowak',
  'Ivanova',
];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries'];

export interface DatasetSize {
  people: number;
  touches: number;
  notes: number;
  followUps: number;
  ties?: number;
}

/** A database of the given size, the same for the same seed; dates spread over the last year. */
export function generateDataset(size: DatasetSize, now: number, seed = 42): Dataset {
  const random = seededRandom(seed);
  const people: Person[] = [];
  for (let i = 0; i < size.people; i++) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const roles = ROLES.filter(() => random() < 0.18);
    people.push(
      newPerson(`${first}-${last}-${i}`.toLowerCase(), now - Math.floor(random() * 400) * DAY_MS, {
        name: `${first} ${last}`,
        headline: `${pick(random, ['Director', 'Engineer', 'VP', 'Designer', 'Manager'])} at ${pick(random, COMPANIES)}`,
        company: pick(random, COMPANIES),
        roles,
        level: pick(random, LEVELS),
        influence: pick(random, INFLUENCES),
        stance: pick(random, STANCES),
        updatedAt: now - Math.floor(random() * 100) * DAY_MS,
      }),
    );
  }
  const someone = () => pick(random, people).slug;
  const when = () => now - Math.floor(random() * 365 * DAY_MS);
  const touches: Touch[] = Array.from({ length: size.touches }, (_, i) => {
    const kind = pick(random, TOUCH_KINDS);
    const at = when();
    return {
      id: `t${i}`,
      personSlug: someone(),
      at,
      kind,
      direction: DEFAULT_DIRECTION[kind],
      note: random() < 0.2 ? 'Talked about the roadmap' : '',
      createdAt: at,
    };
  });
  const notes: Note[] = Array.from({ length: size.notes }, (_, i) => {
    const at = when();
    return {
      id: `n${i}`,
      personSlug: someone(),
      at,
      text: `Note ${i}: ${pick(random, ['cares about hiring', 'wants visibility for her team', 'ask about the offsite', 'prefers short written updates'])}`,
      createdAt: at,
      updatedAt: at,
    };
  });
  const followUps: FollowUp[] = Array.from({ length: size.followUps }, (_, i) => {
    const done = random() < 0.5;
    return {
      id: `f${i}`,
      personSlug: someone(),
      text: `Follow-up ${i}`,
      due: now + Math.floor((random() - 0.6) * 60) * DAY_MS,
      status: done ? 'done' : 'open',
      doneAt: done ? now - DAY_MS : null,
      createdAt: now - 30 * DAY_MS,
    };
  });
  const tieKeys = new Set<string>();
  const ties: Tie[] = [];
  for (let i = 0; i < (size.ties ?? Math.floor(size.people / 5)); i++) {
    const [a, b] = orderedPair(someone(), someone());
    if (a === b || tieKeys.has(`${a} ${b}`)) continue;
    tieKeys.add(`${a} ${b}`);
    ties.push({ id: `tie${i}`, a, b, label: '', createdAt: now });
  }
  return { people, notes, touches, ties, followUps };
}

/** The shape of a record at the product's real scale (docs/performance.md). */
export interface RealScaleSize {
  /** Everyone, imported connections included. */
  people: number;
  /** Of them, tagged with a role. */
  tagged: number;
  /** Of them, untagged but mapped as deciding the user's promotion (level, influence). */
  keyHolders: number;
  touches: number;
  notes: number;
  followUps: number;
  ties: number;
}

/**
 * A record as a heavy user has it: thousands of connections from LinkedIn's export that the
 * user never touched, a few hundred tagged people and key holders, and years of touches,
 * notes and follow-ups about those alone. Deterministic for a seed.
 */
export function realScaleDataset(size: RealScaleSize, now: number, seed = 7): Dataset {
  const random = seededRandom(seed);
  const importedAt = now - 500 * DAY_MS;
  const people: Person[] = [];
  for (let i = 0; i < size.people; i++) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const company = pick(random, COMPANIES);
    const fields: Partial<Person> = {
      name: `${first} ${last}`,
      headline: `${pick(random, ['Director', 'Engineer', 'VP', 'Designer', 'Manager'])} at ${company}`,
      company,
    };
    if (i < size.tagged) {
      const roles = ROLES.filter(() => random() < 0.25);
      Object.assign(fields, {
        roles: roles.length ? roles : [pick(random, ROLES)],
        level: pick(random, LEVELS),
        influence: pick(random, INFLUENCES),
        stance: pick(random, STANCES),
      });
    } else if (i < size.tagged + size.keyHolders) {
      Object.assign(fields, {
        level: pick(random, ['plus1', 'plus2', 'plus3'] as const),
        influence: pick(random, ['medium', 'high'] as const),
        decisionMaker: random() < 0.3,
      });
    }
    people.push(newPerson(`${first}-${last}-${i}`.toLowerCase(), importedAt, fields));
  }
  const tracked = people.slice(0, size.tagged + size.keyHolders);
  const someone = () => pick(random, tracked).slug;
  // Three years of touches, notes and follow-ups, spread evenly.
  const when = () => now - Math.floor(random() * 3 * 365 * DAY_MS);
  const touches: Touch[] = Array.from({ length: size.touches }, (_, i) => {
    const kind = pick(random, TOUCH_KINDS);
    const at = when();
    return {
      id: `t${i}`,
      personSlug: someone(),
      at,
      kind,
      direction: DEFAULT_DIRECTION[kind],
      note: random() < 0.2 ? 'Talked about the roadmap' : '',
      createdAt: at,
    };
  });
  const notes: Note[] = Array.from({ length: size.notes }, (_, i) => {
    const at = when();
    return {
      id: `n${i}`,
      personSlug: someone(),
      at,
      text: `Note ${i}: ${pick(random, ['cares about hiring', 'wants visibility for her team', 'ask about the offsite', 'prefers short written updates'])}`,
      createdAt: at,
      updatedAt: at,
    };
  });
  const followUps: FollowUp[] = Array.from({ length: size.followUps }, (_, i) => {
    const done = random() < 0.6;
    const createdAt = when();
    return {
      id: `f${i}`,
      personSlug: someone(),
      text: `Follow-up ${i}`,
      due: done ? createdAt + 14 * DAY_MS : now + Math.floor((random() - 0.5) * 60) * DAY_MS,
      status: done ? 'done' : 'open',
      doneAt: done ? createdAt + 10 * DAY_MS : null,
      createdAt,
    };
  });
  const tieKeys = new Set<string>();
  const ties: Tie[] = [];
  for (let i = 0; i < size.ties; i++) {
    const [a, b] = orderedPair(someone(), someone());
    if (a === b || tieKeys.has(`${a} ${b}`)) continue;
    tieKeys.add(`${a} ${b}`);
    ties.push({ id: `tie${i}`, a, b, label: '', createdAt: now });
  }
  return { people, notes, touches, ties, followUps };
}

/** The people of the demo: two match the saved LinkedIn pages, the rest fill the alliance. */
export function demoDataset(now: number): Dataset {
  const person = (slug: string, fields: Partial<Person>) =>
    newPerson(slug, now - 120 * DAY_MS, fields);
  const people = [
    person('eduardo-alvarez-nowak', {
      name: 'Eduardo Alvarez Nowak',
      roles: ['sponsor', 'advisor'],
      level: 'plus2',
      influence: 'high',
      stance: 'champion',
      basis: 'shared-purpose',
      motivations: 'Wants the platform migration to land this year.',
    }),
    person('dana-lee', {
      name: 'Dana Lee',
      headline: 'Head of Office',
      roles: [],
      level: 'plus2',
      influence: 'high',
      stance: 'unknown',
      decisionMaker: true,
    }),
    person('sam-okafor', {
      name: 'Sam Okafor',
      headline: 'Engineering Manager',
      roles: ['ally', 'mentor'],
      level: 'plus1',
      influence: 'high',
      stance: 'supporter',
      basis: 'both',
    }),
    person('priya-novak', {
      name: 'Priya Novak',
      roles: ['advisor'],
      level: 'peer',
      influence: 'medium',
      stance: 'supporter',
    }),
    person('kenji-tanaka', {
      name: 'Kenji Tanaka',
      roles: ['mentee'],
      level: 'report',
      influence: 'low',
    }),
  ];
  const touch = (
    id: string,
    personSlug: string,
    kind: Touch['kind'],
    daysAgo: number,
    note = '',
  ): Touch => ({
    id,
    personSlug,
    at: now - daysAgo * DAY_MS,
    kind,
    direction: DEFAULT_DIRECTION[kind],
    note,
    createdAt: now - daysAgo * DAY_MS,
  });
  return {
    people,
    notes: [
      {
        id: 'demo-n1',
        personSlug: 'eduardo-alvarez-nowak',
        at: now - 10 * DAY_MS,
        text: 'Offered to mention my migration work at the leadership offsite.',
        createdAt: now - 10 * DAY_MS,
        updatedAt: now - 10 * DAY_MS,
      },
    ],
    touches: [
      touch('demo-t1', 'eduardo-alvarez-nowak', 'shared-work', 12, 'Sent the migration results'),
      touch('demo-t2', 'eduardo-alvarez-nowak', 'they-promoted-me', 5, 'Named me in the all-hands'),
      touch('demo-t3', 'sam-okafor', 'asked-feedback', 20, 'What am I missing on the roadmap?'),
      touch('demo-t4', 'priya-novak', 'showed-appreciation', 50),
      touch('demo-t5', 'kenji-tanaka', 'offered-help', 3),
    ],
    ties: [
      {
        id: 'demo-tie1',
        ...pairOf('sam-okafor', 'eduardo-alvarez-nowak'),
        label: 'works closely',
        createdAt: now,
      },
    ],
    followUps: [
      {
        id: 'demo-f1',
        personSlug: 'sam-okafor',
        text: 'Send Sam the design review notes',
        due: now - 2 * DAY_MS,
        status: 'open',
        doneAt: null,
        createdAt: now - 9 * DAY_MS,
      },
    ],
  };
}

function pairOf(x: string, y: string): { a: string; b: string } {
  const [a, b] = orderedPair(x, y);
  return { a, b };
}

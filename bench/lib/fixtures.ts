/**
 * The bench's data: a record at the product's real scale (30,000 connections of whom 500 are
 * tagged, with the two people of the saved profile pages among them), the stress record of
 * 10,000 people and 100,000 touches, a 100-person search-results page built from a real card,
 * and a Connections.csv of 30,000 rows in LinkedIn's current format.
 */
import { NO_HISTORY, storedPerson, type StoredPerson } from '@/utils/db/stored-person';
import { DAY_MS, newPerson } from '@/utils/model';
import { applyConnections, parseConnectionsCsv } from '@/utils/transfer/linkedin-connections';
import { PeopleIndex } from '@/utils/transfer/people-index';
import { fixtureHtml } from '../../tests/e2e/harness';
import { generateDataset, realScaleDataset, type Dataset } from '../../tests/support/dataset';

/** LinkedIn's cap on connections, a few hundred tagged, a heavy user's years of touches. */
export const SIZE = {
  people: 30_000,
  tagged: 500,
  keyHolders: 100,
  touches: 20_000,
  notes: 5_000,
  followUps: 1_000,
  ties: 1_000,
};
/** The stress record of earlier benchmarks: the report must still open. */
export const STRESS_SIZE = { people: 10_000, touches: 100_000, notes: 20_000, followUps: 2_000 };
/** Rows of the Connections.csv imported. */
export const IMPORT_ROWS = 30_000;
/** The saved profile pages' people, known so that their badges have something to show. */
export const PROFILE_SLUGS = ['eduardo-alvarez-nowak', 'vasileiosalevizos'] as const;
export const LIST_URL = 'https://www.linkedin.com/search/results/people/';
const LIST_PEOPLE = 100;
const LIST_KNOWN = 50;

/** The bench's record: exactly SIZE, two of the tagged being the saved profiles' owners. */
export function benchDataset(now: number): Dataset {
  const data = realScaleDataset(
    { ...SIZE, people: SIZE.people - PROFILE_SLUGS.length, tagged: SIZE.tagged - 2 },
    now,
  );
  for (const slug of PROFILE_SLUGS) {
    data.people.push(
      newPerson(slug, now - 200 * DAY_MS, {
        name: slug,
        roles: ['sponsor'],
        level: 'plus2',
        influence: 'high',
      }),
    );
  }
  return data;
}

/** The first real card of the saved "More profiles for you" rail, whole (its <li> holds another). */
function cardTemplate(): string {
  const html = fixtureHtml('list-2024-07-member-rails.html');
  const start = html.indexOf('<li class="artdeco-list__item');
  let depth = 0;
  const tag = /<li[\s>]|<\/li>/g;
  tag.lastIndex = start;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    depth += match[0] === '</li>' ? -1 : 1;
    if (depth === 0) return html.slice(start, match.index + match[0].length);
  }
  throw new Error('No card found in list-2024-07-member-rails.html');
}

/** A search-results page of 100 people (the first 50 tagged, the rest untagged connections), and the tagged slugs. */
export function listPage(data: Dataset): { html: string; known: string[] } {
  const template = cardTemplate();
  // Known = tagged with a role: only they get a chip.
  const known = data.people.filter((p) => p.roles.length > 0).slice(0, LIST_KNOWN);
  // The others are connections from the export: in the record, untagged, so no chip.
  const strangers = data.people
    .filter((p) => p.roles.length === 0 && p.level === 'unknown')
    .slice(0, LIST_PEOPLE - LIST_KNOWN);
  const cards = [...known, ...strangers].map(({ slug, name }) =>
    template
      .replace(/erik-dreborg-13919b17\?miniProfileUrn=[^"]*/g, slug)
      .replaceAll('Erik Dreborg', name),
  );
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Search | LinkedIn</title></head>
<body><main><div class="search-results-container"><ul class="reusable-search__entity-result-list">
${cards.join('\n')}
</ul></div></main></body></html>`;
  return { html, known: known.map((p) => p.slug) };
}

/** Connections.csv as LinkedIn exports it today: a notes preamble, then one row per connection. */
export function connectionsCsv(rows: number): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      `Person${i},Import,https://www.linkedin.com/in/import-person-${i},,"Company ${i % 97}, Inc.",Engineer,${day} ${months[i % 12]} ${2015 + (i % 10)}`,
    );
  }
  return lines.join('\r\n');
}

/** The records an import of `csv` into an empty record writes, as the importer builds them. */
export function importedPeople(csv: string, now: number): StoredPerson[] {
  const file = parseConnectionsCsv(csv);
  if (!file.ok) throw new Error(file.error);
  const index = new PeopleIndex([]);
  applyConnections(index, file.rows, now);
  return index.changedPeople().map((person) => storedPerson(person, NO_HISTORY));
}

/** The stress record. */
export function stressDataset(now: number): Dataset {
  return generateDataset(STRESS_SIZE, now);
}

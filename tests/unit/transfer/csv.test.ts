import { describe, expect, it } from 'vitest';
import { newPerson } from '@/utils/model';
import { csvRows } from '@/utils/transfer/csv-rows';
import { peopleToCsv } from '@/utils/transfer/csv';

const NOW = Date.UTC(2024, 3, 3, 12);

describe('peopleToCsv', () => {
  const people = [
    {
      ...newPerson('ada', NOW, {
        name: 'Lovelace, Ada',
        roles: ['mentor', 'sponsor'],
        headline: 'Says "hi"\nand leaves',
      }),
      lastTouchAt: Date.UTC(2024, 2, 1),
    },
    newPerson('eve', NOW, {
      name: '=HYPERLINK("http://evil","x")',
      company: '+1 Corp',
      motivations: '-2',
      influencedBy: '@boss',
      cadenceDays: 14,
    }),
  ];
  const text = peopleToCsv(people);
  const rows = [...csvRows(text)].map((row) => row.cells);

  it('writes a header and one row per person, CRLF-terminated', () => {
    expect(rows[0]?.[0]).toBe('Name');
    expect(rows).toHaveLength(3);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(4);
  });

  it('quotes commas, quotes and line breaks so that a CSV reader gets the text back', () => {
    expect(rows[1]?.[0]).toBe('Lovelace, Ada');
    expect(rows[1]?.[2]).toBe('Says "hi"\nand leaves');
    expect(text).toContain('"Lovelace, Ada"');
  });

  it('joins roles with ; and writes ISO dates, last touch blank when there is none', () => {
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    expect(rows[1]?.[col('Roles')]).toBe('mentor;sponsor');
    expect(rows[1]?.[col('Last touch')]).toBe('2024-03-01T00:00:00.000Z');
    expect(rows[2]?.[col('Last touch')]).toBe('');
    expect(rows[2]?.[col('Cadence (days)')]).toBe('14');
    expect(rows[1]?.[col('Created')]).toBe('2024-04-03T12:00:00.000Z');
  });

  it('defuses cells that a spreadsheet would run as formulas', () => {
    expect(rows[2]?.slice(0, 4)).toEqual([
      '\'=HYPERLINK("http://evil","x")',
      'https://www.linkedin.com/in/eve/',
      '',
      "'+1 Corp",
    ]);
    expect(rows[2]).toContain("'-2");
    expect(rows[2]).toContain("'@boss");
  });
});

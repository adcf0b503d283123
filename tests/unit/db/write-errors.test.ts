import { describe, expect, it } from 'vitest';
import { asSentence, describeFailedWrite } from '@/utils/db/write-errors';

describe('describeFailedWrite', () => {
  it('explains a full disk, also when Dexie wraps it in an AbortError', () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError', inner: quota });
    expect(describeFailedWrite(abort)).toMatch(/no room left.*nothing was changed/);
    expect(describeFailedWrite(quota)).toMatch(/no room left/);
  });

  it('passes any other reason on, saying that nothing changed', () => {
    expect(describeFailedWrite(new Error('Database closed'))).toBe(
      'The import failed and nothing was changed: Database closed',
    );
    expect(describeFailedWrite('odd')).toBe('The import failed and nothing was changed: odd');
  });
});

describe('asSentence', () => {
  it('ends with a full stop unless it has one, keeping a path as written', () => {
    expect(asSentence("people[0].roles[0]: 'boss' is not a role ")).toBe(
      "people[0].roles[0]: 'boss' is not a role.",
    );
    expect(asSentence('Done.')).toBe('Done.');
    expect(asSentence('Really?')).toBe('Really?');
  });
});

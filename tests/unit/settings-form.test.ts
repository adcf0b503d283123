import { describe, expect, it } from 'vitest';
import {
  readRoleStart,
  readWholeNumber,
  rhythmDraft,
  validateRhythm,
  type RhythmDraft,
} from '@/utils/settings-form';
import { DEFAULT_SETTINGS, LIMITS } from '@/utils/model';

const CADENCE = LIMITS.cadenceDays;

describe('readWholeNumber', () => {
  it('reads whole numbers within bounds, with spaces and a leading plus forgiven', () => {
    expect(readWholeNumber('30', 'X', CADENCE)).toBe(30);
    expect(readWholeNumber(' 7 ', 'X', CADENCE)).toBe(7);
    expect(readWholeNumber('+1', 'X', CADENCE)).toBe(1);
    expect(readWholeNumber('365', 'X', CADENCE)).toBe(365);
  });

  it.each([
    ['', 'Sponsor cadence is empty: enter a number from 1 to 365.'],
    ['   ', 'Sponsor cadence is empty: enter a number from 1 to 365.'],
    ['abc', 'Sponsor cadence must be a number from 1 to 365; “abc” is not.'],
    ['1e3', 'Sponsor cadence must be a number from 1 to 365; “1e3” is not.'],
    ['2.5', 'Sponsor cadence must be a whole number from 1 to 365.'],
    ['0', 'Sponsor cadence must be from 1 to 365; 0 is out of range.'],
    ['-4', 'Sponsor cadence must be from 1 to 365; -4 is out of range.'],
    ['366', 'Sponsor cadence must be from 1 to 365; 366 is out of range.'],
  ])('names the field and the range for %j', (text, message) => {
    expect(readWholeNumber(text, 'Sponsor cadence', CADENCE)).toEqual({ error: message });
  });

  it('accepts a decimal that is a whole number', () => {
    expect(readWholeNumber('14.0', 'X', CADENCE)).toBe(14);
  });
});

describe('validateRhythm', () => {
  it('gives back the saved settings unchanged from their own draft', () => {
    const result = validateRhythm(rhythmDraft(DEFAULT_SETTINGS));
    expect(result).toEqual({
      ok: true,
      rhythm: {
        cadenceByRole: DEFAULT_SETTINGS.cadenceByRole,
        defaultCadenceDays: DEFAULT_SETTINGS.defaultCadenceDays,
        weekStart: DEFAULT_SETTINGS.weekStart,
        visibilityWindowDays: DEFAULT_SETTINGS.visibilityWindowDays,
      },
    });
  });

  it('reads typed changes', () => {
    const draft: RhythmDraft = {
      ...rhythmDraft(DEFAULT_SETTINGS),
      weekStart: '0',
      visibilityWindowDays: '90',
    };
    draft.cadenceByRole.sponsor = '14';
    const result = validateRhythm(draft);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.rhythm.cadenceByRole.sponsor).toBe(14);
    expect(result.rhythm.weekStart).toBe(0);
    expect(result.rhythm.visibilityWindowDays).toBe(90);
  });

  it('reports every invalid field at once, each with its own message', () => {
    const draft = rhythmDraft(DEFAULT_SETTINGS);
    draft.cadenceByRole.mentor = '0';
    draft.defaultCadenceDays = '';
    draft.weekStart = '7';
    draft.visibilityWindowDays = '400';
    const result = validateRhythm(draft);
    expect(result).toEqual({
      ok: false,
      errors: {
        mentor: 'Mentor cadence (days) must be from 1 to 365; 0 is out of range.',
        defaultCadenceDays:
          'Cadence for people with no role (days) is empty: enter a number from 1 to 365.',
        weekStart: 'Week start must be from 0 to 6; 7 is out of range.',
        visibilityWindowDays:
          'Visibility window (days) must be from 1 to 365; 400 is out of range.',
      },
    });
  });
});

describe('readRoleStart', () => {
  it('reads a date as local noon, and empty as none', () => {
    expect(readRoleStart('2025-03-03')).toBe(new Date(2025, 2, 3, 12).getTime());
    expect(readRoleStart('')).toBeNull();
    expect(readRoleStart('  ')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(readRoleStart('2025-02-30')).toEqual({ error: '“2025-02-30” is not a date.' });
    expect(readRoleStart('soon')).toEqual({ error: '“soon” is not a date.' });
    expect(readRoleStart('1850-01-01')).toEqual({
      error: 'Enter a date between the years 1900 and 9999.',
    });
  });
});

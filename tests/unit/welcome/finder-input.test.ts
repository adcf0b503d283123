import { describe, expect, it } from 'vitest';
import { nameFromSlug, readFinderInput } from '@/components/welcome/finder-input';
import { completeProgress, NEW_PROGRESS } from '@/utils/welcome-progress';

describe('readFinderInput', () => {
  it('reads a profile address, a name, an address that names nobody, and nothing', () => {
    expect(readFinderInput('  https://www.linkedin.com/in/Dana-Lee-4a1b2c/  ')).toEqual({
      kind: 'profile',
      slug: 'dana-lee-4a1b2c',
      name: 'Dana Lee',
    });
    expect(readFinderInput('linkedin.com/in/sofia-reyes')).toMatchObject({ slug: 'sofia-reyes' });
    expect(readFinderInput('Dana Lee')).toEqual({ kind: 'name', text: 'Dana Lee' });
    expect(readFinderInput('Zoë')).toEqual({ kind: 'name', text: 'Zoë' });
    for (const address of [
      'https://www.linkedin.com/company/acme/',
      'https://example.com/in/dana',
      'example.com/in/x',
      'www.linkedin.com/feed/',
    ])
      expect(readFinderInput(address), address).toEqual({ kind: 'not-a-profile' });
    expect(readFinderInput('   ')).toEqual({ kind: 'empty' });
  });

  it('guesses a name from a slug, dropping the number LinkedIn adds', () => {
    expect(nameFromSlug('dana-lee-4a1b2c')).toBe('Dana Lee');
    expect(nameFromSlug('sofia-reyes')).toBe('Sofia Reyes');
    expect(nameFromSlug('grace_hopper-1906')).toBe('Grace Hopper');
    expect(nameFromSlug('plato')).toBe('Plato');
  });
});

describe('completeProgress', () => {
  it('keeps what is valid of a stored progress and starts afresh for the rest', () => {
    expect(completeProgress(undefined)).toEqual(NEW_PROGRESS);
    expect(
      completeProgress({
        step: 'sponsor',
        deciders: { manager: ['ada', 7 as unknown as string] } as never,
        finished: true,
      }),
    ).toEqual({
      ...NEW_PROGRESS,
      step: 'sponsor',
      deciders: { ...NEW_PROGRESS.deciders, manager: ['ada'] },
      finished: true,
    });
    expect(completeProgress({ step: 'nowhere' as never }).step).toBe('import');
  });
});

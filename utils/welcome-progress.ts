import { storage } from 'wxt/utils/storage';
import type { Level } from '@/utils/model';

/** The first run's steps, in order (docs/map.md). */
export const WELCOME_STEPS = [
  'import',
  'decides',
  'mentors',
  'sponsor',
  'allies',
  'board',
  'done',
] as const;
export type WelcomeStep = (typeof WELCOME_STEPS)[number];

/** The people who decide the user's next promotion, by who they are to the user. */
export const DECIDERS = ['manager', 'managersManager', 'head', 'other'] as const;
export type Decider = (typeof DECIDERS)[number];

/** Where each kind of decider usually sits: one click changes it. */
export const DECIDER_LEVEL: Record<Decider, Level | null> = {
  manager: 'plus1',
  managersManager: 'plus2',
  head: 'plus3',
  other: null,
};

/** How far the user got: kept so that the first run can be left and resumed. */
export interface WelcomeProgress {
  step: WelcomeStep;
  /** The people named as each kind of decider (slugs): the records hold no "manager". */
  deciders: Record<Decider, string[]>;
  /** The user reached the end once. */
  finished: boolean;
}

export const NEW_PROGRESS: WelcomeProgress = {
  step: 'import',
  deciders: { manager: [], managersManager: [], head: [], other: [] },
  finished: false,
};

/** Versioned, like the settings, so that a later shape migrates. */
export const welcomeProgressItem = storage.defineItem<WelcomeProgress>('local:welcomeProgress', {
  fallback: NEW_PROGRESS,
  version: 1,
});

/** The stored progress with every field present, whatever was stored. */
export function completeProgress(
  stored: Partial<WelcomeProgress> | null | undefined,
): WelcomeProgress {
  const step = WELCOME_STEPS.includes(stored?.step as WelcomeStep)
    ? (stored!.step as WelcomeStep)
    : NEW_PROGRESS.step;
  const deciders = { ...NEW_PROGRESS.deciders };
  for (const kind of DECIDERS) {
    const slugs = stored?.deciders?.[kind];
    if (Array.isArray(slugs)) deciders[kind] = slugs.filter((slug) => typeof slug === 'string');
  }
  return { step, deciders, finished: stored?.finished === true };
}

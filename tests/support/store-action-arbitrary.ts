/** Random sequences of `StoreAction` for the property tests (fast-check stays out of the page bundle). */
import fc from 'fast-check';
import { POOL, type StoreAction } from './store-actions';
import { LEVELS, ROLES, STANCES, TOUCH_KINDS } from '@/utils/model';

const who = fc.integer({ min: 0, max: POOL.length - 1 });

/** Any action of `StoreAction`, weighted towards the everyday ones. */
export const storeAction: fc.Arbitrary<StoreAction> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('tag' as const),
      who,
      role: fc.constantFrom(...ROLES),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      who,
      level: fc.constantFrom(...LEVELS),
      stance: fc.constantFrom(...STANCES),
      motivations: fc.constantFrom('', 'Wants the launch to land'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('note' as const),
      who,
      text: fc.constantFrom('Met at the offsite', 'Ask about hiring'),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('touch' as const),
      who,
      habit: fc.constantFrom(...TOUCH_KINDS),
      daysAgo: fc.integer({ min: 0, max: 400 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('follow-up' as const),
      who,
      dueInDays: fc.integer({ min: -20, max: 20 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tie' as const), a: who, b: who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('untie' as const), who }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('merge' as const), from: who, into: who }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), who }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('import' as const),
      rows: fc.array(
        fc.record({ who, withUrl: fc.boolean(), company: fc.constantFrom('', 'Acme', 'Globex') }),
        { maxLength: 6 },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'backup' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('restore' as const),
      mode: fc.constantFrom('merge' as const, 'replace' as const),
    }),
  },
);

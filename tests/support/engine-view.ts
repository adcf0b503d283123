import type { InsightPerson } from '@/utils/insights/types';
import type { Person } from '@/utils/model';

/**
 * What the column copy of a person must hold: the fields the insight engine reads, picked by
 * hand so that the tests do not check the copy against its own field list.
 */
export function engineView(person: Person): InsightPerson {
  const { slug, name, roles, level, influence, stance, decisionMaker, cadenceDays, createdAt } =
    person;
  return { slug, name, roles, level, influence, stance, decisionMaker, cadenceDays, createdAt };
}

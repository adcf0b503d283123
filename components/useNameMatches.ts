import { useEffect, useState } from 'preact/hooks';
import { findPeopleByName } from '@/utils/db/name-search';
import type { AllianceDb } from '@/utils/db/schema';
import type { Person } from '@/utils/model';

/** How many matches a picker offers: enough to choose, few enough to read. */
export const NAME_MATCHES = 8;

/**
 * The people whose name matches what was typed (each word a prefix of a word of the name), for
 * the pickers that find someone by name; none for an empty query or when the read fails. An
 * answer that comes after the query changed is dropped.
 */
export function useNameMatches(db: AllianceDb, query: string, excludeSlug?: string): Person[] {
  const [matches, setMatches] = useState<Person[]>([]);
  useEffect(() => {
    let current = true;
    findPeopleByName(db, query, NAME_MATCHES, excludeSlug)
      .then((found) => current && setMatches(found))
      .catch(() => current && setMatches([]));
    return () => {
      current = false;
    };
  }, [db, query, excludeSlug]);
  return matches;
}

// People as the people table stores them, for tests that write the table directly.
import {
  NO_HISTORY,
  storedPeople,
  storedPerson,
  type StoredPerson,
} from '@/utils/db/stored-person';
import type { Person } from '@/utils/model';
import type { Dataset } from './dataset';

/** A person stored with no other records about them. */
export function stored(person: Person): StoredPerson {
  return storedPerson(person, NO_HISTORY);
}

/** The people of a whole data set, stored with what their records say. */
export function storedData(data: Dataset): StoredPerson[] {
  return storedPeople(data.people, data);
}

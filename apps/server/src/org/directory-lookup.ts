import type { PersonDto } from '@concord/contracts';
import type { Db } from '../platform/db/database.ts';
import { loadDtos } from './person.repo.ts';
import { subtreeIds } from './department.repo.ts';

export type { PersonRef } from './person.repo.ts';
export { findPersonByNameEmailOrPhone, type PersonMatch } from './person.service.ts';

/**
 * People by id, in the order given; unknown ids are left out. Pass a transaction to read inside it.
 * @example const [owner] = await getPeopleByIds(deps.db, [record.ownerId])
 */
export function getPeopleByIds(db: Db, ids: readonly string[]): Promise<PersonDto[]> {
  return loadDtos(db, [...new Set(ids)]);
}

/**
 * A department's id and the ids of every department below it (active or not); empty when it does not exist.
 * @example const ids = await listDepartmentSubtree(deps.db, 'od-tech') // ['od-tech', 'od-ad', 'od-perception', …]
 */
export function listDepartmentSubtree(db: Db, departmentId: string): Promise<string[]> {
  return subtreeIds(db, departmentId);
}

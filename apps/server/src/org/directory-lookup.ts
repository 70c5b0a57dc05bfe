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

/** Active people keyed for matching typed names, emails and phones (imports look up thousands of cells at once). */
export interface DirectoryIndex {
  byEmail: Map<string, string>;
  byPhone: Map<string, string>;
  /** Name → ids; more than one id means the name is ambiguous. */
  byName: Map<string, string[]>;
}

export async function loadDirectoryIndex(db: Db): Promise<DirectoryIndex> {
  const rows = await db.selectFrom('users').select(['id', 'name', 'email', 'mobile']).where('active', '=', true).execute();
  const index: DirectoryIndex = { byEmail: new Map(), byPhone: new Map(), byName: new Map() };
  for (const r of rows) {
    index.byEmail.set(r.email.toLowerCase(), r.id);
    if (r.mobile) index.byPhone.set(r.mobile, r.id);
    const list = index.byName.get(r.name) ?? [];
    list.push(r.id);
    index.byName.set(r.name, list);
  }
  return index;
}

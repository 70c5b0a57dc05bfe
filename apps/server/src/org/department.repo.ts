import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { DepartmentDto } from '@concord/contracts';
import type { Db } from '../platform/db/database.ts';
import type { DepartmentsTable } from './org.db.ts';

export type DepartmentRow = Selectable<DepartmentsTable>;

function dtoQuery(db: Db) {
  return db
    .selectFrom('departments as d')
    .leftJoin('users as h', 'h.id', 'd.head_id')
    .select(['d.id', 'd.name', 'd.parent_id', 'd.head_id', 'h.name as head_name', 'd.sort', 'd.active'])
    .select((eb) =>
      eb
        .selectFrom('user_departments as ud')
        .innerJoin('users as u', 'u.id', 'ud.user_id')
        .whereRef('ud.department_id', '=', 'd.id')
        .where('u.active', '=', true)
        .select(eb.fn.countAll<number>().as('n'))
        .as('member_count'),
    );
}

type DtoRow = Awaited<ReturnType<ReturnType<typeof dtoQuery>['executeTakeFirstOrThrow']>>;
const toDto = (r: DtoRow): DepartmentDto => ({
  id: r.id,
  name: r.name,
  parentId: r.parent_id,
  headId: r.head_id,
  headName: r.head_name,
  memberCount: Number(r.member_count ?? 0),
  order: r.sort,
  active: r.active,
});

export async function listDtos(db: Db, includeInactive: boolean): Promise<DepartmentDto[]> {
  let q = dtoQuery(db);
  if (!includeInactive) q = q.where('d.active', '=', true);
  return (await q.orderBy('d.sort').orderBy('d.name').orderBy('d.id').execute()).map(toDto);
}

export async function findDto(db: Db, id: string): Promise<DepartmentDto | undefined> {
  const r = await dtoQuery(db).where('d.id', '=', id).executeTakeFirst();
  return r && toDto(r);
}

export function findById(db: Db, id: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listAll(db: Db): Promise<DepartmentRow[]> {
  return db.selectFrom('departments').selectAll().orderBy('sort').orderBy('id').execute();
}

export async function insert(db: Db, row: { id: string; name: string; parent_id: string | null; head_id: string | null; sort: number }): Promise<void> {
  await db.insertInto('departments').values(row).execute();
}

export async function update(
  db: Db,
  id: string,
  set: Partial<Pick<DepartmentRow, 'name' | 'parent_id' | 'head_id' | 'sort' | 'active'>> & { updated_at: Date },
): Promise<void> {
  await db.updateTable('departments').set(set).where('id', '=', id).execute();
}

/** The department and every department below it (UNION, so even a corrupt cycle terminates). */
export async function subtreeIds(db: Db, rootId: string): Promise<string[]> {
  const rows = await db
    .withRecursive('sub(id)', (qb) =>
      qb
        .selectFrom('departments')
        .select('id')
        .where('id', '=', rootId)
        .union(qb.selectFrom('departments as d').innerJoin('sub', 'sub.id', 'd.parent_id').select('d.id')),
    )
    .selectFrom('sub')
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function nextSort(db: Db, parentId: string | null): Promise<number> {
  const r = await db
    .selectFrom('departments')
    .select((eb) => eb.fn.max('sort').as('max'))
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .executeTakeFirst();
  return r?.max === null || r?.max === undefined ? 0 : Number(r.max) + 1;
}

/** An active sibling with this name (case-insensitive), other than `exceptId`. */
export async function findSiblingByName(db: Db, parentId: string | null, name: string, exceptId: string | null): Promise<string | undefined> {
  let q = db
    .selectFrom('departments')
    .select('id')
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .where('active', '=', true)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst())?.id;
}

export async function countActiveMembers(db: Db, id: string): Promise<number> {
  const r = await db
    .selectFrom('user_departments as ud')
    .innerJoin('users as u', 'u.id', 'ud.user_id')
    .where('ud.department_id', '=', id)
    .where('u.active', '=', true)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countActiveChildren(db: Db, id: string): Promise<number> {
  const r = await db
    .selectFrom('departments')
    .where('parent_id', '=', id)
    .where('active', '=', true)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Serialises changes to the department tree, so two concurrent moves cannot together create a cycle. */
export async function lockTree(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(741901)`.execute(db);
}

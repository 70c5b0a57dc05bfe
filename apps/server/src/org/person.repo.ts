import type { Insertable, Selectable, Updateable } from 'kysely';
import type { PersonDto } from '@concord/contracts';
import type { Db } from '../platform/db/database.ts';
import type { UsersTable } from './org.db.ts';

export type PersonRow = Selectable<UsersTable>;

/** Full DTOs for `ids`, in the order given (missing ids are skipped). */
export async function loadDtos(db: Db, ids: readonly string[]): Promise<PersonDto[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('users as m', 'm.id', 'u.manager_id')
    .select(['u.id', 'u.name', 'u.email', 'u.mobile', 'u.title', 'u.manager_id', 'm.name as manager_name', 'u.locale', 'u.time_zone', 'u.role', 'u.active'])
    .where('u.id', 'in', [...ids])
    .execute();
  const memberships = await db
    .selectFrom('user_departments')
    .select(['user_id', 'department_id'])
    .where('user_id', 'in', [...ids])
    .orderBy('is_primary', 'desc')
    .orderBy('department_id')
    .execute();
  const depts = new Map<string, string[]>();
  for (const m of memberships) depts.set(m.user_id, [...(depts.get(m.user_id) ?? []), m.department_id]);
  const byId = new Map(
    rows.map((r): [string, PersonDto] => [
      r.id,
      {
        id: r.id,
        name: r.name,
        email: r.email,
        mobile: r.mobile,
        title: r.title,
        departmentIds: depts.get(r.id) ?? [],
        managerId: r.manager_id,
        managerName: r.manager_name,
        locale: r.locale,
        timeZone: r.time_zone,
        role: r.role,
        active: r.active,
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function findById(db: Db, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByEmail(db: Db, email: string): Promise<PersonRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

export async function insert(db: Db, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function update(db: Db, id: string, set: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

/** Replaces a person's departments; the first one is their primary department. */
export async function setDepartments(db: Db, userId: string, departmentIds: readonly string[]): Promise<void> {
  await db.deleteFrom('user_departments').where('user_id', '=', userId).execute();
  if (departmentIds.length === 0) return;
  await db
    .insertInto('user_departments')
    .values(departmentIds.map((department_id, i) => ({ user_id: userId, department_id, is_primary: i === 0 })))
    .execute();
}

/** `startId` and every manager above it (UNION, so an existing cycle still terminates). */
export async function managerChain(db: Db, startId: string): Promise<string[]> {
  const rows = await db
    .withRecursive('chain(id)', (qb) =>
      qb
        .selectFrom('users')
        .select('id')
        .where('id', '=', startId)
        .union(
          qb
            .selectFrom('users as u')
            .innerJoin('chain', 'chain.id', 'u.id')
            .select('u.manager_id as id')
            .where('u.manager_id', 'is not', null)
            .$narrowType<{ id: string }>(),
        ),
    )
    .selectFrom('chain')
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function deleteSessions(db: Db, userId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const r = await db
    .selectFrom('users')
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

/** Active people whose email, mobile (E.164) or exact name equals `text`; email and mobile win over names. */
export async function findRefs(db: Db, text: { email: string | null; mobile: string | null; name: string }): Promise<PersonRef[]> {
  const base = db.selectFrom('users').select(['id', 'name', 'email']).where('active', '=', true);
  if (text.email) {
    const r = await base.where((eb) => eb(eb.fn('lower', ['email']), '=', text.email!.toLowerCase())).execute();
    if (r.length) return r;
  }
  if (text.mobile) {
    const r = await base.where('mobile', '=', text.mobile).execute();
    if (r.length) return r;
  }
  return base.where('name', '=', text.name).orderBy('id').limit(10).execute();
}

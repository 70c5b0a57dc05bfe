import type { Db } from '../platform/db/database.ts';

/** An active department found by name, with its active members (direct members only, heads included). */
export interface NamedDepartment {
  id: string;
  name: string;
  members: { id: string; name: string; title: string | null }[];
}

/**
 * Active departments with these exact names and their active members, in the order of `names`; names nobody uses are
 * left out. Templates use it to pick sensible default owners (the CRM's stage owners by 销售中心 / 大客户部 …).
 * @example const [keyAccounts] = await findDepartmentsByName(deps.db, ['大客户部'])
 */
export async function findDepartmentsByName(db: Db, names: readonly string[]): Promise<NamedDepartment[]> {
  if (names.length === 0) return [];
  const depts = await db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('name', 'in', [...names])
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  if (depts.length === 0) return [];
  const members = await db
    .selectFrom('user_departments as ud')
    .innerJoin('users as u', 'u.id', 'ud.user_id')
    .select(['ud.department_id', 'u.id', 'u.name', 'u.title'])
    .where(
      'ud.department_id',
      'in',
      depts.map((d) => d.id),
    )
    .where('u.active', '=', true)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  const out: NamedDepartment[] = [];
  for (const name of names) {
    const d = depts.find((x) => x.name === name);
    if (!d) continue;
    out.push({ id: d.id, name: d.name, members: members.filter((m) => m.department_id === d.id).map((m) => ({ id: m.id, name: m.name, title: m.title })) });
  }
  return out;
}

/**
 * The longest-standing active administrator, for work that runs without a signed-in person (the demo seed at start-up).
 * @example const admin = await firstAdministrator(deps.db) // { id: 'ou_…', name: '管理员' } or null
 */
export async function firstAdministrator(db: Db): Promise<{ id: string; name: string } | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

import type { Deps } from '../platform/deps.ts';
import type { Db } from '../platform/db/database.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { audit } from '../platform/audit.ts';
import { publish } from '../platform/events.ts';
import { hashPassword } from '../platform/auth/password.ts';
import { nameKeys } from './name-keys.ts';
import { lockTree } from './department.repo.ts';
import { DEMO_DEPARTMENTS, DEMO_DOMAIN, DEMO_PASSWORD, demoMobile, demoNames, seededRandom } from './demo-data.ts';

export { DEMO_PASSWORD };

async function isEmpty(db: Db): Promise<boolean> {
  const person = await db.selectFrom('users').select('id').where('role', '<>', 'admin').limit(1).executeTakeFirst();
  const dept = await db.selectFrom('departments').select('id').limit(1).executeTakeFirst();
  return !person && !dept;
}

/** True when the directory has no departments and nobody besides administrators (a fresh instance). */
export async function isDirectoryEmpty(deps: Deps): Promise<boolean> {
  return isEmpty(deps.db);
}

interface Plan {
  departments: { id: string; name: string; parent_id: string | null; head_id: string; sort: number }[];
  people: { id: string; name: string; email: string; mobile: string; title: string; manager_id: string | null; departmentId: string }[];
}

/** The whole company, computed before touching the database; the same every time except for ids. */
function plan(): Plan {
  const rnd = seededRandom(20261124);
  const total = DEMO_DEPARTMENTS.reduce((n, d) => n + d.size, 0);
  const names = demoNames(rnd, total);
  const emails = new Set<string>();
  const mobiles = new Set<string>();
  const deptIds = new Map<string, string>();
  const heads = new Map<string, string>();
  const siblingCount = new Map<string | null, number>();
  const out: Plan = { departments: [], people: [] };
  let n = 0;
  for (const d of DEMO_DEPARTMENTS) {
    const id = newId('od-');
    deptIds.set(d.key, id);
    const parentHead = d.parent ? heads.get(d.parent)! : (heads.get('ceo') ?? null);
    for (let i = 0; i < d.size; i++) {
      const name = names[n++]!;
      const base = nameKeys(name).pinyin;
      let email = `${base}@${DEMO_DOMAIN}`;
      for (let k = 2; emails.has(email); k++) email = `${base}${k}@${DEMO_DOMAIN}`;
      emails.add(email);
      let mobile = demoMobile(rnd);
      while (mobiles.has(mobile)) mobile = demoMobile(rnd);
      mobiles.add(mobile);
      const personId = newId('ou_');
      if (i === 0) heads.set(d.key, personId);
      const title = i === 0 ? d.headTitle : d.titles[(i - 1) % d.titles.length]!;
      // Department heads report to the head of the department above (top-level heads to the CEO); members to their head.
      const manager = i === 0 ? parentHead : heads.get(d.key)!;
      out.people.push({ id: personId, name, email, mobile, title, manager_id: manager, departmentId: id });
    }
    const sort = siblingCount.get(d.parent) ?? 0;
    siblingCount.set(d.parent, sort + 1);
    out.departments.push({ id, name: d.name, parent_id: d.parent ? deptIds.get(d.parent)! : null, head_id: heads.get(d.key)!, sort });
  }
  return out;
}

/**
 * Seeds 极行出行 (Jixing Mobility): 15 departments in three levels and 150 people with titles, managers and mobiles,
 * all signing in with the password "concord-demo". One transaction; refused unless the directory is empty.
 */
export async function seedDemoCompany(deps: Deps, ctx: RequestContext | null): Promise<{ departments: number; people: number }> {
  const company = plan();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return deps.db.transaction().execute(async (trx) => {
    await lockTree(trx);
    if (!(await isEmpty(trx))) {
      throw new AppError('conflict', 'org.demo.not_empty', {
        en: 'The directory already has people or departments; the demo company can only be added to an empty directory',
        zh: '通讯录中已有成员或部门，只能在空通讯录中添加演示公司',
      });
    }
    // Managers and parents point at rows of the same statement: PostgreSQL checks foreign keys at statement end.
    await trx
      .insertInto('users')
      .values(
        company.people.map((p) => {
          const keys = nameKeys(p.name);
          return {
            id: p.id,
            name: p.name,
            email: p.email,
            mobile: p.mobile,
            title: p.title,
            manager_id: p.manager_id,
            locale: null,
            password_hash: passwordHash,
            name_pinyin: keys.pinyin,
            name_initials: keys.initials,
          };
        }),
      )
      .execute();
    await trx.insertInto('departments').values(company.departments).execute();
    await trx
      .insertInto('user_departments')
      .values(company.people.map((p) => ({ user_id: p.id, department_id: p.departmentId, is_primary: true })))
      .execute();
    const counts = { departments: company.departments.length, people: company.people.length };
    await audit(trx, ctx, 'org.demo.seed', null, counts);
    await publish(trx, ['org'], { type: 'org.directory.imported', ...counts });
    return counts;
  });
}

import type { Locale, PersonDto, Role } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { Db } from '../platform/db/database.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { audit } from '../platform/audit.ts';
import { publish } from '../platform/events.ts';
import { hashPassword } from '../platform/auth/password.ts';
import { isTimeZone } from './session.service.ts';
import { nameKeys } from './name-keys.ts';
import { normalizeMobile } from './mobile.ts';
import * as repo from './person.repo.ts';

export interface PersonFields {
  name: string;
  email: string;
  mobile?: string | null;
  title?: string | null;
  departmentIds?: string[];
  managerId?: string | null;
  locale?: Locale | null;
  timeZone?: string;
  role?: Role;
  password?: string;
}
export type PersonPatch = Partial<PersonFields> & { active?: boolean };
type Change = 'created' | 'updated' | 'deactivated' | 'reactivated';

const ACTIONS: Record<Change, string> = {
  created: 'org.person.create',
  updated: 'org.person.update',
  deactivated: 'org.person.deactivate',
  reactivated: 'org.person.reactivate',
};

export const personNotFound = (id: string) => new AppError('not_found', 'org.person.not_found', { en: `Person not found: ${id}`, zh: `找不到此人：${id}` });

export async function getPerson(deps: Deps, id: string): Promise<PersonDto> {
  const [p] = await repo.loadDtos(deps.db, [id]);
  if (!p) throw personNotFound(id);
  return p;
}

function assertTimeZone(tz: string | undefined): void {
  if (tz !== undefined && !isTimeZone(tz)) {
    throw new AppError('validation', 'org.person.invalid_time_zone', { en: `Unknown time zone: ${tz}`, zh: `未知时区：${tz}` });
  }
}

async function assertEmailFree(trx: Db, email: string, exceptId: string | null): Promise<void> {
  const other = await repo.findByEmail(trx, email);
  if (other && other.id !== exceptId) {
    throw new AppError('conflict', 'org.person.email_taken', { en: `Someone already uses ${email}`, zh: `邮箱 ${email} 已被他人使用` }, { personId: other.id });
  }
}

async function assertDepartmentsUsable(trx: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await trx
    .selectFrom('departments')
    .select(['id', 'name', 'active'])
    .where('id', 'in', [...ids])
    .execute();
  for (const id of ids) {
    const d = rows.find((r) => r.id === id);
    if (!d) throw new AppError('validation', 'org.person.department_not_found', { en: `Department not found: ${id}`, zh: `找不到部门：${id}` });
    if (!d.active)
      throw new AppError('validation', 'org.person.department_inactive', { en: `Department “${d.name}” is deactivated`, zh: `部门“${d.name}”已停用` });
  }
}

/** The manager must be an active person who does not (directly or indirectly) report to `personId`. */
async function assertManagerUsable(trx: Db, personId: string, managerId: string | null): Promise<void> {
  if (managerId === null) return;
  const manager = await repo.findById(trx, managerId);
  if (!manager?.active) {
    throw new AppError('validation', 'org.person.manager_not_found', {
      en: `Manager not found or deactivated: ${managerId}`,
      zh: `直属上级不存在或已停用：${managerId}`,
    });
  }
  if ((await repo.managerChain(trx, managerId)).includes(personId)) {
    throw new AppError('validation', 'org.person.manager_cycle', {
      en: `${manager.name} already reports to this person, so cannot be their manager`,
      zh: `${manager.name} 已是此人的下属（直接或间接），不能设为其上级`,
    });
  }
}

/** Inserts a person after every check; no audit or event (callers record one per use case). */
export async function writeNewPerson(trx: Db, input: PersonFields): Promise<string> {
  const id = newId('ou_');
  const email = input.email.trim().toLowerCase();
  const mobile = normalizeMobile(input.mobile);
  const departmentIds = [...new Set(input.departmentIds ?? [])];
  assertTimeZone(input.timeZone);
  await assertEmailFree(trx, email, null);
  await assertDepartmentsUsable(trx, departmentIds);
  await assertManagerUsable(trx, id, input.managerId ?? null);
  const keys = nameKeys(input.name);
  await repo.insert(trx, {
    id,
    name: input.name,
    email,
    mobile,
    title: input.title || null,
    manager_id: input.managerId ?? null,
    locale: input.locale ?? null,
    ...(input.timeZone ? { time_zone: input.timeZone } : {}),
    role: input.role ?? 'member',
    password_hash: input.password ? await hashPassword(input.password) : null,
    name_pinyin: keys.pinyin,
    name_initials: keys.initials,
  });
  await repo.setDepartments(trx, id, departmentIds);
  return id;
}

/** Applies a patch after every check; returns the changed field names and the kind of change (null: nothing changed). */
export async function writePersonPatch(trx: Db, now: Date, id: string, patch: PersonPatch): Promise<{ fields: string[]; change: Change } | null> {
  const cur = await repo.findById(trx, id);
  if (!cur) throw personNotFound(id);
  const set: Parameters<typeof repo.update>[2] = {};
  const fields: string[] = [];
  if (patch.name !== undefined && patch.name !== cur.name) {
    const keys = nameKeys(patch.name);
    Object.assign(set, { name: patch.name, name_pinyin: keys.pinyin, name_initials: keys.initials });
    fields.push('name');
  }
  if (patch.email !== undefined && patch.email.toLowerCase() !== cur.email) {
    await assertEmailFree(trx, patch.email, id);
    set.email = patch.email.toLowerCase();
    fields.push('email');
  }
  if (patch.mobile !== undefined) {
    const mobile = normalizeMobile(patch.mobile);
    if (mobile !== cur.mobile) {
      set.mobile = mobile;
      fields.push('mobile');
    }
  }
  if (patch.title !== undefined && (patch.title || null) !== cur.title) {
    set.title = patch.title || null;
    fields.push('title');
  }
  if (patch.managerId !== undefined && patch.managerId !== cur.manager_id) {
    await assertManagerUsable(trx, id, patch.managerId);
    set.manager_id = patch.managerId;
    fields.push('managerId');
  }
  if (patch.locale !== undefined && patch.locale !== cur.locale) {
    set.locale = patch.locale;
    fields.push('locale');
  }
  if (patch.timeZone !== undefined && patch.timeZone !== cur.time_zone) {
    assertTimeZone(patch.timeZone);
    set.time_zone = patch.timeZone;
    fields.push('timeZone');
  }
  if (patch.role !== undefined && patch.role !== cur.role) {
    set.role = patch.role;
    fields.push('role');
  }
  if (patch.active !== undefined && patch.active !== cur.active) {
    set.active = patch.active;
    fields.push('active');
  }
  if (patch.password !== undefined) {
    set.password_hash = await hashPassword(patch.password);
    fields.push('password');
  }
  const stillAdmin = (set.role ?? cur.role) === 'admin' && (set.active ?? cur.active);
  if (cur.role === 'admin' && cur.active && !stillAdmin && (await repo.countActiveAdmins(trx)) <= 1) {
    throw new AppError('conflict', 'org.person.last_admin', {
      en: 'This is the last active administrator; make someone else an administrator first',
      zh: '这是最后一位在职管理员，请先将其他人设为管理员',
    });
  }
  if (patch.departmentIds !== undefined) {
    const next = [...new Set(patch.departmentIds)];
    const current = (await repo.loadDtos(trx, [id]))[0]?.departmentIds ?? [];
    if (next.join('\n') !== current.join('\n')) {
      await assertDepartmentsUsable(
        trx,
        next.filter((d) => !current.includes(d)),
      );
      await repo.setDepartments(trx, id, next);
      fields.push('departmentIds');
    }
  }
  if (fields.length === 0) return null;
  await repo.update(trx, id, { ...set, updated_at: now });
  // Deactivation signs the person out everywhere; personal tokens stop working because the actor must be active.
  if (set.active === false) await repo.deleteSessions(trx, id);
  const change: Change = set.active === false ? 'deactivated' : set.active === true ? 'reactivated' : 'updated';
  return { fields, change };
}

async function record(trx: Db, ctx: RequestContext, id: string, change: Change, fields: string[]): Promise<void> {
  await audit(trx, ctx, ACTIONS[change], { type: 'person', id }, { fields });
  await publish(trx, ['org'], { type: 'org.person.changed', personId: id, change });
}

export async function createPerson(deps: Deps, ctx: RequestContext, input: PersonFields): Promise<PersonDto> {
  return deps.db.transaction().execute(async (trx) => {
    const id = await writeNewPerson(trx, input);
    await record(
      trx,
      ctx,
      id,
      'created',
      Object.keys(input).filter((k) => k !== 'password'),
    );
    return (await repo.loadDtos(trx, [id]))[0]!;
  });
}

export async function updatePerson(deps: Deps, ctx: RequestContext, id: string, patch: PersonPatch): Promise<PersonDto> {
  return deps.db.transaction().execute(async (trx) => {
    const result = await writePersonPatch(trx, deps.clock.now(), id, patch);
    if (result) await record(trx, ctx, id, result.change, result.fields);
    return (await repo.loadDtos(trx, [id]))[0]!;
  });
}

export type PersonMatch = { kind: 'found'; person: repo.PersonRef } | { kind: 'none' } | { kind: 'ambiguous'; people: repo.PersonRef[] };

/**
 * Resolves what someone typed in a spreadsheet cell ("张伟", "zhangwei@x.cn", "138 0013 8000") to one active person.
 * Works inside the caller's transaction.
 */
export async function findPersonByNameEmailOrPhone(db: Db, text: string): Promise<PersonMatch> {
  const value = text.trim();
  if (!value) return { kind: 'none' };
  let mobile: string | null = null;
  try {
    mobile = value.includes('@') ? null : normalizeMobile(value);
  } catch {
    mobile = null;
  }
  const people = await repo.findRefs(db, { email: value.includes('@') ? value : null, mobile, name: value });
  if (people.length === 1) return { kind: 'found', person: people[0]! };
  return people.length === 0 ? { kind: 'none' } : { kind: 'ambiguous', people };
}

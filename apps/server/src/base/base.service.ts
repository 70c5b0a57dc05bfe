import { sql } from 'kysely';
import type { BaseDto, BaseRole } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { Db } from '../platform/db/database.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import type { Actor, RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { audit } from '../platform/audit.ts';
import { baseNotFound, requireRole, roleIn } from './access.ts';

const baseName = (name: string) => name.trim();

async function toDto(db: Db, base: { id: string; name: string; revision: number; created_at: Date }, role: BaseRole): Promise<BaseDto> {
  const tables = await db.selectFrom('base_tables').select(['id', 'name']).where('base_id', '=', base.id).orderBy('position').orderBy('created_at').execute();
  return { id: base.id, name: base.name, role, revision: base.revision, tables, createdAt: base.created_at.toISOString() };
}

/** Creates a base owned by its creator (an app's bases have no human owner until one is added). */
export async function createBase(deps: Deps, ctx: RequestContext, name: string): Promise<BaseDto> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('unauthorized', 'auth.required', { en: 'Please sign in', zh: '请先登录' });
  const id = newId('bascn', 18);
  return inTransaction(deps.db, async (trx) => {
    const base = await trx
      .insertInto('bases')
      .values({ id, name: baseName(name), owner_id: actor.kind === 'user' ? actor.userId : null })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (actor.kind === 'user') await trx.insertInto('base_members').values({ base_id: id, user_id: actor.userId, role: 'owner' }).execute();
    await audit(trx, ctx, 'base.create', { type: 'base', id }, { name });
    return toDto(trx, base, 'owner');
  });
}

export async function getBase(deps: Deps, actor: Actor | null, baseId: string): Promise<BaseDto> {
  const role = await requireRole(deps.db, actor, baseId, 'viewer');
  const base = await deps.db.selectFrom('bases').selectAll().where('id', '=', baseId).executeTakeFirst();
  if (!base) throw baseNotFound(baseId);
  return toDto(deps.db, base, role);
}

/** Bases the actor can open: their memberships, or all of them for administrators. */
export async function listBases(deps: Deps, actor: Actor): Promise<BaseDto[]> {
  let q = deps.db.selectFrom('bases').selectAll().orderBy('created_at');
  if (actor.kind === 'user' && actor.role !== 'admin')
    q = q.where('id', 'in', deps.db.selectFrom('base_members').select('base_id').where('user_id', '=', actor.userId));
  const rows = await q.execute();
  const out: BaseDto[] = [];
  for (const b of rows) {
    const role = await roleIn(deps.db, actor, b.id);
    if (role) out.push(await toDto(deps.db, b, role));
  }
  return out;
}

/** Bumps the base revision (Feishu clients read it to notice structure changes). */
export async function touchBase(trx: Db, baseId: string): Promise<void> {
  await trx
    .updateTable('bases')
    .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: sql<Date>`now()` }))
    .where('id', '=', baseId)
    .execute();
}

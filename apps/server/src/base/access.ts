import type { BaseRole } from '@concord/contracts';
import type { Db } from '../platform/db/database.ts';
import type { Actor } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';

const RANK: Record<BaseRole, number> = { viewer: 0, commenter: 1, editor: 2, owner: 3 };

export const baseNotFound = (baseId: string) =>
  new AppError('not_found', 'base.not_found', { en: `Base ${baseId} not found`, zh: `多维表格 ${baseId} 不存在` }, { feishuCode: 1254040 });

/** The role a member row (or its absence) gives the actor: administrators and apps with the bitable scope act as owners. */
function roleOf(actor: Actor, memberRole: BaseRole | null | undefined): BaseRole | null {
  if (actor.kind === 'app') return actor.scopes.includes('bitable') ? 'owner' : actor.scopes.includes('bitable:readonly') ? 'viewer' : null;
  return memberRole ?? (actor.role === 'admin' ? 'owner' : null);
}

/** The actor's role in a base: members by their row; administrators and apps with the bitable scope act as owners. */
export async function roleIn(db: Db, actor: Actor, baseId: string): Promise<BaseRole | null> {
  if (actor.kind === 'app') return roleOf(actor, null);
  const row = await db.selectFrom('base_members').select('role').where('base_id', '=', baseId).where('user_id', '=', actor.userId).executeTakeFirst();
  return roleOf(actor, row?.role);
}

/** Whether a base exists and the actor's member row in it, as read together with something else (loadTableForWrite). */
export interface Membership {
  baseFound: boolean;
  role: BaseRole | null;
}

/** One round trip: the base's existence and the actor's membership together. */
async function membershipIn(db: Db, actor: Actor, baseId: string): Promise<Membership> {
  const row = await db
    .selectFrom('bases as b')
    .leftJoin('base_members as m', (j) => j.onRef('m.base_id', '=', 'b.id').on('m.user_id', '=', actor.kind === 'user' ? actor.userId : ''))
    .select(['b.id', 'm.role'])
    .where('b.id', '=', baseId)
    .executeTakeFirst();
  return { baseFound: row !== undefined, role: row?.role ?? null };
}

/**
 * Throws unless the actor holds at least `min` in the base. Someone with no access at all is told it does not exist.
 * `known` is the actor's membership when the caller already read it.
 */
export async function requireRole(db: Db, actor: Actor | null, baseId: string, min: BaseRole, known?: Membership): Promise<BaseRole> {
  if (!actor) throw new AppError('unauthorized', 'auth.required', { en: 'Please sign in', zh: '请先登录' });
  const row: Membership = known ?? (await membershipIn(db, actor, baseId));
  if (!row.baseFound) throw baseNotFound(baseId);
  const role = roleOf(actor, row.role);
  if (!role) throw baseNotFound(baseId);
  if (RANK[role] < RANK[min]) {
    throw new AppError(
      'forbidden',
      'base.forbidden',
      { en: `This needs the ${min} role in the base`, zh: `需要多维表格的${min}权限` },
      { feishuCode: 1254302, httpStatus: 403 },
    );
  }
  return role;
}

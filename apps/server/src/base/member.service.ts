import type { z } from 'zod';
import type { baseMemberDto, BaseRole } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { audit } from '../platform/audit.ts';
import { requireRole } from './access.ts';

type MemberDto = z.infer<typeof baseMemberDto>;

export async function listMembers(deps: Deps, ctx: RequestContext, baseId: string): Promise<MemberDto[]> {
  await requireRole(deps.db, ctx.actor, baseId, 'viewer');
  const rows = await deps.db
    .selectFrom('base_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.name', 'u.email', 'm.role'])
    .where('m.base_id', '=', baseId)
    .orderBy('u.name_pinyin')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, name: r.name, email: r.email, role: r.role }));
}

/** Adds or re-roles members; a base always keeps at least one owner. */
export async function setMembers(deps: Deps, ctx: RequestContext, baseId: string, members: { userId: string; role: BaseRole }[]): Promise<MemberDto[]> {
  await requireRole(deps.db, ctx.actor, baseId, 'owner');
  const ids = [...new Set(members.map((m) => m.userId))];
  const known = await deps.db.selectFrom('users').select('id').where('id', 'in', ids).where('active', '=', true).execute();
  const unknown = ids.find((i) => !known.some((k) => k.id === i));
  if (unknown) throw new AppError('validation', 'base.member.unknown_person', { en: `No active person ${unknown}`, zh: `不存在在职人员 ${unknown}` });
  await deps.db.transaction().execute(async (trx) => {
    for (const m of members) {
      await trx
        .insertInto('base_members')
        .values({ base_id: baseId, user_id: m.userId, role: m.role })
        .onConflict((oc) => oc.columns(['base_id', 'user_id']).doUpdateSet({ role: m.role }))
        .execute();
    }
    await assertOwnerRemains(trx, baseId);
    await audit(trx, ctx, 'base.members.set', { type: 'base', id: baseId }, { members });
  });
  return listMembers(deps, ctx, baseId);
}

export async function removeMember(deps: Deps, ctx: RequestContext, baseId: string, userId: string): Promise<MemberDto[]> {
  await requireRole(deps.db, ctx.actor, baseId, 'owner');
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('base_members').where('base_id', '=', baseId).where('user_id', '=', userId).execute();
    await assertOwnerRemains(trx, baseId);
    await audit(trx, ctx, 'base.members.remove', { type: 'base', id: baseId }, { userId });
  });
  return listMembers(deps, ctx, baseId);
}

async function assertOwnerRemains(trx: Deps['db'], baseId: string): Promise<void> {
  const owner = await trx.selectFrom('base_members').select('user_id').where('base_id', '=', baseId).where('role', '=', 'owner').limit(1).executeTakeFirst();
  if (!owner) throw new AppError('invariant', 'base.member.last_owner', { en: 'A base keeps at least one owner', zh: '多维表格至少保留一位所有者' });
}

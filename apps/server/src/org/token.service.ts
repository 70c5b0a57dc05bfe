import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId, newSecret } from '../platform/ids.ts';
import { hashToken } from '../platform/auth/token-hash.ts';
import { audit } from '../platform/audit.ts';

const toDto = (r: { id: string; name: string; created_at: Date; last_used_at: Date | null }) => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
});

/** A personal API token: `cpat_<secret>`, stored only as a hash, shown once. */
export async function createToken(deps: Deps, ctx: RequestContext, userId: string, name: string) {
  const token = `cpat_${newSecret()}`;
  const id = newId('pat_');
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('personal_tokens')
      .values({ id, user_id: userId, name, token_hash: hashToken(token), last_used_at: null, revoked_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, 'auth.token_create', { type: 'personal_token', id }, { name });
    return { ...toDto(row), token };
  });
}

export async function listTokens(deps: Deps, userId: string) {
  const rows = await deps.db
    .selectFrom('personal_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toDto);
}

export async function revokeToken(deps: Deps, ctx: RequestContext, userId: string, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('personal_tokens')
      .set({ revoked_at: deps.clock.now() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!r.numUpdatedRows) throw new AppError('not_found', 'auth.token_not_found', { en: 'Token not found', zh: '找不到该令牌' });
    await audit(trx, ctx, 'auth.token_revoke', { type: 'personal_token', id });
  });
}

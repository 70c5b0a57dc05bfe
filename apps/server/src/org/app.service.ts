import { randomBytes } from 'node:crypto';
import { appScope, type AppDto } from '@concord/contracts';
import type { z } from 'zod';
import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { hashToken } from '../platform/auth/token-hash.ts';
import { audit } from '../platform/audit.ts';

type AppScope = z.infer<typeof appScope>;
type AppRow = { app_id: string; name: string; scopes: string[]; active: boolean; created_at: Date };

/** Feishu-looking app id: `cli_` + 16 lowercase hex characters. */
export function newAppId(): string {
  return `cli_${randomBytes(8).toString('hex')}`;
}

/** 32 alphanumeric characters, like a Feishu app secret (~190 bits). */
export function newAppSecret(): string {
  return newId('', 32);
}

function toDto(r: AppRow): AppDto {
  // A scope dropped from the contract later must not make the whole list fail.
  const scopes = r.scopes.filter((s): s is AppScope => appScope.safeParse(s).success);
  return { appId: r.app_id, name: r.name, scopes, active: r.active, createdAt: r.created_at.toISOString() };
}

const appNotFound = (appId: string) => new AppError('not_found', 'org.app.not_found', { en: `No such app: ${appId}`, zh: `应用不存在：${appId}` });

/** Registers an Open Platform app. The secret is returned once and stored only as a hash. */
export async function createApp(deps: Deps, ctx: RequestContext, input: { name: string; scopes: AppScope[] }): Promise<AppDto & { appSecret: string }> {
  const appSecret = newAppSecret();
  const scopes = [...new Set(input.scopes)];
  const createdBy = ctx.actor?.kind === 'user' ? ctx.actor.userId : null;
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('apps')
      .values({ app_id: newAppId(), name: input.name, secret_hash: hashToken(appSecret), scopes, created_by: createdBy })
      .returning(['app_id', 'name', 'scopes', 'active', 'created_at'])
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, 'org.app.create', { type: 'app', id: row.app_id }, { name: row.name, scopes });
    return { ...toDto(row), appSecret };
  });
}

export async function listApps(deps: Deps): Promise<AppDto[]> {
  const rows = await deps.db
    .selectFrom('apps')
    .select(['app_id', 'name', 'scopes', 'active', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('app_id')
    .execute();
  return rows.map(toDto);
}

/** New secret for an app; the old secret stops working and tokens issued with it are revoked (a rotation usually means a leak). */
export async function rotateAppSecret(deps: Deps, ctx: RequestContext, appId: string): Promise<AppDto & { appSecret: string }> {
  const appSecret = newAppSecret();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('apps')
      .set({ secret_hash: hashToken(appSecret) })
      .where('app_id', '=', appId)
      .returning(['app_id', 'name', 'scopes', 'active', 'created_at'])
      .executeTakeFirst();
    if (!row) throw appNotFound(appId);
    const revoked = await trx.deleteFrom('tenant_tokens').where('app_id', '=', appId).executeTakeFirst();
    await audit(trx, ctx, 'org.app.rotate_secret', { type: 'app', id: appId }, { revokedTokens: Number(revoked.numDeletedRows) });
    return { ...toDto(row), appSecret };
  });
}

/** Removes an app; its tokens go with it (foreign key cascade), so its scripts stop at the next call. */
export async function deleteApp(deps: Deps, ctx: RequestContext, appId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.deleteFrom('apps').where('app_id', '=', appId).returning(['app_id', 'name']).executeTakeFirst();
    if (!row) throw appNotFound(appId);
    await audit(trx, ctx, 'org.app.delete', { type: 'app', id: appId }, { name: row.name });
  });
}

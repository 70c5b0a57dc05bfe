import type { Deps } from '../platform/deps.ts';
import type { Actor, RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { hashToken } from '../platform/auth/token-hash.ts';
import { audit } from '../platform/audit.ts';
import { resolveActor } from './session.service.ts';

/** Lifetime of a tenant_access_token in seconds, as Feishu. The Node SDK refreshes 3 minutes before it ends. */
export const TENANT_TOKEN_SECONDS = 7200;

/** Feishu answers credential problems at the token endpoint with HTTP 200 and a non-zero code, so callers branch on `code`. */
function tokenError(feishuCode: number, msg: string, code: string): AppError {
  return new AppError('unauthorized', code, { en: msg, zh: msg }, { feishuCode, httpStatus: 200 });
}
export const invalidTokenParams = () =>
  new AppError('validation', 'open.invalid_param', { en: 'invalid param', zh: 'invalid param' }, { feishuCode: 10003, httpStatus: 200 });

/**
 * Exchanges an app's id and secret for a `t-…` token valid for {@link TENANT_TOKEN_SECONDS}. Tokens are stored hashed
 * with their expiry, so they stay valid across restarts and on every instance. Each call issues a fresh token.
 */
export async function issueTenantToken(
  deps: Deps,
  ctx: RequestContext,
  input: { appId: string; appSecret: string },
): Promise<{ token: string; expire: number }> {
  const now = deps.clock.now();
  const app = await deps.db.selectFrom('apps').select(['app_id', 'secret_hash', 'active']).where('app_id', '=', input.appId).executeTakeFirst();
  if (!app) throw tokenError(10014, 'app id not exists', 'open.app_not_found');
  if (app.secret_hash !== hashToken(input.appSecret)) {
    await audit(deps.db, ctx, 'org.app.token_denied', { type: 'app', id: app.app_id }, { reason: 'secret' });
    throw tokenError(10014, 'app secret invalid', 'open.app_secret_invalid');
  }
  if (!app.active) throw tokenError(10014, 'app is not active', 'open.app_inactive');
  const token = `t-${newId('', 40)}`;
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('tenant_tokens').where('app_id', '=', app.app_id).where('expires_at', '<=', now).execute();
    await trx
      .insertInto('tenant_tokens')
      .values({ token_hash: hashToken(token), app_id: app.app_id, expires_at: new Date(now.getTime() + TENANT_TOKEN_SECONDS * 1000) })
      .execute();
  });
  return { token, expire: TENANT_TOKEN_SECONDS };
}

/**
 * The app behind a tenant token, or null when the token is unknown, expired or its app is inactive.
 * @example const actor = await resolveTenantToken(deps, 't-…') // { kind: 'app', appId: 'cli_…', name, scopes }
 */
export async function resolveTenantToken(deps: Deps, token: string): Promise<Extract<Actor, { kind: 'app' }> | null> {
  const row = await deps.db
    .selectFrom('tenant_tokens as t')
    .innerJoin('apps as a', 'a.app_id', 't.app_id')
    .select(['a.app_id', 'a.name', 'a.scopes', 'a.active', 't.expires_at'])
    .where('t.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || !row.active || row.expires_at.getTime() <= deps.clock.now().getTime()) return null;
  return { kind: 'app', appId: row.app_id, name: row.name, scopes: row.scopes };
}

/**
 * The actor behind an Open API bearer token: a tenant token (`t-…`) is an app; a personal token (`cpat_…`) is its user,
 * for scripts that prefer acting as a person.
 */
export async function resolveOpenActor(deps: Deps, token: string): Promise<Actor | null> {
  if (token.startsWith('t-')) return resolveTenantToken(deps, token);
  if (token.startsWith('cpat_')) return resolveActor(deps, undefined, token);
  return null;
}

import { randomBytes } from 'node:crypto';
import type { Locale, SessionUser } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { hashPassword, verifyPassword } from '../platform/auth/password.ts';
import { hashToken } from '../platform/auth/token-hash.ts';
import { newId } from '../platform/ids.ts';
import { audit } from '../platform/audit.ts';
import type { Actor, RequestContext } from '../platform/http/actor.ts';
import { nameKeys } from './name-keys.ts';
import { LoginThrottle } from './login-throttle.ts';

export const SESSION_COOKIE = 'concord_session';
export const SESSION_DAYS = 14;

const throttle = new LoginThrottle();

const wrongCredentials = () => new AppError('unauthorized', 'auth.invalid_credentials', { en: 'Wrong email or password', zh: '邮箱或密码错误' });

export interface NewSession {
  cookieValue: string;
  expiresAt: Date;
  dto: { user: SessionUser; csrfToken: string };
}

function toSessionUser(u: { id: string; name: string; email: string; role: 'admin' | 'member'; locale: Locale | null; time_zone: string }): SessionUser {
  return { id: u.id, name: u.name, email: u.email, role: u.role, locale: u.locale, timeZone: u.time_zone };
}

async function startSession(deps: Deps, trx: Db, userId: string, ctx: RequestContext, userAgent: string | undefined): Promise<NewSession> {
  const cookieValue = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(deps.clock.now().getTime() + SESSION_DAYS * 86_400_000);
  await trx
    .insertInto('sessions')
    .values({
      id: hashToken(cookieValue),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      ip: ctx.ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  const u = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  return { cookieValue, expiresAt, dto: { user: toSessionUser(u), csrfToken } };
}

/** Signs in with email and password; failures are throttled per email and per address. */
export async function login(deps: Deps, ctx: RequestContext, input: { email: string; password: string }, userAgent?: string): Promise<NewSession> {
  const email = input.email.toLowerCase();
  throttle.check(`${ctx.ip}|${email}`, deps.clock.now());
  const user = await deps.db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
    .executeTakeFirst();
  const ok = await verifyPassword(input.password, user?.password_hash ?? null);
  if (!user || !ok || !user.active) {
    throttle.fail(`${ctx.ip}|${email}`, deps.clock.now());
    await audit(deps.db, ctx, 'auth.login_failed', user ? { type: 'user', id: user.id } : null, { email });
    throw wrongCredentials();
  }
  throttle.reset(`${ctx.ip}|${email}`);
  return deps.db.transaction().execute(async (trx) => {
    const s = await startSession(deps, trx, user.id, ctx, userAgent);
    await audit(
      trx,
      {
        ...ctx,
        actor: { kind: 'user', userId: user.id, name: user.name, role: user.role, locale: user.locale, via: 'session', csrfToken: null, sessionId: null },
      },
      'auth.login',
      { type: 'user', id: user.id },
    );
    return s;
  });
}

export async function logout(deps: Deps, ctx: RequestContext, cookieValue: string | undefined): Promise<void> {
  if (!cookieValue) return;
  await deps.db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('sessions').where('id', '=', hashToken(cookieValue)).returning('user_id').executeTakeFirst();
    if (gone) await audit(trx, ctx, 'auth.logout', { type: 'user', id: gone.user_id });
  });
}

export async function isSetupRequired(deps: Deps): Promise<boolean> {
  const row = await deps.db.selectFrom('users').select('id').where('role', '=', 'admin').limit(1).executeTakeFirst();
  return !row;
}

/** Inserts an administrator; shared by the setup page and the env-configured first run. */
async function insertAdmin(trx: Db, input: { name: string; email: string; password: string }): Promise<string> {
  const id = newId('ou_');
  const keys = nameKeys(input.name);
  await trx
    .insertInto('users')
    .values({
      id,
      name: input.name,
      email: input.email.toLowerCase(),
      password_hash: await hashPassword(input.password),
      role: 'admin',
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
      mobile: null,
      title: null,
      manager_id: null,
      locale: null,
    })
    .execute();
  return id;
}

/** First run from the browser: creates the first administrator, only while there is none. */
export async function setupFirstAdmin(
  deps: Deps,
  ctx: RequestContext,
  input: { name: string; email: string; password: string },
  userAgent?: string,
): Promise<NewSession> {
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('role', '=', 'admin').limit(1).executeTakeFirst();
    if (existing) throw new AppError('conflict', 'auth.setup_done', { en: 'Concord is already set up; sign in instead', zh: '系统已初始化，请直接登录' });
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
      .executeTakeFirst();
    const id = taken ? taken.id : await insertAdmin(trx, input);
    if (taken)
      await trx
        .updateTable('users')
        .set({ role: 'admin', password_hash: await hashPassword(input.password) })
        .where('id', '=', id)
        .execute();
    await audit(trx, ctx, 'auth.setup', { type: 'user', id });
    return startSession(deps, trx, id, ctx, userAgent);
  });
}

/** `CONCORD_ADMIN_EMAIL`/`CONCORD_ADMIN_PASSWORD` on an instance without administrators creates that administrator. */
export async function ensureAdminFromConfig(deps: Deps): Promise<'created' | 'exists' | 'not_configured'> {
  const admin = deps.config.admin;
  if (!admin) return 'not_configured';
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('role', '=', 'admin').limit(1).executeTakeFirst();
    if (existing) return 'exists' as const;
    const id = await insertAdmin(trx, admin);
    await audit(trx, null, 'auth.setup', { type: 'user', id }, { source: 'environment' });
    return 'created' as const;
  });
}

/** Resolves a browser session cookie or a personal token (`Bearer cpat_…`) to an actor. */
export async function resolveActor(deps: Deps, cookieValue: string | undefined, bearer: string | undefined): Promise<Actor | null> {
  const now = deps.clock.now();
  if (bearer?.startsWith('cpat_')) {
    const row = await deps.db
      .selectFrom('personal_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id as token_id', 'u.id', 'u.name', 'u.role', 'u.locale', 'u.active', 't.last_used_at'])
      .where('t.token_hash', '=', hashToken(bearer))
      .where('t.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row || !row.active) return null;
    // Record use at most once a minute to keep reads cheap.
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
      await deps.db.updateTable('personal_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute();
    }
    return { kind: 'user', userId: row.id, name: row.name, role: row.role, locale: row.locale, via: 'token', csrfToken: null, sessionId: null };
  }
  if (!cookieValue) return null;
  const row = await deps.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as session_id', 's.csrf_token', 's.expires_at', 'u.id', 'u.name', 'u.role', 'u.locale', 'u.active'])
    .where('s.id', '=', hashToken(cookieValue))
    .executeTakeFirst();
  if (!row || !row.active || row.expires_at.getTime() <= now.getTime()) return null;
  return {
    kind: 'user',
    userId: row.id,
    name: row.name,
    role: row.role,
    locale: row.locale,
    via: 'session',
    csrfToken: row.csrf_token,
    sessionId: row.session_id,
  };
}

export async function getSessionUser(deps: Deps, userId: string): Promise<SessionUser> {
  const u = await deps.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  return toSessionUser(u);
}

export async function updatePreferences(
  deps: Deps,
  ctx: RequestContext,
  userId: string,
  input: { locale?: Locale | null; timeZone?: string },
): Promise<SessionUser> {
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    throw new AppError('validation', 'org.person.invalid_time_zone', { en: `Unknown time zone: ${input.timeZone}`, zh: `未知时区：${input.timeZone}` });
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        ...(input.timeZone ? { time_zone: input.timeZone } : {}),
        updated_at: deps.clock.now(),
      })
      .where('id', '=', userId)
      .execute();
    await audit(trx, ctx, 'auth.preferences', { type: 'user', id: userId }, { fields: Object.keys(input) });
  });
  return getSessionUser(deps, userId);
}

/** IANA time zone names known to this Node (Intl). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

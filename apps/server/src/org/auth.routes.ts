import type { FastifyInstance, FastifyReply } from 'fastify';
import * as c from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { Actor } from '../platform/http/actor.ts';
import { route } from '../platform/http/route.ts';
import { AppError } from '../platform/errors.ts';
import * as sessions from './session.service.ts';
import * as tokens from './token.service.ts';

function setSessionCookie(deps: Deps, reply: FastifyReply, s: sessions.NewSession) {
  reply.setCookie(sessions.SESSION_COOKIE, s.cookieValue, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.cookieSecure,
    path: '/',
    expires: s.expiresAt,
  });
}

function userOf(actor: Actor | null) {
  if (actor?.kind !== 'user') throw new AppError('unauthorized', 'auth.required', { en: 'Please sign in', zh: '请先登录' });
  return actor;
}

/** Sign-in, sign-out, first-run setup, own preferences and personal tokens. */
export async function authRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, c.login, async ({ body, req, reply }) => {
    const s = await sessions.login(deps, req.ctx, body, req.headers['user-agent']);
    setSessionCookie(deps, reply, s);
    return s.dto;
  });
  route(app, c.logout, async ({ req, reply }) => {
    await sessions.logout(deps, req.ctx, req.cookies[sessions.SESSION_COOKIE]);
    reply.clearCookie(sessions.SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });
  route(app, c.me, async ({ req }) => {
    const actor = req.ctx.actor;
    const setupRequired = await sessions.isSetupRequired(deps);
    if (actor?.kind !== 'user') return { user: null, csrfToken: null, setupRequired };
    return { user: await sessions.getSessionUser(deps, actor.userId), csrfToken: actor.csrfToken, setupRequired };
  });
  route(app, c.setup, async ({ body, req, reply }) => {
    const s = await sessions.setupFirstAdmin(deps, req.ctx, body, req.headers['user-agent']);
    setSessionCookie(deps, reply, s);
    return s.dto;
  });
  route(app, c.updateMyPreferences, async ({ body, req }) => sessions.updatePreferences(deps, req.ctx, userOf(req.ctx.actor).userId, body));
  route(app, c.createToken, async ({ body, req }) => tokens.createToken(deps, req.ctx, userOf(req.ctx.actor).userId, body.name));
  route(app, c.listTokens, async ({ req }) => ({ items: await tokens.listTokens(deps, userOf(req.ctx.actor).userId) }));
  route(app, c.revokeToken, async ({ params, req }) => {
    await tokens.revokeToken(deps, req.ctx, userOf(req.ctx.actor).userId, params.id);
    return { ok: true as const };
  });
}

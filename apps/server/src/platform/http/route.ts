import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDef, RouteOutput } from '@concord/contracts';
import { locales as zodLocales, type z } from 'zod';
import type { Locale } from '@concord/contracts';
import { AppError, fromZodError } from '../errors.ts';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
export interface RouteArgs<R extends RouteDef> {
  params: R extends RouteDef<infer P> ? Parsed<P> : never;
  query: R extends RouteDef<z.ZodType, infer Q> ? Parsed<Q> : never;
  body: R extends RouteDef<z.ZodType, z.ZodType, infer B> ? Parsed<B> : never;
  /** The uploaded bytes, for `rawBody` routes. */
  raw: Buffer | null;
  req: FastifyRequest;
  reply: FastifyReply;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// zod's own Chinese messages, so a zh-CN user never reads English inside a Chinese error.
const ZH_ERRORS = zodLocales.zhCN().localeError;

function parse<S extends z.ZodType | undefined>(schema: S, value: unknown, where: string, locale: Locale) {
  if (!schema) return undefined;
  const r = schema.safeParse(value ?? (where === 'body' ? undefined : {}), locale === 'zh-CN' ? { error: ZH_ERRORS } : undefined);
  if (!r.success) throw fromZodError(r.error, where);
  return r.data;
}

/** Checks the caller may use a route: signed in, admin where needed, CSRF token for cookie sessions. */
export function assertAccess(req: FastifyRequest, access: RouteDef['access']): void {
  if (access === 'public') return;
  const actor = req.ctx.actor;
  if (!actor || actor.kind !== 'user') throw new AppError('unauthorized', 'auth.required', { en: 'Please sign in', zh: '请先登录' });
  if (actor.via === 'session' && UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== actor.csrfToken) {
    throw new AppError('forbidden', 'auth.csrf', { en: 'Missing or wrong CSRF token; reload the page', zh: 'CSRF 校验失败，请刷新页面' });
  }
  if (access === 'admin' && actor.role !== 'admin') {
    throw new AppError('forbidden', 'auth.admin_required', { en: 'Administrators only', zh: '仅管理员可执行此操作' });
  }
}

/**
 * Mounts a contract route under /api/v1: validates params, query and body with its zod schemas, checks access,
 * and shapes the handler's result through the output schema (so no stray database column leaks out).
 */
export function route<R extends RouteDef>(app: FastifyInstance, def: R, handler: (args: RouteArgs<R>) => Promise<RouteOutput<R>>): void {
  app.route({
    method: def.method.toUpperCase() as 'GET',
    url: `/api/v1${def.path}`,
    bodyLimit: def.rawBody ? 100 * 1024 * 1024 : undefined,
    handler: async (req, reply) => {
      assertAccess(req, def.access);
      const args = {
        params: parse(def.params, req.params, 'params', req.ctx.locale),
        query: parse(def.query, req.query, 'query', req.ctx.locale),
        body: def.rawBody ? undefined : parse(def.body, req.body, 'body', req.ctx.locale),
        raw: def.rawBody ? (Buffer.isBuffer(req.body) ? req.body : null) : null,
        req,
        reply,
      } as RouteArgs<R>;
      const result = await handler(args);
      reply.code(def.status ?? 200);
      return def.output.parse(result);
    },
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, fromZodError } from '../errors.ts';
import type { Actor } from './actor.ts';

/**
 * Turns a bearer token (`t-…` tenant token, `cpat_…` personal token) into an actor, or null when unknown or expired.
 * Injected by the composition root: platform knows no domain, the org slice owns apps and tokens.
 */
export type OpenApiAuth = (token: string) => Promise<Actor | null>;

declare module 'fastify' {
  interface FastifyInstance {
    openApiAuth: OpenApiAuth | null;
  }
}

/** Feishu's gateway codes for token problems; both answered with HTTP 401 so the Node SDK rejects. */
export const FEISHU_TOKEN_MISSING = 99991661;
export const FEISHU_TOKEN_INVALID = 99991663;
/** Feishu's "app lacks the scope" code. */
export const FEISHU_SCOPE_MISSING = 99991672;

/**
 * Installs the token lookup used by every `openRoute`. Call once on the root instance before routes are used.
 * @example installOpenApi(app, (token) => resolveOpenActor(deps, token))
 */
export function installOpenApi(app: FastifyInstance, auth: OpenApiAuth): void {
  app.decorate('openApiAuth', auth);
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface OpenRouteDef<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Full path, starting with `/open-apis/`, with `:name` parameters. */
  url: string;
  /** Scope an app must hold (`bitable:readonly` is also satisfied by `bitable`). Personal tokens are not scope-checked. */
  scope?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Feishu code and HTTP status for input that fails validation; default 1254001 with HTTP 400. */
  invalid?: { code: number; httpStatus: number };
  /** HTTP status on success; 200 unless given. */
  status?: number;
}

export interface OpenRouteArgs<P, Q, B> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  actor: Actor;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** True when `granted` includes `required`, or `required` is `x:readonly` and `granted` includes `x`. */
export function hasScope(granted: readonly string[], required: string): boolean {
  if (granted.includes(required)) return true;
  return required.endsWith(':readonly') && granted.includes(required.slice(0, -':readonly'.length));
}

function feishuError(kind: 'unauthorized' | 'forbidden', code: string, feishuCode: number, httpStatus: number, msg: string): AppError {
  return new AppError(kind, code, { en: msg, zh: msg }, { feishuCode, httpStatus });
}

async function authenticate(app: FastifyInstance, req: FastifyRequest): Promise<Actor> {
  const header = req.headers.authorization;
  const token = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!token) {
    throw feishuError(
      'unauthorized',
      'open.token_missing',
      FEISHU_TOKEN_MISSING,
      401,
      'Missing access token for authorization. Please make a request with token attached.',
    );
  }
  if (!app.openApiAuth) throw new Error('installOpenApi() was not called before serving /open-apis');
  const actor = await app.openApiAuth(token);
  if (!actor)
    throw feishuError(
      'unauthorized',
      'open.token_invalid',
      FEISHU_TOKEN_INVALID,
      401,
      'Invalid access token for authorization. Please make a request with token attached.',
    );
  return actor;
}

function validate<S extends z.ZodType | undefined>(schema: S, value: unknown, where: string, invalid: { code: number; httpStatus: number }): Out<S> {
  if (!schema) return undefined as Out<S>;
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data as Out<S>;
  const e = fromZodError(r.error, where);
  throw new AppError('validation', e.code, e.text, { ...(e.details as object), feishuCode: invalid.code, httpStatus: invalid.httpStatus });
}

/**
 * Mounts a Feishu-compatible endpoint: resolves `Authorization: Bearer …` to an actor (also set on `req.ctx` for
 * audit), checks the app's scope, validates input with zod and wraps the result as `{code:0, msg:"success", data}`.
 * The JSON `{}` the Node SDK sends on GET and DELETE is accepted and ignored. AppErrors become Feishu error bodies
 * in the error handler (`details.feishuCode`, `details.httpStatus`).
 * @example openRoute(app, { method: 'GET', url: '/open-apis/concord/v1/ping' }, async ({ actor }) => ({ kind: actor.kind }))
 */
export function openRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(app: FastifyInstance, def: OpenRouteDef<P, Q, B>, handler: (args: OpenRouteArgs<P, Q, B>) => Promise<unknown>): void {
  if (!def.url.startsWith('/open-apis/')) throw new Error(`openRoute url must start with /open-apis/: ${def.url}`);
  const invalid = def.invalid ?? { code: 1254001, httpStatus: 400 };
  const ignoresBody = def.method === 'GET' || def.method === 'DELETE';
  app.route({
    method: def.method,
    url: def.url,
    // A DELETE with a JSON content type but no bytes would fail JSON parsing; treat it as bodiless like Feishu does.
    onRequest: async (req) => {
      if (ignoresBody && req.headers['content-length'] === '0') delete req.headers['content-type'];
    },
    handler: async (req, reply) => {
      const actor = await authenticate(app, req);
      req.ctx = { ...req.ctx, actor };
      if (def.scope && actor.kind === 'app' && !hasScope(actor.scopes, def.scope)) {
        throw feishuError(
          'forbidden',
          'open.scope_missing',
          FEISHU_SCOPE_MISSING,
          403,
          `Access denied. One of the following scopes is required: [${def.scope}]`,
        );
      }
      const args: OpenRouteArgs<P, Q, B> = {
        params: validate(def.params as P, req.params, 'params', invalid),
        query: validate(def.query as Q, req.query, 'query', invalid),
        body: validate(def.body as B, ignoresBody ? undefined : req.body, 'body', invalid),
        actor,
        req,
        reply,
      };
      const data = await handler(args);
      reply.code(def.status ?? 200);
      return { code: 0, msg: 'success', data: data ?? {} };
    },
  });
}

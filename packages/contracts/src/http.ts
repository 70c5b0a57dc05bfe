import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** Who may call a route: anyone, any signed-in user or app, or an administrator. */
export type RouteAccess = 'public' | 'user' | 'admin';

/** One endpoint of /api/v1: its path, input schemas and output schema. The server validates with it; clients call it. */
export interface RouteDef<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly method: HttpMethod;
  /** Path under /api/v1 with `:name` parameters. */
  readonly path: string;
  readonly access: RouteAccess;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  readonly output: O;
  /** The body is the raw uploaded bytes (a file), not JSON; `body` is then unused. */
  readonly rawBody?: boolean;
  /** HTTP status on success; 200 unless given. */
  readonly status?: number;
}

/**
 * Declares an endpoint.
 * @example export const getPerson = defineRoute({ method: 'get', path: '/org/people/:id', access: 'user', params: z.object({ id }), output: personDto })
 */
export function defineRoute<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  O extends z.ZodType = z.ZodType,
>(def: RouteDef<P, Q, B, O>): RouteDef<P, Q, B, O> {
  return def;
}

type Field<K extends string, S> = S extends z.ZodUndefined ? { [P in K]?: undefined } : { [P in K]: z.input<S> };

/** What a caller passes to a route: only the parts it declares. */
export type RouteInput<R> = R extends RouteDef<infer P, infer Q, infer B, z.ZodType> ? Field<'params', P> & Field<'query', Q> & Field<'body', B> : never;
/** What a route returns. */
export type RouteOutput<R> = R extends RouteDef<z.ZodType, z.ZodType, z.ZodType, infer O> ? z.output<O> : never;

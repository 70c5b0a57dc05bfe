import type { RouteDef, RouteInput, RouteOutput } from './http.ts';
import { errorBody } from './errors.ts';

/** Thrown by the typed client for any non-2xx answer, carrying the server's stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string | Uint8Array },
) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

export interface ClientOptions {
  baseUrl: string;
  fetch: FetchLike;
  /** Extra headers per call (auth, CSRF, language). */
  headers?: () => Record<string, string>;
}

/** Builds the request path for a route, substituting and encoding `:params`. */
export function routePath(route: RouteDef, params?: Record<string, unknown>, query?: Record<string, unknown>): string {
  const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(String(params?.[name] ?? '')));
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) qs.set(k, String(v));
  const s = qs.toString();
  return `/api/v1${path}${s ? `?${s}` : ''}`;
}

/**
 * A typed client over any fetch: the web app passes `window.fetch`, tests pass one backed by `app.inject`.
 * @example const api = createClient({ baseUrl: '', fetch }); const me = await api.call(me, {})
 */
export function createClient(options: ClientOptions) {
  async function call<R extends RouteDef>(route: R, input: RouteInput<R>, raw?: { body: Uint8Array; contentType: string }): Promise<RouteOutput<R>> {
    const { params, query, body } = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
    const headers: Record<string, string> = { accept: 'application/json', ...(options.headers?.() ?? {}) };
    let payload: string | Uint8Array | undefined;
    if (raw) {
      headers['content-type'] = raw.contentType;
      payload = raw.body;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await options.fetch(options.baseUrl + routePath(route, params, query), { method: route.method.toUpperCase(), headers, body: payload });
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (res.status >= 400) {
      const parsed = errorBody.safeParse(json);
      if (parsed.success) throw new ApiError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
      throw new ApiError(res.status, 'http.' + res.status, text.slice(0, 200));
    }
    return json as RouteOutput<R>;
  }
  return { call };
}
export type ApiClient = ReturnType<typeof createClient>;

import { ApiError, createClient, errorBody, type FetchLike, type RouteDef, type RouteInput, type RouteOutput } from '@concord/contracts';

/** An API failure with the server's request id (when it sent one), so error pages can quote it. */
export class WebApiError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    details: unknown,
    readonly requestId: string | undefined,
  ) {
    super(status, code, message, details);
    this.name = 'WebApiError';
  }
}

/** The server could not be reached at all (network down, server stopped, proxy answered 502–504). */
export class UnreachableError extends Error {
  constructor(cause: unknown) {
    super('Cannot reach the server', { cause });
    this.name = 'UnreachableError';
  }
}

let csrfToken: string | null = null;
let acceptLanguage = 'en';

/** Remembers the session's CSRF token (from /auth/me, login or setup); sent on every unsafe request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The UI language, sent as Accept-Language so server messages match it when the user has no saved locale. */
export function setApiLanguage(locale: string): void {
  acceptLanguage = locale;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function parseError(status: number, text: string): WebApiError {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const parsed = errorBody.safeParse(json);
  if (parsed.success) {
    const e = parsed.data.error;
    return new WebApiError(status, e.code, e.message, e.details, e.requestId);
  }
  return new WebApiError(status, `http.${status}`, text.slice(0, 200) || `HTTP ${status}`, undefined, undefined);
}

const browserFetch: FetchLike = async (url, init) => {
  const headers: Record<string, string> = { ...init.headers, 'accept-language': acceptLanguage };
  if (csrfToken && UNSAFE.has(init.method)) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    const body = init.body instanceof Uint8Array ? new Blob([init.body as Uint8Array<ArrayBuffer>]) : init.body;
    res = await window.fetch(url, { method: init.method, headers, body, credentials: 'same-origin' });
  } catch (err) {
    throw new UnreachableError(err);
  }
  const text = await res.text();
  if (res.status >= 400) {
    const err = parseError(res.status, text);
    // A 5xx that is not our JSON error came from a proxy in front (the dev proxy answers 500, nginx 502/504): the server itself is down.
    if (res.status >= 500 && err.code.startsWith('http.')) throw new UnreachableError(err);
    throw err;
  }
  return { status: res.status, text: async () => text };
};

const client = createClient({ baseUrl: '', fetch: browserFetch });

/**
 * Calls one contract route with the session's cookie and CSRF token.
 * @example const { items } = await api(listDepartments, { query: {} })
 */
export function api<R extends RouteDef>(route: R, input: RouteInput<R>): Promise<RouteOutput<R>> {
  return client.call(route, input);
}

/** Uploads a file as the raw request body of a `rawBody` route. */
export async function apiUpload<R extends RouteDef>(route: R, input: RouteInput<R>, file: Blob): Promise<RouteOutput<R>> {
  const body = new Uint8Array(await file.arrayBuffer());
  return client.call(route, input, { body, contentType: 'application/octet-stream' });
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

export function isUnreachable(err: unknown): boolean {
  return err instanceof UnreachableError;
}

/** Whether `err` must be shown as a whole: it is not a validation error about one of `fields` (those show beside their input). */
export function needsFormNotice(err: unknown, fields: readonly string[]): boolean {
  if (!err) return false;
  const byField = fieldErrors(err);
  return !Object.keys(byField).some((f) => fields.includes(f));
}

/** Field-level messages from a validation error (`details.issues[].path` such as `body.email`), keyed by field name. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const issues = (err.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return {};
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const field = path.replace(/^(body|query|params)\./, '').split('.')[0];
    if (field && !out[field]) out[field] = message;
  }
  return out;
}

import { ApiError, createClient, login, type FetchLike, type RouteDef, type RouteInput, type RouteOutput } from '@concord/contracts';
import { Agent } from 'undici';
import { CliError } from './command.ts';

/**
 * Node's fetch gives up after 300 s without response headers; an import of a large file into a large table answers
 * only when it is done, so the CLI waits as long as the server works.
 */
const patient = new Agent({ headersTimeout: 0, bodyTimeout: 0 });

/** The server as the CLI sees it: typed contract calls plus raw GETs for the few routes without a contract. */
export interface Connection {
  /** `raw` sends bytes (a file) as the body of `rawBody` routes. */
  call<R extends RouteDef>(route: R, input: RouteInput<R>, raw?: { body: Uint8Array; contentType: string }): Promise<RouteOutput<R>>;
  get(path: string): Promise<unknown>;
}

export interface Credentials {
  token?: string;
  email?: string;
  password?: string;
}

/** CONCORD_TOKEN wins over CONCORD_ADMIN_EMAIL/CONCORD_ADMIN_PASSWORD. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): Credentials {
  if (env.CONCORD_TOKEN) return { token: env.CONCORD_TOKEN };
  return { email: env.CONCORD_ADMIN_EMAIL, password: env.CONCORD_ADMIN_PASSWORD };
}

function unreachable(url: string, err: unknown): CliError {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
  return new CliError('cli.unreachable', `cannot reach Concord at ${url} (${why}); is it running? Set --url or CONCORD_URL`);
}

/**
 * Connects to Concord over HTTP with Node's fetch. With a personal token every request carries `Authorization: Bearer`;
 * with an email and password it signs in on the first call that needs it, then keeps the session cookie and echoes the
 * CSRF token on unsafe requests, like the browser does.
 */
export function connect(url: string, creds: Credentials, locale: string): Connection {
  const jar = new Map<string, string>();
  let csrf: string | null = null;
  let signedIn: Promise<void> | null = null;

  const fetchLike: FetchLike = async (target, init) => {
    let res: Response;
    try {
      res = await fetch(target, { method: init.method, headers: init.headers, body: init.body, dispatcher: patient });
    } catch (err) {
      throw unreachable(url, err);
    }
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const value = pair.slice(eq + 1).trim();
      if (value) jar.set(pair.slice(0, eq).trim(), value);
      else jar.delete(pair.slice(0, eq).trim());
    }
    return res;
  };
  const headers = (): Record<string, string> => ({
    'accept-language': locale,
    ...(creds.token ? { authorization: `Bearer ${creds.token}` } : {}),
    ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
    ...(csrf ? { 'x-csrf-token': csrf } : {}),
  });
  const client = createClient({ baseUrl: url, fetch: fetchLike, headers });

  async function signIn(): Promise<void> {
    if (creds.token) return;
    if (!creds.email || !creds.password) {
      throw new CliError('cli.no_credentials', 'no credentials: set CONCORD_TOKEN (a personal token) or CONCORD_ADMIN_EMAIL and CONCORD_ADMIN_PASSWORD');
    }
    const s = await client.call(login, { body: { email: creds.email, password: creds.password } }).catch((err: unknown) => {
      if (err instanceof ApiError) throw new CliError(err.code, `sign-in as ${creds.email} failed: ${err.message}`);
      throw err;
    });
    csrf = s.csrfToken;
  }

  return {
    async call(route, input, raw) {
      if (route.access !== 'public') await (signedIn ??= signIn());
      return client.call(route, input, raw);
    },
    async get(path) {
      const res = await fetchLike(url + path, { method: 'GET', headers: { accept: 'application/json', ...headers() } });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON (a proxy's error page): report the text.
      }
      if (res.status >= 400) throw new CliError(`http.${res.status}`, `GET ${path} answered HTTP ${res.status}: ${text.slice(0, 200)}`);
      return body;
    },
  };
}

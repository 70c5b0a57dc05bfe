import { createClient, login, type ApiClient, type FetchLike } from '@concord/contracts';
import { Agent, fetch } from 'undici';
import { E2E_ADMIN } from './server.ts';

/** Benches import 100,000 rows into 1,000,000 records in one request: wait past Node fetch's 300 s header timeout. */
const patient = new Agent({ headersTimeout: 0, bodyTimeout: 0 });

/** A typed client against a running server that keeps the session cookie and echoes the CSRF token, like a browser tab. */
export function httpClient(baseUrl: string): ApiClient & { cookieHeader(): string } {
  const jar = new Map<string, string>();
  let csrf: string | null = null;
  const fetchLike: FetchLike = async (url, init) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      dispatcher: patient,
      method: init.method,
      headers: { ...init.headers, ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      // Node's fetch takes any Uint8Array; the DOM typings want an ArrayBuffer-backed one.
      body: typeof init.body === 'string' || init.body === undefined ? init.body : Buffer.from(init.body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1] ?? '').getTime() < Date.now());
      if (value && !expired) jar.set(name, value);
      else jar.delete(name);
    }
    const text = await res.text();
    if (res.status < 300 && text.includes('"csrfToken"')) {
      const t = (JSON.parse(text) as { csrfToken?: string | null }).csrfToken;
      if (t !== undefined) csrf = t;
    }
    return { status: res.status, text: async () => text };
  };
  const client = createClient({ baseUrl, fetch: fetchLike });
  return { ...client, cookieHeader: () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
}

/** A client signed in as the administrator created from CONCORD_ADMIN_* by the harness. */
export async function adminClient(baseUrl: string): Promise<ApiClient> {
  const c = httpClient(baseUrl);
  await c.call(login, { body: { email: E2E_ADMIN.email, password: E2E_ADMIN.password } });
  return c;
}

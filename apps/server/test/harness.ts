import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ApiError, createClient, createPerson, login, type ApiClient, type FetchLike, type RouteInput } from '@concord/contracts';
import { openDatabase, type DbHandle } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { AppDeps } from '../src/platform/deps.ts';
import type { Clock } from '../src/platform/clock.ts';
import { createApp, type ConcordApp } from '../src/app.ts';

/**
 * A database for one test file: in-memory PGlite by default, or a fresh database on the PostgreSQL server named by
 * TEST_DATABASE_URL (created here, dropped on close), so the same suites run on both.
 */
export async function openTestDatabase(): Promise<{ handle: DbHandle; url: string | null; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const handle = await openDatabase('memory://', '/nonexistent');
    return { handle, url: null, drop: async () => undefined };
  }
  const name = `concord_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase(url.toString(), '/nonexistent');
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A client over `app.inject` that keeps cookies and echoes the CSRF token, like a browser tab. */
export function injectClient(app: ConcordApp['app'], init: { headers?: Record<string, string> } = {}) {
  const jar = new Map<string, string>();
  let csrf: string | null = null;
  const fetch: FetchLike = async (url, req) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await app.inject({
      method: req.method as 'GET',
      url,
      headers: { ...req.headers, ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...init.headers },
      payload: req.body as string | Buffer | undefined,
    });
    for (const c of res.cookies) {
      if (c.value && !(c.expires && new Date(c.expires).getTime() < Date.now())) jar.set(c.name, c.value);
      else jar.delete(c.name);
    }
    const body = res.body;
    if (res.statusCode < 300 && body.includes('"csrfToken"')) {
      const t = (JSON.parse(body) as { csrfToken?: string | null }).csrfToken;
      if (t !== undefined) csrf = t;
    }
    return { status: res.statusCode, text: async () => body };
  };
  const client: ApiClient = createClient({ baseUrl: '', fetch });
  return { ...client, fetch, cookies: jar };
}

export interface TestApp {
  app: ConcordApp['app'];
  deps: AppDeps;
  /** A client signed in as the administrator created at start. */
  admin: ReturnType<typeof injectClient>;
  anon: () => ReturnType<typeof injectClient>;
  close(): Promise<void>;
}

export const ADMIN = { email: 'admin@example.com', password: 'admin-password-1', name: '管理员' };

/** Starts Concord on a fresh test database with an administrator signed in. */
/** The configuration test apps run with. */
export const testConfig = () =>
  loadConfig({
    DATA_DIR: '/nonexistent',
    LOG_LEVEL: 'silent',
    // Webhook tests deliver to a receiver on this machine (test/webhook-receiver.ts); other private addresses stay refused.
    WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
  });

export async function startTestApp(options: { clock?: Clock; withAdmin?: boolean } = {}): Promise<TestApp> {
  const { handle, drop } = await openTestDatabase();
  await migrate(handle);
  const config = testConfig();
  const deps: AppDeps = { db: handle.db, clock: options.clock ?? { now: () => new Date() }, config, handle, instanceId: 'test' };
  const concord = await createApp(deps, { logLevel: process.env.TEST_LOG_LEVEL ?? 'silent', workers: false });
  const admin = injectClient(concord.app);
  if (options.withAdmin !== false) {
    const { setup } = await import('@concord/contracts');
    await admin.call(setup, { body: ADMIN });
  }
  return {
    app: concord.app,
    deps,
    admin,
    anon: () => injectClient(concord.app),
    async close() {
      await concord.app.close();
      await handle.close();
      await drop();
    },
  };
}

/**
 * Creates a person through `admin` (with a password) and signs them in on `app`: the person and a client acting as them.
 * @example const { person, client: zhang } = await signedInPerson(t.admin, t.app, { name: '张三', email: 'zhang@example.com' })
 */
export async function signedInPerson(admin: ApiClient, app: ConcordApp['app'], body: RouteInput<typeof createPerson>['body']) {
  const password = body.password ?? 'person-password-1';
  const person = await admin.call(createPerson, { body: { ...body, password } });
  const client = injectClient(app);
  await client.call(login, { body: { email: body.email, password } });
  return { person, client };
}

/** Awaits a call that must fail and returns its ApiError (fails the test if it succeeds). */
export async function apiError(p: Promise<unknown>): Promise<ApiError> {
  const result = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(result instanceof ApiError)) throw new Error(`expected an ApiError, got ${result === null ? 'success' : String(result)}`);
  return result;
}

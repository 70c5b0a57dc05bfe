import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as lark from '@larksuiteoapi/node-sdk';
import { ApiError, createApp, createToken, deleteApp, listApps, login, rotateAppSecret } from '@concord/contracts';
import { hashPassword } from '../platform/auth/password.ts';
import { newId } from '../platform/ids.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { createApp as createConcord } from '../app.ts';

const START = new Date('2026-12-01T08:00:00Z');
let now = START;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => now } });
});
afterAll(() => t.close());

async function tokenFor(appId: string, appSecret: string) {
  const res = await t.app.inject({ method: 'POST', url: '/open-apis/auth/v3/tenant_access_token/internal', payload: { app_id: appId, app_secret: appSecret } });
  return { status: res.statusCode, body: res.json<{ code: number; msg: string; tenant_access_token?: string; expire?: number }>() };
}

async function ping(token: string | null, extra: { payload?: string; headers?: Record<string, string> } = {}) {
  const res = await t.app.inject({
    method: 'GET',
    url: '/open-apis/concord/v1/ping',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra.headers },
    payload: extra.payload,
  });
  return { status: res.statusCode, body: res.json<{ code: number; msg: string; data?: Record<string, unknown> }>() };
}

describe('Open Platform apps and tenant tokens', () => {
  it('lets an admin create an app whose secret is shown once and stored hashed', async () => {
    const created = await t.admin.call(createApp, { body: { name: 'CRM 同步脚本', scopes: ['bitable', 'contact:readonly'] } });
    expect(created.appId).toMatch(/^cli_[0-9a-f]{16}$/);
    expect(created.appSecret).toMatch(/^[A-Za-z0-9]{32}$/);
    const { items } = await t.admin.call(listApps, {});
    const listed = items.find((a) => a.appId === created.appId);
    expect(listed).toMatchObject({ name: 'CRM 同步脚本', scopes: ['bitable', 'contact:readonly'], active: true });
    expect(JSON.stringify(items)).not.toContain(created.appSecret);
    const row = await t.deps.db.selectFrom('apps').select('secret_hash').where('app_id', '=', created.appId).executeTakeFirstOrThrow();
    expect(row.secret_hash).not.toContain(created.appSecret);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', created.appId).execute();
    expect(audit.map((a) => a.action)).toEqual(['org.app.create']);
    expect(JSON.stringify(audit)).not.toContain(created.appSecret);
  });

  it("issues a Feishu-shaped tenant token that authenticates /open-apis calls, even with the SDK's {} body on GET", async () => {
    const app = await t.admin.call(createApp, { body: { name: 'token-ok' } });
    const { status, body } = await tokenFor(app.appId, app.appSecret);
    expect(status).toBe(200);
    expect(body).toEqual({ code: 0, msg: 'ok', tenant_access_token: expect.stringMatching(/^t-/), expire: 7200 });
    const token = body.tenant_access_token!;
    const r = await ping(token, { payload: '{}', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ code: 0, msg: 'success', data: { kind: 'app', app_id: app.appId, name: 'token-ok', scopes: ['bitable', 'contact:readonly'] } });
    const appToken = await t.app.inject({
      method: 'POST',
      url: '/open-apis/auth/v3/app_access_token/internal',
      payload: { app_id: app.appId, app_secret: app.appSecret },
    });
    expect(appToken.json()).toMatchObject({ code: 0, app_access_token: expect.stringMatching(/^t-/), expire: 7200 });
  });

  it('answers a wrong secret, an unknown app or a bad body with Feishu codes, never a 500 and never a token', async () => {
    const app = await t.admin.call(createApp, { body: { name: 'wrong-secret' } });
    const wrong = await tokenFor(app.appId, 'x'.repeat(32));
    expect(wrong).toEqual({ status: 200, body: { code: 10014, msg: 'app secret invalid', error: { log_id: expect.any(String) } } });
    expect((await tokenFor('cli_0000000000000000', app.appSecret)).body.code).toBe(10014);
    const empty = await t.app.inject({ method: 'POST', url: '/open-apis/auth/v3/tenant_access_token/internal', payload: {} });
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ code: 10003 });
    const broken = await t.app.inject({
      method: 'POST',
      url: '/open-apis/auth/v3/tenant_access_token/internal',
      headers: { 'content-type': 'application/json' },
      payload: '{"app_id":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).not.toBe(0);
    const denied = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', app.appId)
      .where('action', '=', 'org.app.token_denied')
      .execute();
    expect(denied).toHaveLength(1);
  });

  it('rejects missing, unknown and expired tokens with 401 and Feishu codes', async () => {
    expect(await ping(null)).toMatchObject({ status: 401, body: { code: 99991661 } });
    expect(await ping('t-doesnotexist')).toMatchObject({ status: 401, body: { code: 99991663 } });
    const app = await t.admin.call(createApp, { body: { name: 'expiry' } });
    const token = (await tokenFor(app.appId, app.appSecret)).body.tenant_access_token!;
    now = new Date(START.getTime() + 7199_000);
    expect((await ping(token)).status).toBe(200);
    now = new Date(START.getTime() + 7200_000);
    expect(await ping(token)).toMatchObject({ status: 401, body: { code: 99991663 } });
    now = START;
  });

  it('keeps tokens valid on another instance: they live in the database, not in memory', async () => {
    const app = await t.admin.call(createApp, { body: { name: 'restart' } });
    const token = (await tokenFor(app.appId, app.appSecret)).body.tenant_access_token!;
    const other = await createConcord({ ...t.deps, instanceId: 'other' }, { logLevel: 'silent' });
    try {
      const res = await other.app.inject({ method: 'GET', url: '/open-apis/concord/v1/ping', headers: { authorization: `Bearer ${token}` } });
      expect(res.json()).toMatchObject({ code: 0, data: { app_id: app.appId } });
    } finally {
      await other.app.close();
    }
  });

  it('rotating a secret revokes old tokens and the old secret; deleting an app revokes everything', async () => {
    const app = await t.admin.call(createApp, { body: { name: 'rotate' } });
    const oldToken = (await tokenFor(app.appId, app.appSecret)).body.tenant_access_token!;
    const rotated = await t.admin.call(rotateAppSecret, { params: { appId: app.appId } });
    expect(rotated.appSecret).not.toBe(app.appSecret);
    expect((await ping(oldToken)).status).toBe(401);
    expect((await tokenFor(app.appId, app.appSecret)).body.code).toBe(10014);
    const newToken = (await tokenFor(app.appId, rotated.appSecret)).body.tenant_access_token!;
    expect((await ping(newToken)).status).toBe(200);
    await t.admin.call(deleteApp, { params: { appId: app.appId } });
    expect((await ping(newToken)).status).toBe(401);
    expect((await t.admin.call(listApps, {})).items.some((a) => a.appId === app.appId)).toBe(false);
    const err = await t.admin.call(deleteApp, { params: { appId: app.appId } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(404);
  });

  it('lets a personal token call /open-apis as its user', async () => {
    const { token } = await t.admin.call(createToken, { body: { name: 'open-api' } });
    expect(await ping(token)).toMatchObject({ status: 200, body: { code: 0, data: { kind: 'user' } } });
  });

  it('refuses app management to members', async () => {
    const password = 'member-password-1';
    await t.deps.db
      .insertInto('users')
      .values({
        id: newId('ou_'),
        name: '李雷',
        email: 'lilei@example.com',
        password_hash: await hashPassword(password),
        mobile: null,
        title: null,
        manager_id: null,
        locale: null,
      })
      .execute();
    const member = t.anon();
    await member.call(login, { body: { email: 'lilei@example.com', password } });
    const err = await member.call(createApp, { body: { name: 'sneaky' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(403);
    expect((err as ApiError).code).toBe('auth.admin_required');
    expect((await t.deps.db.selectFrom('apps').select('app_id').where('name', '=', 'sneaky').execute()).length).toBe(0);
  });
});

describe('the official Feishu Node SDK against Concord over real HTTP', () => {
  let domain: string;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    domain = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });

  it('obtains a tenant token and calls an authenticated endpoint', async () => {
    const app = await t.admin.call(createApp, { body: { name: 'sdk' } });
    const client = new lark.Client({ appId: app.appId, appSecret: app.appSecret, domain, loggerLevel: lark.LoggerLevel.error });
    const res = await client.request<{ code: number; data: { app_id: string } }>({ method: 'GET', url: '/open-apis/concord/v1/ping' });
    expect(res.code).toBe(0);
    expect(res.data.app_id).toBe(app.appId);
    const explicit = await client.auth.tenantAccessToken.internal({ data: { app_id: app.appId, app_secret: app.appSecret } });
    expect(explicit).toMatchObject({ code: 0, expire: 7200 });
  });

  it('reports a wrong secret as the SDK does for Feishu: no token, the call fails with code 10014', async () => {
    const app = await t.admin.call(createApp, { body: { name: 'sdk-wrong' } });
    const client = new lark.Client({ appId: app.appId, appSecret: 'not-the-secret', domain, loggerLevel: lark.LoggerLevel.error });
    const err = await client.request({ method: 'GET', url: '/open-apis/concord/v1/ping' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(String(err)).toMatch(/10014/);
  });
});

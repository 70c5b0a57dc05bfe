import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, login, logout, me, setup, createToken, updateMyPreferences } from '@concord/contracts';
import { ADMIN, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ withAdmin: false });
});
afterAll(() => t.close());

async function expectApiError(p: Promise<unknown>, status: number, code: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).status).toBe(status);
  expect((err as ApiError).code).toBe(code);
}

describe('first run and sign-in', () => {
  it('asks for setup on an empty instance, then creates the admin once', async () => {
    const c = t.anon();
    expect((await c.call(me, {})).setupRequired).toBe(true);
    const s = await c.call(setup, { body: ADMIN });
    expect(s.user.role).toBe('admin');
    expect((await c.call(me, {})).user?.email).toBe(ADMIN.email);
    await expectApiError(t.anon().call(setup, { body: { ...ADMIN, email: 'other@example.com' } }), 409, 'auth.setup_done');
  });

  it('signs in with the right password only, with an HttpOnly cookie', async () => {
    await expectApiError(t.anon().call(login, { body: { email: ADMIN.email, password: 'wrong-password' } }), 401, 'auth.invalid_credentials');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ADMIN@example.com', password: ADMIN.password } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(res.body).not.toContain(ADMIN.password);
  });

  it('signs out: the old session no longer works', async () => {
    const c = t.anon();
    await c.call(login, { body: { email: ADMIN.email, password: ADMIN.password } });
    await c.call(logout, {});
    expect((await c.call(me, {})).user).toBeNull();
  });

  it('refuses an unsafe request from a cookie session without the CSRF token', async () => {
    const c = t.anon();
    await c.call(login, { body: { email: ADMIN.email, password: ADMIN.password } });
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: { cookie }, payload: { locale: 'en' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
    expect((await c.call(updateMyPreferences, { body: { locale: 'zh-CN' } })).locale).toBe('zh-CN');
  });

  it('answers invalid input with a 400 in the caller language, never a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
      payload: { email: 'not-an-email' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.invalid');
    expect(res.json().error.message).toMatch(/输入无效/);
    expect(res.json().error.message).not.toMatch(/[A-Za-z]{6,}/); // zod's own words are Chinese too
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('request.malformed_json');
  });

  it('throttles repeated wrong passwords', async () => {
    const body = { email: 'victim@example.com', password: 'guess-guess' };
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) codes.push((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body })).statusCode);
    expect(codes.slice(0, 8).every((c) => c === 401)).toBe(true);
    expect(codes[9]).toBe(429);
  });

  it('lets scripts use a personal token instead of a cookie', async () => {
    const c = t.anon();
    await c.call(login, { body: { email: ADMIN.email, password: ADMIN.password } });
    const tok = await c.call(createToken, { body: { name: 'script' } });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${tok.token}` } });
    expect(res.json().user.email).toBe(ADMIN.email);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: { authorization: 'Bearer cpat_nope' } });
    expect(bad.statusCode).toBe(401);
  });

  it('answers a missing build asset with 404 instead of the app page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/index-stale123.js' });
    expect(res.statusCode).toBe(404);
  });
});

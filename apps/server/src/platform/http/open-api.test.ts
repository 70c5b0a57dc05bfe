import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { installErrorHandler } from './errors-handler.ts';
import { hasScope, installOpenApi, openRoute } from './open-api.ts';
import type { Actor } from './actor.ts';

const APP: Actor = { kind: 'app', appId: 'cli_0123456789abcdef', name: 'reader', scopes: ['bitable:readonly'] };
const app = Fastify();

beforeAll(async () => {
  app.decorateRequest('ctx', null as never);
  app.addHook('onRequest', async (req) => {
    req.ctx = { actor: null, ip: req.ip, locale: 'en' };
  });
  installErrorHandler(app);
  installOpenApi(app, async (token) => (token === 't-good' ? APP : null));
  openRoute(
    app,
    {
      method: 'GET',
      url: '/open-apis/x/v1/items/:item_id',
      scope: 'bitable:readonly',
      params: z.object({ item_id: z.string().startsWith('itm') }),
      query: z.object({ page_size: z.coerce.number().int().max(500).default(20) }),
    },
    async ({ params, query, req }) => ({ id: params.item_id, page_size: query.page_size, by: req.ctx.actor?.kind }),
  );
  openRoute(app, { method: 'POST', url: '/open-apis/x/v1/items', scope: 'bitable', body: z.object({ name: z.string() }) }, async () => ({}));
  openRoute(app, { method: 'DELETE', url: '/open-apis/x/v1/items/:item_id', invalid: { code: 1254006, httpStatus: 200 } }, async () => undefined);
  openRoute(app, { method: 'GET', url: '/open-apis/x/v1/missing' }, async () => {
    throw new AppError('not_found', 'x.missing', { en: 'RecordIdNotFound', zh: '记录不存在' }, { feishuCode: 1254043, httpStatus: 200 });
  });
  await app.ready();
});
afterAll(() => app.close());

const auth = { authorization: 'Bearer t-good' };

describe('openRoute', () => {
  it("wraps results in Feishu's envelope and ignores the {} body the SDK sends on GET and DELETE", async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/open-apis/x/v1/items/itm1?page_size=5',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: 0, msg: 'success', data: { id: 'itm1', page_size: 5, by: 'app' } });
    const del = await app.inject({
      method: 'DELETE',
      url: '/open-apis/x/v1/items/itm1',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(del.json()).toEqual({ code: 0, msg: 'success', data: {} });
    const bare = await app.inject({
      method: 'DELETE',
      url: '/open-apis/x/v1/items/itm1',
      headers: { ...auth, 'content-type': 'application/json', 'content-length': '0' },
    });
    expect(bare.statusCode).toBe(200);
  });

  it('answers bad input with HTTP 400 and code 1254001 by default', async () => {
    const res = await app.inject({ method: 'GET', url: '/open-apis/x/v1/items/itm1?page_size=9999', headers: auth });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 1254001, msg: expect.stringContaining('query.page_size'), error: { log_id: expect.any(String) } });
  });

  it('refuses an app without the scope, and missing or unknown tokens', async () => {
    const res = await app.inject({ method: 'POST', url: '/open-apis/x/v1/items', headers: auth, payload: { name: 'a' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe(99991672);
    expect((await app.inject({ url: '/open-apis/x/v1/items/itm1' })).json()).toMatchObject({ code: 99991661 });
    const bad = await app.inject({ url: '/open-apis/x/v1/items/itm1', headers: { authorization: 'Bearer t-bad' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().code).toBe(99991663);
  });

  it('maps a service AppError to its Feishu code and status', async () => {
    const res = await app.inject({ url: '/open-apis/x/v1/missing', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 1254043, msg: 'RecordIdNotFound' });
  });
});

describe('hasScope', () => {
  it('lets the full scope stand in for its read-only variant, not the reverse', () => {
    expect(hasScope(['bitable'], 'bitable:readonly')).toBe(true);
    expect(hasScope(['bitable:readonly'], 'bitable')).toBe(false);
    expect(hasScope(['contact:readonly'], 'contact:readonly')).toBe(true);
  });
});

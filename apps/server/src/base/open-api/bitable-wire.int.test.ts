import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@concord/contracts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let token: string;
let appToken: string;
let tableId: string;
let otherId: string;

/** One raw /open-apis/bitable/v1 call, to check what goes over the wire (statuses, shapes, the SDK's `{}` bodies). */
async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) {
  const res = await t.app.inject({
    method,
    url: `/open-apis/bitable/v1${url}`,
    headers: { authorization: `Bearer ${token}`, ...headers },
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.json<{ code: number; msg: string; data?: unknown }>() };
}

/** A value deep inside a response, e.g. `at(res, 'data', 'app', 'app_token')`. */
function at(v: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown> | undefined)?.[k], v);
}

beforeAll(async () => {
  t = await startTestApp();
  const app = await t.admin.call(createApp, { body: { name: 'bitable-wire', scopes: ['bitable'] } });
  const res = await t.app.inject({
    method: 'POST',
    url: '/open-apis/auth/v3/tenant_access_token/internal',
    payload: { app_id: app.appId, app_secret: app.appSecret },
  });
  token = res.json<{ tenant_access_token: string }>().tenant_access_token;
  appToken = at((await call('POST', '/apps', { name: '线索库' })).body, 'data', 'app', 'app_token') as string;
  const other = await call('POST', `/apps/${appToken}/tables`, { table: { name: '公司', fields: [{ field_name: '公司名', type: 1 }] } });
  otherId = at(other.body, 'data', 'table_id') as string;
  const main = await call('POST', `/apps/${appToken}/tables`, {
    table: {
      name: '线索',
      fields: [
        { field_name: '姓名', type: 1 },
        { field_name: '邮箱', type: 1, ui_type: 'Email' },
        { field_name: '创建人', type: 1003 },
        { field_name: '编号', type: 1005 },
        { field_name: '完成率', type: 2, property: { formatter: '0.0%' } },
        { field_name: '公司', type: 21, property: { table_id: otherId } },
      ],
    },
  });
  tableId = at(main.body, 'data', 'table_id') as string;
  const fields = await call('GET', `/apps/${appToken}/tables/${tableId}/fields`);
  const link = (at(fields.body, 'data', 'items') as { field_name: string; field_id: string }[]).find((f) => f.field_name === '公司')!;
  await call('POST', `/apps/${appToken}/tables/${tableId}/fields`, {
    field_name: '公司名称',
    type: 19,
    property: { link_field_id: link.field_id, target_field_id: at(other.body, 'data', 'field_id_list', 0) },
  });
});
afterAll(() => t.close());

describe('Bitable v1 on the wire', () => {
  it('reads Feishu shapes: email and text segments, link ids, lookups as {type, value}, auto numbers as strings', async () => {
    const company = await call('POST', `/apps/${appToken}/tables/${otherId}/records`, { fields: { 公司名: '极速科技' } });
    const companyId = at(company.body, 'data', 'record', 'record_id') as string;
    const created = await call('POST', `/apps/${appToken}/tables/${tableId}/records`, {
      fields: { 姓名: '王芳', 邮箱: 'wf@jisu.cn', 完成率: 0.5, 公司: [companyId] },
    });
    expect(at(created.body, 'data', 'record', 'fields')).toMatchObject({ 姓名: '王芳', 公司: [companyId], 编号: '1' });
    const found = await call('POST', `/apps/${appToken}/tables/${tableId}/records/search`, {});
    expect(at(found.body, 'data', 'items', 0, 'fields')).toMatchObject({
      姓名: [{ type: 'text', text: '王芳' }],
      邮箱: [{ type: 'url', text: 'wf@jisu.cn', link: 'mailto:wf@jisu.cn' }],
      完成率: 0.5,
      公司: { link_record_ids: [companyId] },
      公司名称: { type: 1, value: ['极速科技'] },
      编号: '1',
    });
  });

  it("accepts the SDK's {} body on GET and DELETE", async () => {
    const json = { 'content-type': 'application/json' };
    const list = await t.app.inject({
      method: 'GET',
      url: `/open-apis/bitable/v1/apps/${appToken}/tables`,
      headers: { authorization: `Bearer ${token}`, ...json },
      payload: '{}',
    });
    expect(list.json()).toMatchObject({ code: 0, data: { total: 3 } });
    const del = await call('DELETE', `/apps/${appToken}/tables/${tableId}/records/recNotThere000`, {}, json);
    expect(del).toMatchObject({ status: 200, body: { code: 1254043 } });
  });

  it("uses Feishu's HTTP statuses: batch_get 404 for a missing table, 400 for page_size 0 and bad client tokens, 200 otherwise", async () => {
    expect(await call('POST', `/apps/${appToken}/tables/tblNotThere000/records/batch_get`, { record_ids: ['rec1'] })).toMatchObject({
      status: 404,
      body: { code: 1254041 },
    });
    expect(await call('POST', `/apps/${appToken}/tables/tblNotThere000/records/search`, {})).toMatchObject({ status: 200, body: { code: 1254041 } });
    expect(await call('POST', `/apps/${appToken}/tables/${tableId}/records/search?page_size=0`, {})).toMatchObject({ status: 400, body: { code: 1254011 } });
    expect(await call('POST', `/apps/${appToken}/tables/${tableId}/records/search?page_token=garbage`, {})).toMatchObject({
      status: 200,
      body: { code: 1254002 },
    });
    expect(await call('POST', `/apps/${appToken}/tables/${tableId}/records?client_token=abc`, { fields: {} })).toMatchObject({
      status: 400,
      body: { code: 1254037 },
    });
    const tooMany = await call('POST', `/apps/${appToken}/tables/${tableId}/records/batch_get`, {
      record_ids: Array.from({ length: 101 }, (_, i) => `rec${i}`),
    });
    expect(tooMany.status).toBe(400);
    expect(await call('POST', `/apps/${appToken}/tables/${tableId}/views`, { view_name: '甘特', view_type: 'gantt' })).toMatchObject({
      status: 200,
      body: { code: 1254012 },
    });
  });

  it('refuses filters it cannot run with 1254018 rather than failing', async () => {
    const byCreator = await call('POST', `/apps/${appToken}/tables/${tableId}/records/search`, {
      filter: { conjunction: 'and', conditions: [{ field_name: '创建人', operator: 'is', value: ['ou_x'] }] },
    });
    expect(byCreator).toMatchObject({ status: 200, body: { code: 1254018 } });
    const nested = await call('POST', `/apps/${appToken}/tables/${tableId}/records/search`, {
      filter: { conjunction: 'and', children: [{ conjunction: 'or', conditions: [], children: [] }] },
    });
    expect(nested.body.code).toBe(1254018);
    const formula = await call('GET', `/apps/${appToken}/tables/${tableId}/records?filter=${encodeURIComponent('CurrentValue.[姓名] ~ "王"')}`);
    expect(formula.body.code).toBe(1254018);
  });
});

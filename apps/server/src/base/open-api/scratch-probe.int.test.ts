import { afterAll, beforeAll, it } from 'vitest';
import { createApp } from '@concord/contracts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({ withAdmin: true });
  const app = await t.admin.call(createApp, { body: { name: 'probe', scopes: ['bitable'] } });
  const res = await t.app.inject({
    method: 'POST',
    url: '/open-apis/auth/v3/tenant_access_token/internal',
    payload: { app_id: app.appId, app_secret: app.appSecret },
  });
  token = res.json().tenant_access_token;
});
afterAll(() => t.close());

async function call(method: string, url: string, payload?: unknown) {
  const res = await t.app.inject({
    method: method as 'GET',
    url: `/open-apis/bitable/v1${url}`,
    headers: { authorization: `Bearer ${token}` },
    payload: payload as object,
  });
  return { status: res.statusCode, body: res.json() };
}

it('probes', async () => {
  const app = await call('POST', '/apps', { name: 'p' });
  const at = app.body.data.app.app_token;
  const tbl = await call('POST', `/apps/${at}/tables`, {
    table: {
      name: 'T',
      fields: [
        { field_name: 'Name', type: 1 },
        { field_name: 'Mail', type: 1, ui_type: 'Email' },
        { field_name: 'N', type: 2 },
        { field_name: 'Creator', type: 1003 },
        { field_name: 'Created', type: 1001 },
        { field_name: 'No', type: 1005 },
        { field_name: 'F', type: 20, property: { formula_expression: '1+1' } },
        { field_name: 'Pct', type: 2, property: { formatter: '0.0%' } },
        { field_name: 'Cur', type: 2, ui_type: 'Currency', property: { currency_code: 'USD', formatter: '0.00' } },
        { field_name: 'Rate', type: 2, ui_type: 'Rating', property: { max: 3, rating: { symbol: 'heart' } } },
        { field_name: 'Prog', type: 2, ui_type: 'Progress' },
      ],
    },
  });
  console.log('table', JSON.stringify(tbl.body));
  const tid = tbl.body.data.table_id;
  const t2 = await call('POST', `/apps/${at}/tables`, { table: { name: 'Other', fields: [{ field_name: 'Title', type: 1 }] } });
  const oid = t2.body.data.table_id;
  const link = await call('POST', `/apps/${at}/tables/${tid}/fields`, { field_name: 'L', type: 21, property: { table_id: oid } });
  console.log('link', JSON.stringify(link.body));
  const lk = await call('POST', `/apps/${at}/tables/${tid}/fields`, {
    field_name: 'LK',
    type: 19,
    property: { link_field_id: link.body.data.field.field_id, target_field_id: t2.body.data.field_id_list[0] },
  });
  console.log('lookup', JSON.stringify(lk.body));
  const o = await call('POST', `/apps/${at}/tables/${oid}/records`, { fields: { Title: 'other one' } });
  const r = await call('POST', `/apps/${at}/tables/${tid}/records`, {
    fields: { Name: 'a', Mail: 'a@b.cn', N: 3, L: [o.body.data.record.record_id], Pct: 0.5, Cur: 3.5, Rate: 2, Prog: 0.3 },
  });
  console.log('create', JSON.stringify(r.body));
  console.log(
    'fields',
    JSON.stringify(
      (await call('GET', `/apps/${at}/tables/${tid}/fields`)).body.data.items.map(
        (f: { field_name: string; type: number; ui_type: string; property: unknown }) => [f.field_name, f.type, f.ui_type, f.property],
      ),
    ),
  );
  console.log(
    'list',
    JSON.stringify(
      (
        await call(
          'GET',
          `/apps/${at}/tables/${tid}/records?text_field_as_array=true&automatic_fields=true&sort=${encodeURIComponent('["N DESC"]')}&field_names=${encodeURIComponent('["Name","Mail","L","LK","No","Creator","Created","F"]')}`,
        )
      ).body,
    ),
  );
  console.log(
    'search creator',
    JSON.stringify(
      (
        await call('POST', `/apps/${at}/tables/${tid}/records/search`, {
          filter: { conjunction: 'and', conditions: [{ field_name: 'Creator', operator: 'is', value: ['x'] }] },
        })
      ).body,
    ),
  );
  console.log(
    'search created',
    JSON.stringify(
      (
        await call('POST', `/apps/${at}/tables/${tid}/records/search`, {
          filter: { conjunction: 'and', conditions: [{ field_name: 'Created', operator: 'is', value: ['Today'] }] },
        })
      ).body,
    ).slice(0, 300),
  );
  console.log(
    'search link',
    JSON.stringify(
      (
        await call('POST', `/apps/${at}/tables/${tid}/records/search`, {
          filter: { conjunction: 'and', conditions: [{ field_name: 'L', operator: 'contains', value: [o.body.data.record.record_id] }] },
        })
      ).body,
    ).slice(0, 300),
  );
  console.log('page0', JSON.stringify(await call('POST', `/apps/${at}/tables/${tid}/records/search?page_size=0`, {})));
  console.log('badtoken', JSON.stringify(await call('POST', `/apps/${at}/tables/${tid}/records/search?page_token=zzz`, {})));
  console.log(
    'bg>100',
    JSON.stringify(await call('POST', `/apps/${at}/tables/${tid}/records/batch_get`, { record_ids: Array.from({ length: 101 }, (_, i) => `rec${i}`) })),
  );
  console.log('bg wrong table', JSON.stringify(await call('POST', `/apps/${at}/tables/tblNope/records/batch_get`, { record_ids: ['rec1'] })));
  console.log(
    'empty body GET',
    JSON.stringify(
      await t.app
        .inject({
          method: 'GET',
          url: `/open-apis/bitable/v1/apps/${at}/tables`,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          payload: '{}',
        })
        .then((x) => x.json()),
    ),
  );
  console.log(
    'delete w/ body',
    JSON.stringify(
      await t.app
        .inject({
          method: 'DELETE',
          url: `/open-apis/bitable/v1/apps/${at}/tables/${tid}/records/recNope`,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          payload: '{}',
        })
        .then((x) => [x.statusCode, x.json()]),
    ),
  );
  console.log('bad client token', JSON.stringify(await call('POST', `/apps/${at}/tables/${tid}/records?client_token=abc`, { fields: {} })));
  console.log('gantt', JSON.stringify(await call('POST', `/apps/${at}/tables/${tid}/views`, { view_name: 'g', view_type: 'gantt' })));
  console.log('del primary', JSON.stringify(await call('DELETE', `/apps/${at}/tables/${tid}/fields/${tbl.body.data.field_id_list[0]}`)));
  console.log('dup field', JSON.stringify(await call('POST', `/apps/${at}/tables/${tid}/fields`, { field_name: 'N', type: 1 })));
  console.log('write readonly', JSON.stringify(await call('POST', `/apps/${at}/tables/${tid}/records`, { fields: { No: '1' } })));
  console.log('batch_delete missing', JSON.stringify(await call('POST', `/apps/${at}/tables/${tid}/records/batch_delete`, { records: ['recNope'] })));
  console.log('update missing', JSON.stringify(await call('PUT', `/apps/${at}/tables/${tid}/records/recNope`, { fields: { N: 1 } })));
  console.log('invalid body', JSON.stringify(await call('POST', `/apps/${at}/tables/${tid}/records/batch_create`, { records: 'x' })));
});

import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as lark from '@larksuiteoapi/node-sdk';
import { createApp } from '@concord/contracts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';

// Noon in Shanghai on 2026-12-01: "Today" filters resolve against this, never the system clock.
const NOW = new Date('2026-12-01T04:00:00Z');
const DAY = 86_400_000;
const TODAY_MS = Date.parse('2026-12-01T02:00:00Z');
const LAST_WEEK_MS = Date.parse('2026-11-24T02:00:00Z');
/** Feishu clears a cell written as null; the SDK's types do not admit null, so it is cast here. */
const CLEAR = null as unknown as string;

let t: TestApp;
let client: lark.Client;
let appToken: string;
let tableId: string;
let adminId: string;
let domain: string;

/** The status and body of a call the SDK rejected (non-2xx), or null when it resolved. */
async function rejection(p: Promise<unknown>): Promise<{ status: number; data: { code: number; msg: string } } | null> {
  return p.then(
    () => null,
    (e: { response?: { status: number; data: { code: number; msg: string } } }) => (e.response ? { status: e.response.status, data: e.response.data } : null),
  );
}

async function recordCount(): Promise<number> {
  const res = await client.bitable.appTableRecord.search({ path: { app_token: appToken, table_id: tableId }, params: { page_size: 1 }, data: {} });
  return res.data?.total ?? -1;
}

beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => NOW } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  domain = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const app = await t.admin.call(createApp, { body: { name: 'bitable-sdk', scopes: ['bitable'] } });
  client = new lark.Client({ appId: app.appId, appSecret: app.appSecret, domain, loggerLevel: lark.LoggerLevel.fatal });
  adminId = (await t.deps.db.selectFrom('users').select('id').where('email', '=', 'admin@example.com').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

describe('Bitable v1 structure through the Feishu Node SDK', () => {
  it('creates a base with a first table and reads it back', async () => {
    const created = await client.bitable.app.create({ data: { name: '销售管理' } });
    expect(created.code).toBe(0);
    appToken = created.data!.app!.app_token!;
    expect(appToken).toMatch(/^bascn[A-Za-z0-9]+$/);
    expect(created.data!.app!.default_table_id).toMatch(/^tbl/);
    const got = await client.bitable.app.get({ path: { app_token: appToken } });
    expect(got).toMatchObject({ code: 0, data: { app: { app_token: appToken, name: '销售管理' } } });
  });

  it('creates a table with typed fields and a named default view, lists, renames and deletes tables', async () => {
    const res = await client.bitable.appTable.create({
      path: { app_token: appToken },
      data: {
        table: {
          name: '客户',
          default_view_name: '全部客户',
          fields: [
            { field_name: '客户名称', type: 1 },
            { field_name: '金额', type: 2, property: { formatter: '0.00' } },
            { field_name: '阶段', type: 3, property: { options: [{ name: '线索' }, { name: '方案' }, { name: '赢单' }] } },
            { field_name: '签约日期', type: 5, property: { date_formatter: 'yyyy/MM/dd' } },
            { field_name: '负责人', type: 11, property: { multiple: false } },
            { field_name: '重点', type: 7 },
            { field_name: '标签', type: 4, property: { options: [{ name: '出行' }, { name: '物流' }] } },
          ],
        },
      },
    });
    expect(res.code).toBe(0);
    tableId = res.data!.table_id!;
    expect(res.data!.field_id_list).toHaveLength(7);
    const views = await client.bitable.appTableView.list({ path: { app_token: appToken, table_id: tableId } });
    expect(views.data!.items!.map((v) => [v.view_id, v.view_name])).toEqual([[res.data!.default_view_id, '全部客户']]);

    const batch = await client.bitable.appTable.batchCreate({ path: { app_token: appToken }, data: { tables: [{ name: '联系人' }, { name: '临时' }] } });
    expect(batch.data!.table_ids).toHaveLength(2);
    const [, tempId] = batch.data!.table_ids!;
    expect((await client.bitable.appTable.patch({ path: { app_token: appToken, table_id: tempId! }, data: { name: '临时表' } })).data).toEqual({
      name: '临时表',
    });
    expect((await client.bitable.appTable.delete({ path: { app_token: appToken, table_id: tempId! } })).code).toBe(0);
    const dup = await client.bitable.appTable.create({ path: { app_token: appToken }, data: { table: { name: '客户' } } });
    expect(dup.code).toBe(1254013);
    const names: string[] = [];
    for await (const page of await client.bitable.appTable.listWithIterator({ path: { app_token: appToken }, params: { page_size: 1 } }))
      names.push(...(page?.items ?? []).map((x) => x.name!));
    expect(names.sort()).toEqual(['Table', '客户', '联系人'].sort());
  });

  it('lists fields with Feishu types and properties, creates link and url fields, updates and deletes fields', async () => {
    const path = { app_token: appToken, table_id: tableId };
    const list = await client.bitable.appTableField.list({ path });
    const byName = Object.fromEntries(list.data!.items!.map((f) => [f.field_name, f]));
    expect(byName['客户名称']).toMatchObject({ type: 1, ui_type: 'Text', is_primary: true });
    expect(byName['金额']).toMatchObject({ type: 2, ui_type: 'Number', property: { formatter: '0.00' } });
    expect(byName['阶段']!.property!.options!.map((o) => o.name)).toEqual(['线索', '方案', '赢单']);
    expect(byName['签约日期']).toMatchObject({ type: 5, property: { date_formatter: 'yyyy/MM/dd' } });
    expect(byName['负责人']).toMatchObject({ type: 11, property: { multiple: false } });

    const tables = await client.bitable.appTable.list({ path: { app_token: appToken } });
    const contacts = tables.data!.items!.find((x) => x.name === '联系人')!.table_id!;
    const link = await client.bitable.appTableField.create({
      path,
      data: { field_name: '联系人', type: 18, property: { table_id: contacts, multiple: true } },
    });
    expect(link.data!.field).toMatchObject({ field_name: '联系人', type: 21, property: { table_id: contacts, table_name: '联系人' } });
    const url = await client.bitable.appTableField.create({ path, data: { field_name: '官网', type: 15 } });
    expect(url.data!.field).toMatchObject({ type: 15, ui_type: 'Url' });
    const note = await client.bitable.appTableField.create({ path, data: { field_name: '备注', type: 1 } });

    const renamed = await client.bitable.appTableField.update({
      path: { ...path, field_id: note.data!.field!.field_id! },
      data: { field_name: '跟进备注', type: 1, description: { text: '最近一次沟通' } },
    });
    expect(renamed.data!.field).toMatchObject({ field_name: '跟进备注', type: 1, description: { text: '最近一次沟通' } });
    const stage = byName['阶段']!;
    const withOption = await client.bitable.appTableField.update({
      path: { ...path, field_id: stage.field_id! },
      data: { field_name: '阶段', type: 3, property: { options: [...stage.property!.options!, { name: '输单' }] } },
    });
    expect(withOption.data!.field!.property!.options!.map((o) => o.name)).toEqual(['线索', '方案', '赢单', '输单']);
    // Existing options keep their ids, so records keep their values.
    expect(withOption.data!.field!.property!.options![0]!.id).toBe(stage.property!.options![0]!.id);

    const deleted = await client.bitable.appTableField.delete({ path: { ...path, field_id: renamed.data!.field!.field_id! } });
    expect(deleted.data).toEqual({ field_id: renamed.data!.field!.field_id, deleted: true });
    const unsupported = await client.bitable.appTableField.create({ path, data: { field_name: '位置', type: 22 } });
    expect(unsupported.code).toBe(1254012);
    const badProperty = await rejection(client.bitable.appTableField.create({ path, data: { field_name: '关联', type: 21, property: {} } }));
    expect(badProperty).toMatchObject({ status: 400, data: { code: 1254092 } });
  });

  it('creates, reads, patches and deletes views', async () => {
    const path = { app_token: appToken, table_id: tableId };
    const kanban = await client.bitable.appTableView.create({ path, data: { view_name: '按阶段', view_type: 'kanban' } });
    expect(kanban.data!.view).toMatchObject({ view_name: '按阶段', view_type: 'kanban' });
    const viewId = kanban.data!.view!.view_id!;
    const fields = await client.bitable.appTableField.list({ path });
    const stageId = fields.data!.items!.find((f) => f.field_name === '阶段')!.field_id!;
    const patched = await client.bitable.appTableView.patch({
      path: { ...path, view_id: viewId },
      data: {
        view_name: '进行中',
        property: { filter_info: { conjunction: 'and', conditions: [{ field_id: stageId, operator: 'isNot', value: '["输单"]' }] } },
      },
    });
    expect(patched.data!.view).toMatchObject({
      view_name: '进行中',
      property: { filter_info: { conjunction: 'and', conditions: [{ field_id: stageId, operator: 'isNot' }] } },
    });
    expect((await client.bitable.appTableView.get({ path: { ...path, view_id: viewId } })).data!.view!.view_name).toBe('进行中');
    expect((await client.bitable.appTableView.list({ path })).data!.items).toHaveLength(2);
    expect((await client.bitable.appTableView.delete({ path: { ...path, view_id: viewId } })).code).toBe(0);
    expect((await client.bitable.appTableView.get({ path: { ...path, view_id: viewId } })).code).toBe(1254042);
  });

  it('answers a wrong app_token with 1254040 and a table of another base with 1254041', async () => {
    const wrongApp = await client.bitable.appTable.list({ path: { app_token: 'bascnDoesNotExist000000' } });
    expect(wrongApp.code).toBe(1254040);
    const other = await client.bitable.app.create({ data: { name: '另一个' } });
    const foreign = await client.bitable.appTableRecord.search({ path: { app_token: other.data!.app!.app_token!, table_id: tableId }, data: {} });
    expect(foreign.code).toBe(1254041);
  });
});

describe('Bitable v1 records through the Feishu Node SDK', () => {
  const path = () => ({ app_token: appToken, table_id: tableId });
  let firstId: string;

  it('creates a record by field names, echoing write shapes, and reads it back in read shapes', async () => {
    const res = await client.bitable.appTableRecord.create({
      path: path(),
      params: { client_token: '6a3f0f5e-2f1b-4c59-9d8e-1f2a3b4c5d6e' },
      data: {
        fields: {
          客户名称: '北京极速科技',
          金额: 12000.5,
          阶段: '赢单',
          签约日期: TODAY_MS,
          负责人: [{ id: adminId }],
          重点: true,
          标签: ['出行', '新能源'],
          官网: { text: '极速', link: 'https://jisu.example.cn' },
        },
      },
    });
    expect(res.code).toBe(0);
    firstId = res.data!.record!.record_id!;
    expect(res.data!.record!.fields).toMatchObject({ 客户名称: '北京极速科技', 金额: 12000.5, 阶段: '赢单', 标签: ['出行', '新能源'] });
    const got = await client.bitable.appTableRecord.get({ path: { ...path(), record_id: firstId }, params: { automatic_fields: true } });
    expect(got.data!.record!.fields).toMatchObject({
      客户名称: '北京极速科技',
      签约日期: TODAY_MS,
      负责人: [{ id: adminId, name: '管理员', email: 'admin@example.com' }],
      重点: true,
      官网: { link: 'https://jisu.example.cn' },
    });
    expect(got.data!.record).toMatchObject({ created_time: expect.any(Number), created_by: { id: expect.stringMatching(/^cli_/) } });
    // Writing an option the field lacks adds it, as on Feishu.
    const fields = await client.bitable.appTableField.list({ path: path() });
    expect(fields.data!.items!.find((f) => f.field_name === '标签')!.property!.options!.map((o) => o.name)).toContain('新能源');
  });

  it('batch-creates 1,000 records in one call and refuses 1,001 without writing any', async () => {
    const stages = ['线索', '方案', '赢单'];
    const records = Array.from({ length: 1000 }, (_, i) => ({
      fields: { 客户名称: `客户${String(i).padStart(4, '0')}`, 金额: i * 10, 阶段: stages[i % 3]!, 签约日期: i % 2 ? LAST_WEEK_MS : TODAY_MS - 30 * DAY },
    }));
    const ok = await client.bitable.appTableRecord.batchCreate({ path: path(), data: { records } });
    expect(ok.code).toBe(0);
    expect(ok.data!.records).toHaveLength(1000);
    expect(await recordCount()).toBe(1001);
    const tooMany = await client.bitable.appTableRecord.batchCreate({ path: path(), data: { records: [...records, { fields: { 客户名称: '多一条' } }] } });
    expect(tooMany.code).toBe(1254104);
    expect(await recordCount()).toBe(1001);
  });

  it('pages through every record exactly once with the SDK iterators', async () => {
    const seen: string[] = [];
    for await (const page of await client.bitable.appTableRecord.listWithIterator({ path: path(), params: { page_size: 300 } }))
      seen.push(...(page?.items ?? []).map((r) => r.record_id!));
    expect(seen).toHaveLength(1001);
    expect(new Set(seen).size).toBe(1001);
    const searched: string[] = [];
    const filter = { conjunction: 'and' as const, conditions: [{ field_name: '阶段', operator: 'is' as const, value: ['赢单'] }] };
    for await (const page of await client.bitable.appTableRecord.searchWithIterator({ path: path(), params: { page_size: 100 }, data: { filter } }))
      searched.push(...(page?.items ?? []).map((r) => r.record_id!));
    expect(searched).toHaveLength(334);
    expect(new Set(searched).size).toBe(334);
  });

  it('lists with a legacy formula filter, sort and field_names, text as plain strings', async () => {
    const res = await client.bitable.appTableRecord.list({
      path: path(),
      params: { filter: 'AND(CurrentValue.[阶段]="赢单", CurrentValue.[金额]>9900)', sort: '["金额 DESC"]', field_names: '["客户名称","金额"]' },
    });
    expect(res.data!.items!.map((r) => r.fields)).toEqual([
      { 客户名称: '北京极速科技', 金额: 12000.5 },
      { 客户名称: '客户0998', 金额: 9980 },
      { 客户名称: '客户0995', 金额: 9950 },
      { 客户名称: '客户0992', 金额: 9920 },
    ]);
  });

  it('searches with and/or filters, number, text, select and date conditions, and sorts', async () => {
    type SearchBody = NonNullable<NonNullable<Parameters<typeof client.bitable.appTableRecord.search>[0]>['data']>;
    const search = (data: SearchBody) => client.bitable.appTableRecord.search({ path: path(), params: { page_size: 500 }, data });
    const big = await search({
      filter: {
        conjunction: 'and',
        conditions: [
          { field_name: '金额', operator: 'isGreater', value: ['9950'] },
          { field_name: '客户名称', operator: 'contains', value: ['客户09'] },
        ],
      },
      sort: [{ field_name: '金额', desc: true }],
      field_names: ['客户名称', '金额'],
    });
    expect(big.data!.items!.map((r) => r.fields['金额'])).toEqual([9990, 9980, 9970, 9960]);
    expect(big.data!.items![0]!.fields['客户名称']).toEqual([{ type: 'text', text: '客户0999' }]);
    expect(Object.keys(big.data!.items![0]!.fields).sort()).toEqual(['客户名称', '金额']);

    const either = await search({
      filter: {
        conjunction: 'or',
        conditions: [{ field_name: '客户名称', operator: 'is', value: ['北京极速科技'] }],
        children: [
          {
            conjunction: 'and',
            conditions: [
              { field_name: '阶段', operator: 'is', value: ['线索'] },
              { field_name: '金额', operator: 'isLess', value: ['50'] },
            ],
          },
        ],
      },
    });
    expect(either.data!.total).toBe(3); // 北京极速科技, 客户0000 (0), 客户0003 (30)

    const today = await search({ filter: { conjunction: 'and', conditions: [{ field_name: '签约日期', operator: 'is', value: ['Today'] }] } });
    expect(today.data!.items!.map((r) => r.record_id)).toEqual([firstId]);
    const exact = await search({
      filter: { conjunction: 'and', conditions: [{ field_name: '签约日期', operator: 'is', value: ['ExactDate', String(LAST_WEEK_MS + 3600_000)] }] },
    });
    expect(exact.data!.total).toBe(500);
    const unknownOption = await search({ filter: { conjunction: 'and', conditions: [{ field_name: '阶段', operator: 'is', value: ['不存在的阶段'] }] } });
    expect(unknownOption).toMatchObject({ code: 0, data: { total: 0, items: [], has_more: false } });
    const badOperator = await search({ filter: { conjunction: 'and', conditions: [{ field_name: '重点', operator: 'isGreater', value: ['1'] }] } });
    expect(badOperator.code).toBe(1254018);
    expect((await search({ sort: [{ field_name: '没有这个字段' }] })).code).toBe(1254016);
  });

  it('batch-gets, updates, batch-updates, deletes and batch-deletes records', async () => {
    const some = await client.bitable.appTableRecord.search({ path: path(), params: { page_size: 3 }, data: { sort: [{ field_name: '金额' }] } });
    const ids = some.data!.items!.map((r) => r.record_id!);
    const got = await client.bitable.appTableRecord.batchGet({ path: path(), data: { record_ids: [...ids, 'recMissing00000'] } });
    expect(got.data!.records!.map((r) => r.record_id)).toEqual(ids);
    expect(got.data).toMatchObject({ absent_record_ids: ['recMissing00000'], forbidden_record_ids: [] });

    const upd = await client.bitable.appTableRecord.update({
      path: { ...path(), record_id: firstId },
      data: { fields: { 金额: 15000, 重点: false, 官网: CLEAR } },
    });
    expect(upd.data!.record!.fields).toMatchObject({ 客户名称: '北京极速科技', 金额: 15000, 重点: false });
    expect(upd.data!.record!.fields['官网']).toBeUndefined();
    const bu = await client.bitable.appTableRecord.batchUpdate({
      path: path(),
      data: { records: ids.map((id) => ({ record_id: id, fields: { 阶段: '输单' } })) },
    });
    expect(bu.data!.records!.map((r) => r.fields['阶段'])).toEqual(['输单', '输单', '输单']);

    const del = await client.bitable.appTableRecord.delete({ path: { ...path(), record_id: ids[0]! } });
    expect(del.data).toEqual({ deleted: true, record_id: ids[0] });
    const bd = await client.bitable.appTableRecord.batchDelete({ path: path(), data: { records: ids.slice(1) } });
    expect(bd.data!.records).toEqual(ids.slice(1).map((id) => ({ deleted: true, record_id: id })));
    expect(await recordCount()).toBe(998);
    const gone = await client.bitable.appTableRecord.get({ path: { ...path(), record_id: ids[0]! } });
    expect(gone.code).toBe(1254043);
  });

  it('refuses unknown field names (1254045) and values of the wrong type (HTTP 400, 1254015) without writing', async () => {
    const before = await recordCount();
    const unknown = await client.bitable.appTableRecord.create({ path: path(), data: { fields: { 客户名称: '新客户', 不存在: 1 } } });
    expect(unknown.code).toBe(1254045);
    const wrongType = await rejection(
      client.bitable.appTableRecord.batchCreate({ path: path(), data: { records: [{ fields: { 客户名称: 'A' } }, { fields: { 金额: '很多' } }] } }),
    );
    expect(wrongType).toMatchObject({ status: 400, data: { code: 1254015 } });
    const badDate = await client.bitable.appTableRecord.create({ path: path(), data: { fields: { 签约日期: '2026-12-01' } } });
    expect(badDate.code).toBe(1254064);
    const nobody = await client.bitable.appTableRecord.create({ path: path(), data: { fields: { 负责人: [{ id: 'ou_nobody' }] } } });
    expect(nobody.code).toBe(1254066);
    expect(await recordCount()).toBe(before);
  });

  it('lets an app with bitable:readonly search but not write', async () => {
    const ro = await t.admin.call(createApp, { body: { name: 'bitable-readonly', scopes: ['bitable:readonly'] } });
    const reader = new lark.Client({ appId: ro.appId, appSecret: ro.appSecret, domain, loggerLevel: lark.LoggerLevel.fatal });
    const found = await reader.bitable.appTableRecord.search({ path: path(), params: { page_size: 1 }, data: {} });
    expect(found).toMatchObject({ code: 0, data: { total: 998 } });
    const write = await rejection(reader.bitable.appTableRecord.create({ path: path(), data: { fields: { 客户名称: '只读' } } }));
    expect(write).toMatchObject({ status: 403, data: { code: 99991672 } });
  });
});

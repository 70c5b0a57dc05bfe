import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { f } from '@concord/table-engine';
import { apiError, signedInPerson, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let tableId: string;
let fid: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  const base = await t.admin.call(c.createBase, { body: { name: '客户管理' } });
  const table = await t.admin.call(c.createTable, {
    params: { baseId: base.id },
    body: {
      name: '客户',
      fields: [
        { name: '客户名称', type: 'text', options: {} },
        {
          name: '阶段',
          type: 'singleSelect',
          options: { choices: [{ name: '线索', aliases: ['Lead'] }, { name: '方案报价', aliases: ['Proposal'] }, { name: '赢单' }] },
        },
        { name: '预计月金额', type: 'currency', options: {} },
        { name: '手机', type: 'phone', options: {} },
        { name: '下次跟进时间', type: 'date', options: {} },
        { name: '重点', type: 'checkbox', options: {} },
        { name: '标签', type: 'multiSelect', options: { choices: [{ name: '出行' }, { name: '物流' }] } },
      ],
    },
  });
  tableId = table.id;
  fid = Object.fromEntries(table.fields.map((x) => [x.name, x.id]));
});
afterAll(() => t.close());

describe('Base tables and records', () => {
  it('creates records with typed, normalised values', async () => {
    const res = await t.admin.call(c.createRecords, {
      params: { tableId },
      body: {
        records: [
          {
            fields: {
              [fid['客户名称']!]: '北京极速科技有限公司',
              [fid['阶段']!]: 'lead',
              [fid['预计月金额']!]: '12,000',
              [fid['手机']!]: '138 0013 8000',
              [fid['下次跟进时间']!]: '2026-12-01',
              [fid['标签']!]: '出行, 物流',
            },
          },
          { fields: { [fid['客户名称']!]: '上海云途物流', [fid['阶段']!]: '方案报价', [fid['预计月金额']!]: 50000, [fid['重点']!]: true } },
          { fields: { [fid['客户名称']!]: '广州小马出行', [fid['阶段']!]: '赢单', [fid['预计月金额']!]: 8000 } },
        ],
      },
    });
    expect(res.items).toHaveLength(3);
    const first = res.items[0]!;
    expect(first.fields[fid['阶段']!]).toBe('线索');
    expect(first.fields[fid['预计月金额']!]).toBe(12000);
    expect(first.fields[fid['手机']!]).toBe('+8613800138000');
    expect(first.fields[fid['标签']!]).toEqual(['出行', '物流']);
    expect(first.fields[fid['下次跟进时间']!]).toBe(Date.parse('2026-11-30T16:00:00Z'));
    expect(first.version).toBe(1);
  });

  it('refuses a batch with a bad value and writes nothing', async () => {
    const before = await t.admin.call(c.queryRecords, { params: { tableId }, body: {} });
    const err = await apiError(
      t.admin.call(c.createRecords, {
        params: { tableId },
        body: { records: [{ fields: { [fid['客户名称']!]: 'ok' } }, { fields: { [fid['阶段']!]: '不存在的阶段' } }] },
      }),
    );
    expect(err.status).toBe(400);
    expect(err.code).toBe('base.record.invalid_value');
    expect(err.message).toContain('不存在的阶段');
    const after = await t.admin.call(c.queryRecords, { params: { tableId }, body: {} });
    expect(after.total).toBe(before.total);
  });

  it('filters and sorts in SQL', async () => {
    const big = await t.admin.call(c.queryRecords, {
      params: { tableId },
      body: { filter: f.and(f.cond(fid['预计月金额']!, 'isGreaterEqual', ['10000'])), sort: [{ fieldId: fid['预计月金额']!, desc: true }] },
    });
    expect(big.items.map((r) => r.fields[fid['客户名称']!])).toEqual(['上海云途物流', '北京极速科技有限公司']);
    const byStage = await t.admin.call(c.queryRecords, {
      params: { tableId },
      body: { filter: f.or(f.cond(fid['阶段']!, 'is', ['Proposal']), f.cond(fid['客户名称']!, 'contains', ['小马'])) },
    });
    expect(byStage.total).toBe(2);
    const sortedByStage = await t.admin.call(c.queryRecords, { params: { tableId }, body: { sort: [{ fieldId: fid['阶段']!, desc: false }] } });
    expect(sortedByStage.items.map((r) => r.fields[fid['阶段']!])).toEqual(['线索', '方案报价', '赢单']);
    const tagged = await t.admin.call(c.queryRecords, { params: { tableId }, body: { filter: f.cond(fid['标签']!, 'contains', ['物流']) } });
    expect(tagged.total).toBe(1);
    const empty = await t.admin.call(c.queryRecords, { params: { tableId }, body: { filter: f.cond(fid['手机']!, 'isEmpty') } });
    expect(empty.total).toBe(2);
    const bad = await apiError(t.admin.call(c.queryRecords, { params: { tableId }, body: { filter: f.cond(fid['重点']!, 'contains', ['x']) } }));
    expect(bad.code).toBe('base.filter.invalid');
  });

  it('detects a concurrent edit by version and shows the winner', async () => {
    const [rec] = (await t.admin.call(c.queryRecords, { params: { tableId }, body: { limit: 1 } })).items;
    await t.admin.call(c.updateRecords, {
      params: { tableId },
      body: { records: [{ id: rec!.id, version: rec!.version, fields: { [fid['客户名称']!]: '赢家' } }] },
    });
    const err = await apiError(
      t.admin.call(c.updateRecords, {
        params: { tableId },
        body: { records: [{ id: rec!.id, version: rec!.version, fields: { [fid['客户名称']!]: '输家' } }] },
      }),
    );
    expect(err.status).toBe(409);
    expect((err.details as { current: c.RecordDto }).current.fields[fid['客户名称']!]).toBe('赢家');
  });

  it('links records both ways and computes lookups and rollups', async () => {
    const baseId = (await t.admin.call(c.getTable, { params: { tableId } })).baseId;
    const deals = await t.admin.call(c.createTable, {
      params: { baseId },
      body: {
        name: '商机',
        fields: [
          { name: '商机名称', type: 'text', options: {} },
          { name: '金额', type: 'number', options: {} },
        ],
      },
    });
    const link = await t.admin.call(c.createField, {
      params: { tableId: deals.id },
      body: { name: '客户', type: 'link', options: { tableId, multiple: false } },
    });
    const customers = await t.admin.call(c.getTable, { params: { tableId } });
    const reverse = customers.fields.find((x) => x.type === 'link');
    expect(reverse?.name).toBe('商机');
    const cust = (await t.admin.call(c.queryRecords, { params: { tableId }, body: { limit: 1 } })).items[0]!;
    await t.admin.call(c.createRecords, {
      params: { tableId: deals.id },
      body: {
        records: [
          { fields: { [deals.fields[0]!.id]: 'A', [deals.fields[1]!.id]: 100, [link.id]: [cust.id] } },
          { fields: { [deals.fields[0]!.id]: 'B', [deals.fields[1]!.id]: 250, [link.id]: [cust.id] } },
        ],
      },
    });
    const rollup = await t.admin.call(c.createField, {
      params: { tableId },
      body: { name: '商机总额', type: 'rollup', options: { linkFieldId: reverse!.id, targetFieldId: deals.fields[1]!.id, function: 'sum' } },
    });
    const lookup = await t.admin.call(c.createField, {
      params: { tableId },
      body: { name: '商机名', type: 'lookup', options: { linkFieldId: reverse!.id, targetFieldId: deals.fields[0]!.id } },
    });
    const again = await t.admin.call(c.getRecord, { params: { tableId, recordId: cust.id } });
    expect(again.fields[rollup.id]).toBe(350);
    expect(again.fields[lookup.id]).toEqual(['A', 'B']);
    expect((again.fields[reverse!.id] as string[]).length).toBe(2);
    const withDeals = await t.admin.call(c.queryRecords, { params: { tableId }, body: { filter: f.cond(rollup.id, 'isGreater', ['300']) } });
    expect(withDeals.items.map((r) => r.id)).toEqual([cust.id]);
    const notFound = await apiError(
      t.admin.call(c.createRecords, { params: { tableId: deals.id }, body: { records: [{ fields: { [link.id]: ['recNOPE'] } }] } }),
    );
    expect(notFound.code).toBe('base.record.invalid_value');
  });

  it('deletes records and writes an outbox event for live clients', async () => {
    const page = await t.admin.call(c.queryRecords, { params: { tableId }, body: {} });
    const victim = page.items[page.items.length - 1]!;
    const res = await t.admin.call(c.deleteRecords, { params: { tableId }, body: { ids: [victim.id] } });
    expect(res.deleted).toEqual([victim.id]);
    const events = await t.deps.db.selectFrom('outbox').select('event').orderBy('seq', 'desc').limit(1).execute();
    expect(events[0]?.event).toMatchObject({ type: 'base.records.changed', change: 'deleted', recordIds: [victim.id] });
    expect((await t.admin.call(c.queryRecords, { params: { tableId }, body: {} })).total).toBe(page.total - 1);
  });

  it('hides a base from people who are not members', async () => {
    const { client: member } = await signedInPerson(t.admin, t.app, { name: '李雷', email: 'lilei@example.com' });
    const err = await apiError(member.call(c.queryRecords, { params: { tableId }, body: {} }));
    expect(err.status).toBe(404);
    expect((await member.call(c.listBases, {})).items).toEqual([]);
  });
});

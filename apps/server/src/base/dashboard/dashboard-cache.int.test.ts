import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as c from '@concord/contracts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';

// Dashboards cache per-chunk aggregates (65,536 records by seq) and re-read only the chunks changed since. Records here
// sit in chunks 0 and 2 (the seq counter is moved forward), and after every kind of write the dashboard must show
// exactly what a model of the records says.
let t: TestApp;
let baseId: string;
let table: c.TableDto;
let deals: c.TableDto;
let board: c.DashboardDto;
const model = new Map<string, { stage: string; amount: number }>();
const layout = { x: 0, y: 0, w: 3, h: 2 };
const fid = (tbl: c.TableDto, name: string) => tbl.fields.find((f) => f.name === name)!.id;
const opt = (name: string) =>
  (table.fields.find((f) => f.name === '阶段')!.options as { choices: { id: string; name: string }[] }).choices.find((o) => o.name === name)!.id;

async function create(rows: [string, number][]) {
  const res = await t.admin.call(c.createRecords, {
    params: { tableId: table.id },
    body: { records: rows.map(([stage, amount]) => ({ fields: { [fid(table, '阶段')]: stage, [fid(table, '金额')]: amount } })) },
  });
  res.items.forEach((r, i) => model.set(r.id, { stage: rows[i]![0], amount: rows[i]![1] }));
  return res.items.map((r) => r.id);
}

async function data() {
  const res = await t.admin.call(c.dashboardData, { params: { dashboardId: board.id }, body: {} });
  const by = (title: string) => {
    const w = board.widgets.find((x) => x.title === title)!;
    const r = res.widgets.find((x) => x.widgetId === w.id)!;
    if (!r.ok) throw new Error(`${title}: ${r.error.message}`);
    return r.data;
  };
  const num = (title: string) => (by(title) as { value: number | null }).value;
  const bar = by('阶段金额') as Extract<c.WidgetData, { kind: 'bar' | 'line' | 'pie' }>;
  const funnel = by('漏斗') as Extract<c.WidgetData, { kind: 'funnel' }>;
  const list = by('大单') as Extract<c.WidgetData, { kind: 'table' }>;
  return {
    count: num('总数'),
    sum: num('合计'),
    avg: num('平均'),
    max: num('最大'),
    dealTotal: num('商机总额'),
    byStage: Object.fromEntries(bar.categories.map((cat, i) => [cat.label, bar.series[0]!.values[i]])),
    funnel: funnel.steps.map((s) => s.count),
    bigTotal: list.total,
    biggest: list.rows.map((r) => r.fields[fid(table, '金额')]),
  };
}

function expected(dealTotal: number) {
  const rows = [...model.values()];
  const sum = rows.reduce((a, r) => a + r.amount, 0);
  const byStage: Record<string, number> = {};
  for (const r of rows) byStage[r.stage] = (byStage[r.stage] ?? 0) + r.amount;
  return {
    count: rows.length,
    sum,
    avg: rows.length ? sum / rows.length : null,
    max: rows.length ? Math.max(...rows.map((r) => r.amount)) : null,
    dealTotal,
    byStage,
    funnel: ['线索', '报价', '赢单'].map((s) => rows.filter((r) => r.stage === s).length),
    bigTotal: rows.filter((r) => r.amount >= 500).length,
    biggest: rows
      .map((r) => r.amount)
      .filter((a) => a >= 500)
      .sort((a, b) => b - a)
      .slice(0, 3),
  };
}

beforeAll(async () => {
  t = await startTestApp();
  baseId = (await t.admin.call(c.createBase, { body: { name: '缓存' } })).id;
  table = await t.admin.call(c.createTable, {
    params: { baseId },
    body: {
      name: '客户',
      fields: [
        { name: '名称', type: 'text', options: {} },
        { name: '阶段', type: 'singleSelect', options: { choices: ['线索', '报价', '赢单'].map((name) => ({ name })) } },
        { name: '金额', type: 'number', options: {} },
      ],
    },
  });
  deals = await t.admin.call(c.createTable, {
    params: { baseId },
    body: { name: '商机', fields: [{ name: '商机名称', type: 'text', options: {} }, { name: '金额', type: 'number', options: {} }] },
  });
  await t.admin.call(c.createField, { params: { tableId: deals.id }, body: { name: '客户', type: 'link', options: { tableId: table.id, multiple: false } } });
  table = await t.admin.call(c.getTable, { params: { tableId: table.id } });
  deals = await t.admin.call(c.getTable, { params: { tableId: deals.id } });
  const reverse = table.fields.find((x) => x.type === 'link')!;
  await t.admin.call(c.createField, {
    params: { tableId: table.id },
    body: { name: '商机总额', type: 'rollup', options: { linkFieldId: reverse.id, targetFieldId: fid(deals, '金额'), function: 'sum' } },
  });
  table = await t.admin.call(c.getTable, { params: { tableId: table.id } });
  const tableId = table.id;
  const amount = fid(table, '金额');
  board = await t.admin.call(c.createDashboard, {
    params: { baseId },
    body: {
      name: '看板',
      widgets: [
        { kind: 'number', title: '总数', layout, tableId, agg: 'count' },
        { kind: 'number', title: '合计', layout, tableId, agg: 'sum', fieldId: amount },
        { kind: 'number', title: '平均', layout, tableId, agg: 'avg', fieldId: amount },
        { kind: 'number', title: '最大', layout, tableId, agg: 'max', fieldId: amount },
        { kind: 'number', title: '商机总额', layout, tableId, agg: 'sum', fieldId: fid(table, '商机总额') },
        { kind: 'bar', title: '阶段金额', layout, tableId, groupBy: { fieldId: fid(table, '阶段') }, measure: { agg: 'sum', fieldId: amount } },
        { kind: 'funnel', title: '漏斗', layout, tableId, fieldId: fid(table, '阶段'), steps: ['线索', '报价', '赢单'].map(opt), cumulative: false },
        {
          kind: 'table',
          title: '大单',
          layout,
          tableId,
          filter: { kind: 'condition', fieldId: amount, operator: 'isGreaterEqual', values: ['500'] },
          fieldIds: [amount],
          sort: [{ fieldId: amount, desc: true }],
          limit: 3,
        },
      ],
    },
  });
});
afterAll(() => t.close());

describe('dashboard cache', () => {
  let early: string[];
  let late: string[];

  it('shows the records of several chunks', async () => {
    early = await create([
      ['线索', 100],
      ['报价', 200],
      ['赢单', 900],
    ]);
    // Later records land in chunk 2 (seq 131,072 and up), as they would in a table of a few hundred thousand.
    await sql`alter table ${sql.table(`bt_${table.id}`)} alter column seq restart with 131080`.execute(t.deps.db);
    late = await create([
      ['线索', 50],
      ['报价', 700],
    ]);
    expect(await data()).toEqual(expected(0));
    // Asked again with nothing changed: the same answer (from the cache).
    expect(await data()).toEqual(expected(0));
  });

  it('follows updates, deletes, undo and bulk creates in either chunk', async () => {
    await t.admin.call(c.updateRecords, { params: { tableId: table.id }, body: { records: [{ id: late[1]!, fields: { [fid(table, '金额')]: 1200 } }] } });
    model.get(late[1]!)!.amount = 1200;
    expect(await data()).toEqual(expected(0));

    await t.admin.call(c.updateRecords, { params: { tableId: table.id }, body: { records: [{ id: early[0]!, fields: { [fid(table, '阶段')]: '赢单' } }] } });
    model.get(early[0]!)!.stage = '赢单';
    expect(await data()).toEqual(expected(0));

    await t.admin.call(c.deleteRecords, { params: { tableId: table.id }, body: { ids: [early[2]!, late[0]!] } });
    const gone = [model.get(early[2]!)!, model.get(late[0]!)!];
    model.delete(early[2]!);
    model.delete(late[0]!);
    expect(await data()).toEqual(expected(0));

    await t.admin.call(c.undoLastChange, { params: { tableId: table.id } });
    const back = await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: { limit: 100 } });
    for (const r of back.items)
      if (!model.has(r.id)) {
        const amount = r.fields[fid(table, '金额')] as number;
        model.set(r.id, gone.find((g) => g.amount === amount)!);
      }
    expect(model.size).toBe(5);
    expect(await data()).toEqual(expected(0));

    await create(Array.from({ length: 40 }, (_, i): [string, number] => [['线索', '报价', '赢单'][i % 3]!, i * 10]));
    expect(await data()).toEqual(expected(0));
  });

  it('recomputes widgets that read linked tables when those change', async () => {
    const link = fid(deals, '客户');
    const created = await t.admin.call(c.createRecords, {
      params: { tableId: deals.id },
      body: { records: [{ fields: { [fid(deals, '商机名称')]: '大单', [fid(deals, '金额')]: 300, [link]: [late[1]!] } }] },
    });
    expect(await data()).toEqual(expected(300));
    // Only the deals table changes: the customers' rollup must follow.
    await t.admin.call(c.updateRecords, { params: { tableId: deals.id }, body: { records: [{ id: created.items[0]!.id, fields: { [fid(deals, '金额')]: 450 } }] } });
    expect(await data()).toEqual(expected(450));
  });

  it('keeps the change log for an hour', async () => {
    const { pruneRecordChanges } = await import('./chunk-cache.ts');
    expect(await pruneRecordChanges(t.deps.db, new Date())).toBe(0);
    expect(await pruneRecordChanges(t.deps.db, new Date(Date.now() + 2 * 3_600_000))).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { apiError, startTestApp, type TestApp } from '../../../test/harness.ts';

// Tuesday 2026-11-24, noon in Shanghai: this week is 11-23 … 11-29, last week 11-16 … 11-22.
const NOW = new Date('2026-11-24T04:00:00Z');
let t: TestApp;
let baseId: string;
let table: c.TableDto;
const people: Record<string, c.PersonDto> = {};
const clients: Record<string, ReturnType<TestApp['anon']>> = {};
const fid = (name: string) => table.fields.find((f) => f.name === name)!.id;
const opt = (field: string, name: string) =>
  (table.fields.find((f) => f.name === field)!.options as { choices: { id: string; name: string }[] }).choices.find((o) => o.name === name)!.id;
const layout = { x: 0, y: 0, w: 3, h: 2 };

beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => NOW } });
  const sales = await t.admin.call(c.createDepartment, { body: { name: '销售部' } });
  const market = await t.admin.call(c.createDepartment, { body: { name: '市场部' } });
  const add = async (key: string, name: string, dept: string) => {
    people[key] = await t.admin.call(c.createPerson, { body: { name, email: `${key}@example.com`, password: 'pass-word-123', departmentIds: [dept] } });
    clients[key] = t.anon();
    await clients[key].call(c.login, { body: { email: `${key}@example.com`, password: 'pass-word-123' } });
  };
  await add('zhang', '张三', sales.id);
  await add('li', '李四', sales.id);
  await add('wang', '王五', market.id);
  await add('zhao', '赵六', market.id);
  const base = await t.admin.call(c.createBase, { body: { name: 'CRM' } });
  baseId = base.id;
  table = await t.admin.call(c.createTable, {
    params: { baseId },
    body: {
      name: '客户',
      fields: [
        { name: '客户名称', type: 'text', options: {} },
        { name: '阶段', type: 'singleSelect', options: { choices: ['线索', '商机', '方案报价', '赢单', '输单'].map((name) => ({ name })) } },
        { name: '金额', type: 'currency', options: {} },
        { name: '负责人', type: 'person', options: { multiple: false } },
        { name: '来源', type: 'singleSelect', options: { choices: [{ name: '官网' }, { name: '展会' }] } },
        { name: '创建日期', type: 'date', options: {} },
      ],
    },
  });
  const rows: [string, string, number, string, string, string][] = [
    ['A', '线索', 100, 'zhang', '官网', '2026-11-24'],
    ['B', '商机', 200, 'zhang', '展会', '2026-11-23'],
    ['C', '方案报价', 300, 'li', '官网', '2026-11-18'],
    ['D', '赢单', 400, 'li', '展会', '2026-11-17'],
    ['E', '赢单', 500, 'wang', '官网', '2026-11-10'],
    ['F', '输单', 600, 'wang', '展会', '2026-11-24'],
  ];
  await t.admin.call(c.createRecords, {
    params: { tableId: table.id },
    body: {
      records: rows.map(([name, stage, amount, owner, source, date]) => ({
        fields: {
          [fid('客户名称')]: name,
          [fid('阶段')]: stage,
          [fid('金额')]: amount,
          [fid('负责人')]: [people[owner]!.id],
          [fid('来源')]: source,
          [fid('创建日期')]: date,
        },
      })),
    },
  });
  await t.admin.call(c.setBaseMembers, {
    params: { baseId },
    body: {
      members: [
        { userId: people.zhang!.id, role: 'editor' },
        { userId: people.zhao!.id, role: 'viewer' },
      ],
    },
  });
});
afterAll(() => t.close());

async function dataOf(dashboard: c.DashboardDto, filters: Record<string, c.DashboardFilterValue> = {}, who = t.admin) {
  const res = await who.call(c.dashboardData, { params: { dashboardId: dashboard.id }, body: { filters } });
  return new Map(res.widgets.map((w) => [dashboard.widgets.find((x) => x.id === w.widgetId)!.title, w]));
}
function ok(result: c.WidgetResult | undefined): c.WidgetData {
  if (!result?.ok) throw new Error(`widget failed: ${JSON.stringify(result)}`);
  return result.data;
}

describe('dashboards', () => {
  let board: c.DashboardDto;

  it('creates a dashboard with widgets of every kind and computes their numbers in SQL', async () => {
    const tableId = table.id;
    const stages = ['线索', '商机', '方案报价', '赢单'].map((s) => opt('阶段', s));
    board = await t.admin.call(c.createDashboard, {
      params: { baseId },
      body: {
        name: '销售看板',
        filters: [
          { id: 'owner', kind: 'person', label: '负责人', targets: [{ tableId, fieldId: fid('负责人') }] },
          { id: 'dept', kind: 'department', label: '部门', targets: [{ tableId, fieldId: fid('负责人') }] },
          { id: 'date', kind: 'date', label: '创建日期', targets: [{ tableId, fieldId: fid('创建日期') }] },
        ],
        widgets: [
          { kind: 'number', title: '客户总数', layout, tableId, agg: 'count' },
          { kind: 'number', title: '金额合计', layout, tableId, agg: 'sum', fieldId: fid('金额') },
          { kind: 'number', title: '平均金额', layout, tableId, agg: 'avg', fieldId: fid('金额') },
          { kind: 'number', title: '本周新增', layout, tableId, agg: 'count', comparison: { dateFieldId: fid('创建日期'), period: 'week', mode: 'in_period' } },
          { kind: 'number', title: '累计客户', layout, tableId, agg: 'count', comparison: { dateFieldId: fid('创建日期'), period: 'week', mode: 'to_date' } },
          {
            kind: 'bar',
            title: '负责人金额',
            layout,
            tableId,
            groupBy: { fieldId: fid('负责人') },
            measure: { agg: 'sum', fieldId: fid('金额') },
            sort: { by: 'value', desc: true },
          },
          {
            kind: 'bar',
            title: '负责人赢单率',
            layout,
            tableId,
            groupBy: { fieldId: fid('负责人') },
            measure: { agg: 'rate', rateFilter: { kind: 'condition', fieldId: fid('阶段'), operator: 'is', values: ['赢单'] } },
          },
          { kind: 'line', title: '每周新增', layout, tableId, groupBy: { fieldId: fid('创建日期'), bucket: 'week' }, measure: { agg: 'count' } },
          { kind: 'pie', title: '来源', layout, tableId, groupBy: { fieldId: fid('来源') }, series: { fieldId: fid('阶段') }, measure: { agg: 'count' } },
          { kind: 'funnel', title: '阶段漏斗', layout, tableId, fieldId: fid('阶段'), steps: stages, cumulative: true },
          { kind: 'table', title: '大客户', layout, tableId, fieldIds: [fid('客户名称'), fid('金额')], sort: [{ fieldId: fid('金额'), desc: true }], limit: 2 },
        ],
      },
    });
    expect(board.widgets).toHaveLength(11);
    expect(board.canEdit).toBe(true);
    const d = await dataOf(board);
    expect(ok(d.get('客户总数'))).toEqual({ kind: 'number', value: 6, previous: null, change: null });
    expect(ok(d.get('金额合计'))).toMatchObject({ value: 2100 });
    expect(ok(d.get('平均金额'))).toMatchObject({ value: 350 });
    expect(ok(d.get('本周新增'))).toEqual({ kind: 'number', value: 3, previous: 2, change: 0.5 });
    expect(ok(d.get('累计客户'))).toEqual({ kind: 'number', value: 6, previous: 3, change: 1 });
    expect(ok(d.get('负责人金额'))).toEqual({
      kind: 'bar',
      categories: [
        { key: people.wang!.id, label: '王五' },
        { key: people.li!.id, label: '李四' },
        { key: people.zhang!.id, label: '张三' },
      ],
      series: [{ key: null, label: '金额', values: [1100, 700, 300] }],
    });
    const rate = ok(d.get('负责人赢单率'));
    if (rate.kind !== 'bar') throw new Error('bar expected');
    expect(Object.fromEntries(rate.categories.map((cat, i) => [cat.label, rate.series[0]!.values[i]]))).toEqual({ 张三: 0, 李四: 0.5, 王五: 0.5 });
    expect(ok(d.get('每周新增'))).toMatchObject({
      categories: [{ key: '2026-11-09' }, { key: '2026-11-16' }, { key: '2026-11-23' }],
      series: [{ values: [1, 2, 3] }],
    });
    const pie = ok(d.get('来源'));
    if (pie.kind !== 'pie') throw new Error('pie expected');
    expect(pie.categories.map((x) => x.label)).toEqual(['官网', '展会']);
    expect(pie.series.map((s) => [s.label, s.values])).toEqual([
      ['线索', [1, 0]],
      ['商机', [0, 1]],
      ['方案报价', [1, 0]],
      ['赢单', [1, 1]],
      ['输单', [0, 1]],
    ]);
    const funnel = ok(d.get('阶段漏斗'));
    if (funnel.kind !== 'funnel') throw new Error('funnel expected');
    expect(funnel.steps.map((s) => [s.label, s.count, s.conversion, s.overall])).toEqual([
      ['线索', 5, null, 1],
      ['商机', 4, 0.8, 0.8],
      ['方案报价', 3, 0.75, 0.6],
      ['赢单', 2, 2 / 3, 0.4],
    ]);
    const top = ok(d.get('大客户'));
    if (top.kind !== 'table') throw new Error('table expected');
    expect(top.total).toBe(6);
    expect(top.rows.map((r) => r.fields[fid('客户名称')])).toEqual(['F', 'E']);
  });

  it('applies dashboard filters: owner, department subtree and date range', async () => {
    const count = async (filters: Record<string, c.DashboardFilterValue>) => (ok((await dataOf(board, filters)).get('客户总数')) as { value: number }).value;
    expect(await count({ owner: [people.li!.id] })).toBe(2);
    const depts = await t.admin.call(c.listDepartments, { query: {} });
    const sales = depts.items.find((x) => x.name === '销售部')!;
    expect(await count({ dept: [sales.id] })).toBe(4);
    expect(await count({ date: { from: Date.parse('2026-11-22T16:00:00Z'), to: null } })).toBe(3);
    expect(await count({ owner: [people.zhang!.id], date: { from: Date.parse('2026-11-23T16:00:00Z'), to: null } })).toBe(1);
    expect(await count({ owner: [] })).toBe(6);
  });

  it('counts only the rows a member may see, and gives a per-widget error for a table they may not read', async () => {
    await t.admin.call(c.setTableRules, {
      params: { tableId: table.id },
      body: {
        rules: [
          { role: 'editor', access: 'edit', rows: { personFieldId: fid('负责人'), include: ['self'] }, fields: { [fid('来源')]: 'none' } },
          { role: 'viewer', access: 'none', rows: null, fields: {} },
        ],
      },
    });
    try {
      const mine = await dataOf(board, {}, clients.zhang);
      expect(ok(mine.get('客户总数'))).toMatchObject({ value: 2 });
      expect(ok(mine.get('金额合计'))).toMatchObject({ value: 300 });
      // A widget grouping by a field hidden from the member fails for them instead of revealing it.
      expect(mine.get('来源')).toMatchObject({ ok: false, error: { code: 'base.dashboard.widget_invalid' } });
      const viewer = await dataOf(board, {}, clients.zhao);
      const failed = viewer.get('客户总数');
      expect(failed?.ok).toBe(false);
      if (failed && !failed.ok) expect(failed.error.code).toBe('base.table.not_found');
      expect((await clients.zhao!.call(c.getDashboard, { params: { dashboardId: board.id } })).canEdit).toBe(false);
      const err = await apiError(clients.zhao!.call(c.deleteDashboard, { params: { dashboardId: board.id } }));
      expect(err.status).toBe(403);
      expect((await apiError(clients.wang!.call(c.getDashboard, { params: { dashboardId: board.id } }))).status).toBe(404);
    } finally {
      await t.admin.call(c.setTableRules, { params: { tableId: table.id }, body: { rules: [] } });
    }
  });

  it('refuses widgets naming unknown or unfit fields', async () => {
    const tableId = table.id;
    const unknown = await apiError(
      t.admin.call(c.addWidget, {
        params: { dashboardId: board.id },
        body: { kind: 'number', title: 'x', layout, tableId, agg: 'sum', fieldId: 'fldNOPE1234' },
      }),
    );
    expect([unknown.status, unknown.code]).toEqual([400, 'base.dashboard.widget_invalid']);
    const text = await apiError(
      t.admin.call(c.addWidget, {
        params: { dashboardId: board.id },
        body: { kind: 'number', title: 'x', layout, tableId, agg: 'sum', fieldId: fid('客户名称') },
      }),
    );
    expect(text.code).toBe('base.dashboard.widget_invalid');
    const funnel = await apiError(
      t.admin.call(c.addWidget, {
        params: { dashboardId: board.id },
        body: { kind: 'funnel', title: 'x', layout, tableId, fieldId: fid('金额'), steps: ['a'] },
      }),
    );
    expect(funnel.code).toBe('base.dashboard.widget_invalid');
    const filter = await apiError(
      t.admin.call(c.addWidget, {
        params: { dashboardId: board.id },
        body: { kind: 'number', title: 'x', layout, tableId, agg: 'count', filter: { kind: 'condition', fieldId: 'fldNOPE1234', operator: 'is', values: [] } },
      }),
    );
    expect(filter.code).toBe('base.filter.invalid');
    const badFilter = await apiError(
      t.admin.call(c.updateDashboard, {
        params: { dashboardId: board.id },
        body: { filters: [{ id: 'd', kind: 'date', label: '日期', targets: [{ tableId, fieldId: fid('金额') }] }] },
      }),
    );
    expect(badFilter.code).toBe('base.dashboard.widget_invalid');
  });

  it('adds, moves, edits and deletes widgets; a widget broken by a deleted field fails alone', async () => {
    const tableId = table.id;
    const extra = await t.admin.call(c.createField, { params: { tableId }, body: { name: '临时', type: 'number', options: {} } });
    const w = await t.admin.call(c.addWidget, {
      params: { dashboardId: board.id },
      body: { kind: 'number', title: '临时合计', layout, tableId, agg: 'sum', fieldId: extra.id },
    });
    const moved = await t.admin.call(c.updateDashboard, {
      params: { dashboardId: board.id },
      body: { name: '销售看板 2', layout: [{ widgetId: w.id, layout: { x: 6, y: 4, w: 6, h: 3 } }] },
    });
    expect(moved.name).toBe('销售看板 2');
    expect(moved.widgets.find((x) => x.id === w.id)?.layout).toEqual({ x: 6, y: 4, w: 6, h: 3 });
    await t.admin.call(c.deleteField, { params: { fieldId: extra.id } });
    const after = await dataOf(moved);
    expect(after.get('临时合计')?.ok).toBe(false);
    expect(after.get('客户总数')?.ok).toBe(true);
    await t.admin.call(c.updateWidget, {
      params: { dashboardId: board.id, widgetId: w.id },
      body: { kind: 'number', title: '最大金额', layout, tableId, agg: 'max', fieldId: fid('金额') },
    });
    const d2 = await t.admin.call(c.getDashboard, { params: { dashboardId: board.id } });
    expect(ok((await dataOf(d2)).get('最大金额'))).toMatchObject({ value: 600 });
    await t.admin.call(c.deleteWidget, { params: { dashboardId: board.id, widgetId: w.id } });
    expect((await t.admin.call(c.getDashboard, { params: { dashboardId: board.id } })).widgets).toHaveLength(11);
    expect((await t.admin.call(c.listDashboards, { params: { baseId } })).items.map((x) => x.name)).toEqual(['销售看板 2']);
  });

  it('counts a record once per value of a multi-value field, with an empty group for records without one', async () => {
    const tags = await t.admin.call(c.createField, {
      params: { tableId: table.id },
      body: { name: '标签', type: 'multiSelect', options: { choices: [{ name: '重点' }, { name: '续约' }] } },
    });
    const { items } = await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: { sort: [{ fieldId: fid('客户名称'), desc: false }] } });
    await t.admin.call(c.updateRecords, {
      params: { tableId: table.id },
      body: {
        records: [
          { id: items[0]!.id, fields: { [tags.id]: ['重点', '续约'] } },
          { id: items[1]!.id, fields: { [tags.id]: ['重点'] } },
        ],
      },
    });
    const w = await t.admin.call(c.addWidget, {
      params: { dashboardId: board.id },
      body: { kind: 'pie', title: '标签分布', layout, tableId: table.id, groupBy: { fieldId: tags.id }, measure: { agg: 'count' } },
    });
    const d = await dataOf(await t.admin.call(c.getDashboard, { params: { dashboardId: board.id } }));
    const pie = ok(d.get('标签分布'));
    if (pie.kind !== 'pie') throw new Error('pie expected');
    expect(pie.categories.map((x, i) => [x.label, pie.series[0]!.values[i]])).toEqual([
      ['重点', 2],
      ['续约', 1],
      ['(empty)', 4],
    ]);
    await t.admin.call(c.deleteWidget, { params: { dashboardId: board.id, widgetId: w.id } });
  });

  it('narrows a widget by the filter of its view', async () => {
    const view = await t.admin.call(c.createView, {
      params: { tableId: table.id },
      body: { name: '赢单', config: { filter: { kind: 'condition', fieldId: fid('阶段'), operator: 'is', values: ['赢单'] } } },
    });
    const w = await t.admin.call(c.addWidget, {
      params: { dashboardId: board.id },
      body: { kind: 'number', title: '赢单金额', layout, tableId: table.id, viewId: view.id, agg: 'sum', fieldId: fid('金额') },
    });
    const d = await dataOf(await t.admin.call(c.getDashboard, { params: { dashboardId: board.id } }));
    expect(ok(d.get('赢单金额'))).toMatchObject({ value: 900 });
    await t.admin.call(c.deleteWidget, { params: { dashboardId: board.id, widgetId: w.id } });
  });

  it('deletes a dashboard', async () => {
    const extra = await t.admin.call(c.createDashboard, { params: { baseId }, body: { name: '空看板' } });
    await t.admin.call(c.deleteDashboard, { params: { dashboardId: extra.id } });
    expect((await apiError(t.admin.call(c.getDashboard, { params: { dashboardId: extra.id } }))).code).toBe('base.dashboard.not_found');
  });
});

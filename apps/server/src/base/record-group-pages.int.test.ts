import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as c from '@concord/contracts';
import type { FilterNode, SortSpec } from '@concord/table-engine';
import { signedInPerson, startTestApp, type TestApp } from '../../test/harness.ts';

// Pages of a grouped query read group by group (with `groupSpans`) must hold exactly the rows the plain query gives at
// the same offsets: across group boundaries, deep inside big groups, in empty-value groups and in nested groups.

let t: TestApp;
let table: c.TableDto;
let zhang: ReturnType<TestApp['anon']>;
let zhangId = '';
const N = 420;
const fid = (name: string) => table.fields.find((f) => f.name === name)!.id;
const by = (name: string, desc = false): SortSpec => ({ fieldId: fid(name), desc });
const STAGES = ['线索', '商机', '赢单', '输单'];

beforeAll(async () => {
  t = await startTestApp();
  const signedIn = await signedInPerson(t.admin, t.app, { name: '张三', email: 'zhang@example.com', departmentIds: [] });
  zhangId = signedIn.person.id;
  zhang = signedIn.client;
  const base = await t.admin.call(c.createBase, { body: { name: '分组分页' } });
  const choices = (names: string[]) => names.map((name) => ({ name, color: 'blue' as const, aliases: [] }));
  table = await t.admin.call(c.createTable, {
    params: { baseId: base.id },
    body: {
      name: '商机',
      fields: [
        { name: 'Name', type: 'text', options: {} },
        { name: 'Stage', type: 'singleSelect', options: { choices: choices(STAGES) } },
        { name: 'City', type: 'text', options: {} },
        { name: 'Tags', type: 'multiSelect', options: { choices: choices(['VIP', '老客户', '新客']) } },
        { name: 'Qty', type: 'number', options: { precision: 0 } },
        { name: 'Amount', type: 'currency', options: {} },
        { name: 'Done', type: 'checkbox', options: {} },
        { name: 'Due', type: 'date', options: {} },
        { name: 'Owner', type: 'person', options: { multiple: false } },
      ],
    },
  });
  const tagSets = [['VIP'], ['VIP', '老客户'], [], ['老客户'], ['新客', 'VIP'], null];
  const records = Array.from({ length: N }, (_, i) => ({
    fields: {
      [fid('Name')]: `r${i}`,
      // Uneven groups: 线索 is big, 输单 small, every 9th has no stage.
      [fid('Stage')]: i % 9 === 0 ? null : STAGES[[0, 0, 0, 0, 1, 1, 2, 3][i % 8]!],
      [fid('City')]: i % 11 === 0 ? null : ['北京', '上海', '广州'][i % 3],
      [fid('Tags')]: tagSets[i % 6],
      [fid('Qty')]: i % 7 === 0 ? null : i % 5,
      [fid('Amount')]: [10.5, 200, 3000.25][i % 3],
      [fid('Done')]: i % 4 === 0,
      [fid('Due')]: i % 10 === 0 ? null : Date.UTC(2026, 0, 1 + (i % 4)),
      [fid('Owner')]: i % 2 === 0 ? [zhangId] : [],
    },
  }));
  await t.admin.call(c.createRecords, { params: { tableId: table.id }, body: { records } });
  // Manual order differs from creation order: move some records to the top.
  const all = (await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: { limit: 1000 } })).items;
  await t.admin.call(c.moveRecords, {
    params: { tableId: table.id },
    body: { ids: all.filter((_, i) => i % 13 === 5).map((r) => r.id), anchor: { recordId: all[0]!.id, side: 'before' } },
  });
  await t.admin.call(c.setBaseMembers, { params: { baseId: base.id }, body: { members: [{ userId: zhangId, role: 'editor' }] } });
  await t.admin.call(c.setTableRules, {
    params: { tableId: table.id },
    body: { rules: [{ role: 'editor', access: 'edit', rows: { personFieldId: fid('Owner'), include: ['self'] }, fields: {} }] },
  });
});
afterAll(() => t.close());

interface Query {
  groupBy: SortSpec[];
  sort?: SortSpec[];
  filter?: FilterNode;
  viewId?: string;
}

const ids = (items: c.RecordDto[]) => items.map((r) => r.id);

/** Offsets and sizes around every group boundary, plus deep ones inside the biggest groups. */
function probes(leaves: c.RecordGroupDto[], total: number): [number, number][] {
  const out: [number, number][] = [
    [0, 1],
    [0, 200],
    [total - 1, 5],
    [Math.floor(total / 2), 200],
  ];
  // Nested groupings have many small leaves: about 12 of them (first and last included) keep the run short.
  const step = Math.max(1, Math.ceil(leaves.length / 12));
  for (const g of leaves.filter((_, i) => i % step === 0 || i === leaves.length - 1)) {
    for (const at of [g.start - 1, g.start, g.start + 1, g.start + g.count - 1, g.start + Math.floor(g.count / 2)])
      if (at >= 0 && at < total) for (const n of [1, 3, 17, 60]) out.push([at, n]);
  }
  return out;
}

/** The innermost groups overlapping a page, as the grid sends them. */
const spansFor = (leaves: c.RecordGroupDto[], offset: number, limit: number) =>
  leaves.filter((g) => g.start < offset + limit && g.start + g.count > offset).map((g) => ({ key: g.key, start: g.start, count: g.count }));

async function checkPages(q: Query, client = t.admin): Promise<number> {
  const body = { viewId: q.viewId, groupBy: q.groupBy, sort: q.sort, filter: q.filter };
  const expected = ids((await client.call(c.queryRecords, { params: { tableId: table.id }, body: { ...body, limit: 1000 } })).items);
  const res = await client.call(c.queryRecordGroups, { params: { tableId: table.id }, body: { viewId: q.viewId, groupBy: q.groupBy, filter: q.filter } });
  expect(res.total).toBe(expected.length);
  const leaves = res.groups.filter((g) => g.depth === q.groupBy.length - 1);
  let checked = 0;
  for (const [offset, limit] of probes(leaves, expected.length)) {
    const page = await client.call(c.queryRecords, {
      params: { tableId: table.id },
      body: { ...body, offset, limit, withTotal: false, groupSpans: spansFor(leaves, offset, limit) },
    });
    expect({ offset, limit, ids: ids(page.items) }).toEqual({ offset, limit, ids: expected.slice(offset, offset + limit) });
    checked++;
  }
  return checked;
}

describe('grouped pages read group by group', () => {
  it('match the plain order for a single select, empty stage last, in manual order inside groups', async () => {
    expect(await checkPages({ groupBy: [by('Stage')] })).toBeGreaterThan(20);
    expect(await checkPages({ groupBy: [by('Stage', true)] })).toBeGreaterThan(20);
  });

  it('match it inside a sorted view (ties and blanks in the sort) and under a filter', async () => {
    await checkPages({ groupBy: [by('Stage')], sort: [by('Qty', true)] });
    await checkPages({ groupBy: [by('Stage')], sort: [by('City'), by('Qty')] });
    await checkPages({ groupBy: [by('City')], sort: [by('Stage')] });
    await checkPages({ groupBy: [by('Stage')], filter: { kind: 'condition', fieldId: fid('City'), operator: 'is', values: ['上海'] } });
  });

  it('match it for nested groups of two and three levels', async () => {
    await checkPages({ groupBy: [by('City', true), by('Stage')] });
    await checkPages({ groupBy: [by('Stage'), by('Done'), by('Due', true)] });
    await checkPages({ groupBy: [by('Amount'), by('Qty', true)], sort: [by('Name')] });
  });

  it('match it for multi-select and person groups (an empty list is the empty group)', async () => {
    await checkPages({ groupBy: [by('Tags')] });
    await checkPages({ groupBy: [by('Owner'), by('Tags', true)] });
  });

  it('match it under row rules, with the view’s saved grouping and its indexes', async () => {
    const view = await t.admin.call(c.createView, {
      params: { tableId: table.id },
      body: { name: '按阶段', type: 'grid', config: { groupBy: [by('Stage'), by('City')], sort: [by('Qty', true)] } },
    });
    await checkPages({ groupBy: [by('Stage'), by('City')], sort: [by('Qty', true)], viewId: view.id });
    await t.admin.call(c.createView, { params: { tableId: table.id }, body: { name: '按标签', type: 'grid', config: { groupBy: [by('Tags')] } } });
    const indexes = (await sql<{ indexdef: string }>`select indexdef from pg_indexes where tablename = ${`bt_${table.id}`}`.execute(t.deps.db)).rows.map((r) =>
      r.indexdef.replace(/^.* USING btree /, '').replaceAll('"', ''),
    );
    // Group columns first, then the in-group order: the sort, or the manual order.
    expect(indexes).toEqual(
      expect.arrayContaining([`(${fid('Stage')}, ${fid('City')}, ${fid('Qty')} DESC NULLS LAST, seq)`, `(${fid('Tags')}, position, seq)`]),
    );
    await checkPages({ groupBy: [by('Stage')] }, zhang);
  });

  it('match it deep inside a big group of an unsorted view, where the page start is looked up first', async () => {
    const base = await t.admin.call(c.createBase, { body: { name: '大分组' } });
    const big = await t.admin.call(c.createTable, {
      params: { baseId: base.id },
      body: {
        name: 'Big',
        fields: [
          { name: 'N', type: 'text', options: {} },
          { name: 'Odd', type: 'checkbox', options: {} },
        ],
      },
    });
    const [n, odd] = big.fields.map((x) => x.id) as [string, string];
    for (let start = 0; start < 2600; start += 1000) {
      const records = Array.from({ length: Math.min(1000, 2600 - start) }, (_, k) => ({ fields: { [n]: `n${start + k}`, [odd]: (start + k) % 5 !== 0 } }));
      await t.admin.call(c.createRecords, { params: { tableId: big.id }, body: { records } });
    }
    const all = (await t.admin.call(c.queryRecords, { params: { tableId: big.id }, body: { limit: 1000, offset: 1000 } })).items;
    await t.admin.call(c.moveRecords, {
      params: { tableId: big.id },
      body: { ids: all.filter((_, i) => i % 7 === 4).map((r) => r.id), anchor: { recordId: all[500]!.id, side: 'after' } },
    });
    const groupBy = [{ fieldId: odd, desc: true }];
    for (const filter of [undefined, { kind: 'condition' as const, fieldId: n, operator: 'contains' as const, values: ['1'] }]) {
      // The plain query's rows 1000 … 2599.
      const plain = (offset: number) => t.admin.call(c.queryRecords, { params: { tableId: big.id }, body: { groupBy, filter, limit: 1000, offset } });
      const expected = [...ids((await plain(1000)).items), ...ids((await plain(2000)).items)];
      const leaves = (await t.admin.call(c.queryRecordGroups, { params: { tableId: big.id }, body: { groupBy, filter } })).groups;
      for (const [offset, limit] of [
        [1000, 60],
        [1234, 200],
        [leaves[0]!.count - 30, 60],
        [leaves[0]!.count - 1, 1],
      ] as const) {
        if (offset < 1000) continue;
        const page = await t.admin.call(c.queryRecords, {
          params: { tableId: big.id },
          body: { groupBy, filter, offset, limit, withTotal: false, groupSpans: spansFor(leaves, offset, limit) },
        });
        expect({ offset, ids: ids(page.items) }).toEqual({ offset, ids: expected.slice(offset - 1000, offset - 1000 + limit) });
      }
    }
  });

  it('falls back to the plain query when the spans do not describe the page', async () => {
    const body = { groupBy: [by('Stage')], limit: 10, offset: 30, withTotal: false };
    const expected = ids((await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body })).items);
    for (const groupSpans of [
      [{ key: 'not json', start: 0, count: 100 }],
      [{ key: JSON.stringify([JSON.stringify(1)]), start: 0, count: 100 }],
      [{ key: JSON.stringify([JSON.stringify('x'), JSON.stringify('y')]), start: 0, count: 100 }],
      [{ key: JSON.stringify([JSON.stringify(null)]), start: 35, count: 100 }],
    ]) {
      const page = await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: { ...body, groupSpans } });
      expect(ids(page.items)).toEqual(expected);
    }
  });
});

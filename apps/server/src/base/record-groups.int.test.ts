import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { apiError, signedInPerson, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let table: c.TableDto;
let zhang: ReturnType<TestApp['anon']>;
let zhangId = '';
const fid = (name: string) => table.fields.find((f) => f.name === name)!.id;
const by = (name: string, desc = false) => ({ fieldId: fid(name), desc });

// Stage options are ordered 线索, 商机, 赢单: groups follow that order, empty last.
const ROWS: [string, string | null, string, string[], number][] = [
  ['a', '赢单', '北京', ['VIP'], 5],
  ['b', '线索', '上海', ['VIP', '老客户'], 1],
  ['c', '商机', '北京', [], 3],
  ['d', '线索', '北京', ['VIP'], 2],
  ['e', null, '上海', ['老客户'], 4],
  ['f', '线索', '上海', ['VIP'], 6],
  ['g', '赢单', '北京', ['VIP', '老客户'], 7],
];

beforeAll(async () => {
  t = await startTestApp();
  const signedIn = await signedInPerson(t.admin, t.app, { name: '张三', email: 'zhang@example.com', departmentIds: [] });
  zhangId = signedIn.person.id;
  zhang = signedIn.client;
  const base = await t.admin.call(c.createBase, { body: { name: '分组' } });
  const choices = (names: string[]) => names.map((name) => ({ name, color: 'blue' as const, aliases: [] }));
  table = await t.admin.call(c.createTable, {
    params: { baseId: base.id },
    body: {
      name: '商机',
      fields: [
        { name: 'Name', type: 'text', options: {} },
        { name: 'Stage', type: 'singleSelect', options: { choices: choices(['线索', '商机', '赢单']) } },
        { name: 'City', type: 'text', options: {} },
        { name: 'Tags', type: 'multiSelect', options: { choices: choices(['VIP', '老客户']) } },
        { name: 'Qty', type: 'number', options: { precision: 0 } },
        { name: 'Owner', type: 'person', options: { multiple: false } },
      ],
    },
  });
  await t.admin.call(c.createRecords, {
    params: { tableId: table.id },
    body: {
      records: ROWS.map(([name, stage, city, tags, qty]) => ({
        fields: {
          [fid('Name')]: name,
          [fid('Stage')]: stage,
          [fid('City')]: city,
          [fid('Tags')]: tags,
          [fid('Qty')]: qty,
          // Zhang owns the records in 北京.
          [fid('Owner')]: city === '北京' ? [zhangId] : [],
        },
      })),
    },
  });
  await t.admin.call(c.setBaseMembers, { params: { baseId: base.id }, body: { members: [{ userId: zhangId, role: 'editor' }] } });
  await t.admin.call(c.setTableRules, {
    params: { tableId: table.id },
    body: { rules: [{ role: 'editor', access: 'edit', rows: { personFieldId: fid('Owner'), include: ['self'] }, fields: {} }] },
  });
});
afterAll(() => t.close());

const groupsOf = (body: { groupBy: { fieldId: string; desc: boolean }[]; filter?: c.ViewConfig['filter'] }, client = t.admin) =>
  client.call(c.queryRecordGroups, { params: { tableId: table.id }, body });
const namesOf = async (body: { groupBy: { fieldId: string; desc: boolean }[]; sort?: { fieldId: string; desc: boolean }[] }, client = t.admin) =>
  (await client.call(c.queryRecords, { params: { tableId: table.id }, body })).items.map((r) => r.fields[fid('Name')]);
const brief = (groups: c.RecordGroupDto[]) => groups.map((g) => [g.depth, g.value, g.count, g.start]);

describe('record groups', () => {
  it('counts records per group in option order, empty last, and pages records in the same order', async () => {
    const res = await groupsOf({ groupBy: [by('Stage')] });
    expect(res.truncated).toBe(false);
    expect(res.total).toBe(7);
    expect(brief(res.groups)).toEqual([
      [0, '线索', 3, 0],
      [0, '商机', 1, 3],
      [0, '赢单', 2, 4],
      [0, null, 1, 6],
    ]);
    // Inside a group the view's sort applies.
    expect(await namesOf({ groupBy: [by('Stage')], sort: [by('Qty', true)] })).toEqual(['f', 'd', 'b', 'c', 'g', 'a', 'e']);
  });

  it('nests up to three levels, a parent before its children with the sum of their counts', async () => {
    const res = await groupsOf({ groupBy: [by('City', true), by('Stage')] });
    expect(brief(res.groups)).toEqual([
      [0, '北京', 4, 0],
      [1, '线索', 1, 0],
      [1, '商机', 1, 1],
      [1, '赢单', 2, 2],
      [0, '上海', 3, 4],
      [1, '线索', 2, 4],
      [1, null, 1, 6],
    ]);
    const keys = res.groups.map((g) => g.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await namesOf({ groupBy: [by('City', true), by('Stage')] })).toEqual(['d', 'c', 'a', 'g', 'b', 'f', 'e']);
    const three = await groupsOf({ groupBy: [by('City'), by('Stage'), by('Tags')] });
    expect(three.groups.filter((g) => g.depth === 2).reduce((n, g) => n + g.count, 0)).toBe(7);
  });

  it('keeps records with the same multi-select value together even when their first options tie', async () => {
    const res = await groupsOf({ groupBy: [by('Tags')] });
    expect(brief(res.groups)).toEqual([
      [0, ['VIP'], 3, 0],
      [0, ['VIP', '老客户'], 2, 3],
      [0, ['老客户'], 1, 5],
      [0, null, 1, 6],
    ]);
    const names = await namesOf({ groupBy: [by('Tags')] });
    expect(names.slice(0, 3).sort()).toEqual(['a', 'd', 'f']);
    expect(names.slice(3, 5).sort()).toEqual(['b', 'g']);
  });

  it('counts only what the filter and the row rules let through', async () => {
    const filtered = await groupsOf({ groupBy: [by('Stage')], filter: { kind: 'condition', fieldId: fid('City'), operator: 'is', values: ['上海'] } });
    expect(brief(filtered.groups)).toEqual([
      [0, '线索', 2, 0],
      [0, null, 1, 2],
    ]);
    const mine = await groupsOf({ groupBy: [by('Stage')] }, zhang);
    expect(mine.total).toBe(4);
    expect(brief(mine.groups)).toEqual([
      [0, '线索', 1, 0],
      [0, '商机', 1, 1],
      [0, '赢单', 2, 2],
    ]);
    expect(await namesOf({ groupBy: [by('Stage')] }, zhang)).toEqual(['d', 'c', 'a', 'g']);
  });

  it('groups by the view’s saved grouping and shows people by name', async () => {
    const view = table.views[0]!;
    await t.admin.call(c.updateView, { params: { viewId: view.id }, body: { config: { groupBy: [by('Owner')] } } });
    const res = await t.admin.call(c.queryRecordGroups, { params: { tableId: table.id }, body: { viewId: view.id } });
    expect(brief(res.groups)).toEqual([
      [0, [{ id: zhangId, name: '张三', email: 'zhang@example.com' }], 4, 0],
      [0, null, 3, 4],
    ]);
  });

  it('leaves out a saved grouping field that was deleted since', async () => {
    const view = table.views[0]!;
    const tmp = await t.admin.call(c.createField, { params: { tableId: table.id }, body: { name: 'Tmp', type: 'text', options: {} } });
    await t.admin.call(c.updateView, { params: { viewId: view.id }, body: { config: { groupBy: [{ fieldId: tmp.id, desc: false }, by('Stage')] } } });
    await t.admin.call(c.deleteField, { params: { fieldId: tmp.id } });
    const res = await t.admin.call(c.queryRecordGroups, { params: { tableId: table.id }, body: { viewId: view.id } });
    expect(brief(res.groups).map(([depth, value]) => [depth, value])).toEqual([
      [0, '线索'],
      [0, '商机'],
      [0, '赢单'],
      [0, null],
    ]);
    const page = await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: { viewId: view.id } });
    expect(page.items.map((r) => r.fields[fid('Name')])).toEqual(['b', 'd', 'f', 'c', 'a', 'g', 'e']);
  });

  it('answers "too many groups" rather than thousands of headers when a field is nearly unique', async () => {
    const base = await t.admin.call(c.createBase, { body: { name: '很多分组' } });
    const many = await t.admin.call(c.createTable, { params: { baseId: base.id }, body: { name: 'T' } });
    for (let start = 0; start <= c.MAX_RECORD_GROUPS; start += 1000) {
      const n = Math.min(1000, c.MAX_RECORD_GROUPS + 1 - start);
      const records = Array.from({ length: n }, (_, i) => ({ fields: { [many.primaryFieldId]: `n${start + i}` } }));
      await t.admin.call(c.createRecords, { params: { tableId: many.id }, body: { records } });
    }
    const res = await t.admin.call(c.queryRecordGroups, { params: { tableId: many.id }, body: { groupBy: [{ fieldId: many.primaryFieldId, desc: false }] } });
    expect(res).toEqual({ groups: [], total: c.MAX_RECORD_GROUPS + 1, truncated: true });
  });

  it('refuses an unknown or repeated grouping field', async () => {
    expect((await apiError(groupsOf({ groupBy: [{ fieldId: 'fld_nope', desc: false }] }))).code).toBe('base.group.invalid');
    expect((await apiError(groupsOf({ groupBy: [by('City'), by('City', true)] }))).code).toBe('base.group.repeated');
    expect((await apiError(namesOf({ groupBy: [{ fieldId: 'fld_nope', desc: false }] }))).code).toBe('base.group.invalid');
  });
});

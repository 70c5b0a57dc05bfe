import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { apiError, startTestApp, type TestApp } from '../../test/harness.ts';

// 王总 heads 销售部; 李经理 reports to 王总; 张三 reports to 李经理; 赵六 is in another department.
let t: TestApp;
let table: c.TableDto;
const people: Record<string, c.PersonDto> = {};
const clients: Record<string, ReturnType<TestApp['anon']>> = {};
const fid = (name: string) => table.fields.find((f) => f.name === name)!.id;

beforeAll(async () => {
  t = await startTestApp();
  const sales = await t.admin.call(c.createDepartment, { body: { name: '销售部' } });
  const other = await t.admin.call(c.createDepartment, { body: { name: '市场部' } });
  const add = async (key: string, name: string, dept: string, managerId: string | null) => {
    people[key] = await t.admin.call(c.createPerson, {
      body: { name, email: `${key}@example.com`, password: 'pass-word-123', departmentIds: [dept], managerId },
    });
    clients[key] = t.anon();
    await clients[key].call(c.login, { body: { email: `${key}@example.com`, password: 'pass-word-123' } });
  };
  await add('wang', '王总', sales.id, null);
  await t.admin.call(c.updateDepartment, { params: { id: sales.id }, body: { headId: people.wang!.id } });
  await add('li', '李经理', sales.id, people.wang!.id);
  await add('zhang', '张三', sales.id, people.li!.id);
  await add('zhao', '赵六', other.id, null);
  const base = await t.admin.call(c.createBase, { body: { name: 'CRM' } });
  table = await t.admin.call(c.createTable, {
    params: { baseId: base.id },
    body: {
      name: '客户',
      fields: [
        { name: '客户名称', type: 'text', options: {} },
        { name: '负责人', type: 'person', options: { multiple: false } },
        { name: '底价', type: 'currency', options: {} },
      ],
    },
  });
  await t.admin.call(c.setBaseMembers, {
    params: { baseId: base.id },
    body: { members: ['wang', 'li', 'zhang', 'zhao'].map((k) => ({ userId: people[k]!.id, role: 'editor' as const })) },
  });
  await t.admin.call(c.createRecords, {
    params: { tableId: table.id },
    body: {
      records: ['wang', 'li', 'zhang', 'zhao'].map((k) => ({
        fields: { [fid('客户名称')]: `${k}的客户`, [fid('负责人')]: [people[k]!.id], [fid('底价')]: 100 },
      })),
    },
  });
  await t.admin.call(c.setTableRules, {
    params: { tableId: table.id },
    body: {
      rules: [
        {
          role: 'editor',
          access: 'edit',
          rows: { personFieldId: fid('负责人'), include: ['self', 'reports', 'departmentsHeaded'] },
          fields: { [fid('底价')]: 'none' },
        },
      ],
    },
  });
});
afterAll(() => t.close());

const names = async (key: string) =>
  (await clients[key]!.call(c.queryRecords, { params: { tableId: table.id }, body: {} })).items.map((r) => r.fields[fid('客户名称')]).sort();

describe('row and field rules', () => {
  it('members see their own records, their reports’, and their department’s when they head it', async () => {
    expect(await names('zhang')).toEqual(['zhang的客户']);
    expect(await names('li')).toEqual(['li的客户', 'zhang的客户']);
    expect(await names('wang')).toEqual(['li的客户', 'wang的客户', 'zhang的客户']);
    expect(await names('zhao')).toEqual(['zhao的客户']);
    expect((await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: {} })).total).toBe(4);
  });

  it('hides a restricted field everywhere and refuses writes to it', async () => {
    const page = await clients.zhang!.call(c.queryRecords, { params: { tableId: table.id }, body: {} });
    expect(Object.keys(page.items[0]!.fields)).not.toContain(fid('底价'));
    const meta = await clients.zhang!.call(c.getTable, { params: { tableId: table.id } });
    expect(meta.fields.map((f) => f.name)).toEqual(['客户名称', '负责人']);
    const err = await apiError(
      clients.zhang!.call(c.updateRecords, { params: { tableId: table.id }, body: { records: [{ id: page.items[0]!.id, fields: { [fid('底价')]: 1 } }] } }),
    );
    expect(err.status).toBe(403);
  });

  it('treats records outside the rule as missing for reads and writes', async () => {
    const all = await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: {} });
    const wangs = all.items.find((r) => r.fields[fid('客户名称')] === 'wang的客户')!;
    expect((await apiError(clients.zhang!.call(c.getRecord, { params: { tableId: table.id, recordId: wangs.id } }))).status).toBe(404);
    expect(
      (
        await apiError(
          clients.zhang!.call(c.updateRecords, { params: { tableId: table.id }, body: { records: [{ id: wangs.id, fields: { [fid('客户名称')]: 'x' } }] } }),
        )
      ).status,
    ).toBe(404);
    expect((await apiError(clients.zhang!.call(c.deleteRecords, { params: { tableId: table.id }, body: { ids: [wangs.id] } }))).status).toBe(404);
  });
});

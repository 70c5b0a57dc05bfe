import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { f } from '@concord/table-engine';
import { apiError, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let table: c.TableDto;
const id = (name: string) => table.fields.find((x) => x.name === name)!.id;

beforeAll(async () => {
  t = await startTestApp();
  const base = await t.admin.call(c.createBase, { body: { name: 'F' } });
  table = await t.admin.call(c.createTable, {
    params: { baseId: base.id },
    body: {
      name: '商机',
      fields: [
        { name: '名称', type: 'text', options: {} },
        { name: '金额', type: 'currency', options: {} },
        { name: '数量', type: 'number', options: {} },
        { name: '阶段', type: 'singleSelect', options: { choices: [{ name: '线索' }, { name: '赢单' }] } },
        { name: '签约日', type: 'date', options: {} },
      ],
    },
  });
  await t.admin.call(c.createRecords, {
    params: { tableId: table.id },
    body: {
      records: [
        { fields: { [id('名称')]: '甲', [id('金额')]: 1200, [id('数量')]: 3, [id('阶段')]: '赢单', [id('签约日')]: '2026-03-15' } },
        { fields: { [id('名称')]: '乙', [id('金额')]: 800, [id('数量')]: 0, [id('阶段')]: '线索' } },
      ],
    },
  });
});
afterAll(() => t.close());

describe('formula fields', () => {
  it('computes arithmetic, text, selects and dates in SQL', async () => {
    const unit = await t.admin.call(c.createField, {
      params: { tableId: table.id },
      body: { name: '单价', type: 'formula', options: { expression: '{金额} / {数量}' } },
    });
    const label = await t.admin.call(c.createField, {
      params: { tableId: table.id },
      body: { name: '标签', type: 'formula', options: { expression: 'IF({阶段} = "赢单", CONCATENATE({名称}, "·已签"), {名称} & "·跟进中")' } },
    });
    const year = await t.admin.call(c.createField, {
      params: { tableId: table.id },
      body: { name: '签约年', type: 'formula', options: { expression: 'YEAR({签约日})' } },
    });
    const chained = await t.admin.call(c.createField, {
      params: { tableId: table.id },
      body: { name: '单价翻倍', type: 'formula', options: { expression: '{单价} * 2' } },
    });
    const page = await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: {} });
    const [a, b] = page.items;
    expect(a!.fields[unit.id]).toBe(400);
    expect(b!.fields[unit.id] ?? null).toBeNull(); // 800 / 0: an error reads as empty
    expect(a!.fields[label.id]).toBe('甲·已签');
    expect(b!.fields[label.id]).toBe('乙·跟进中');
    expect(a!.fields[year.id]).toBe(2026);
    expect(a!.fields[chained.id]).toBe(800);
    const filtered = await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: { filter: f.cond(label.id, 'contains', ['已签']) } });
    expect(filtered.items.map((r) => r.fields[id('名称')])).toEqual(['甲']);
  });

  it('refuses a formula with a syntax error or an unknown field, saying where', async () => {
    const syntax = await apiError(
      t.admin.call(c.createField, { params: { tableId: table.id }, body: { name: 'bad', type: 'formula', options: { expression: '{金额} * (2' } } }),
    );
    expect(syntax.status).toBe(400);
    expect(syntax.code).toBe('base.field.formula_invalid');
    const unknown = await apiError(
      t.admin.call(c.createField, { params: { tableId: table.id }, body: { name: 'bad2', type: 'formula', options: { expression: '{客户名} & "x"' } } }),
    );
    expect(unknown.message).toContain('客户名');
  });
});

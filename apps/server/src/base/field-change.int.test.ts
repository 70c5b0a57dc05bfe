import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { f } from '@concord/table-engine';
import { apiError, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let table: c.TableDto;
const field = (name: string) => table.fields.find((x) => x.name === name)!;

beforeAll(async () => {
  t = await startTestApp();
  const base = await t.admin.call(c.createBase, { body: { name: 'B' } });
  table = await t.admin.call(c.createTable, {
    params: { baseId: base.id },
    body: {
      name: 'T',
      fields: [
        { name: '名称', type: 'text', options: {} },
        { name: '金额', type: 'text', options: {} },
        { name: '城市', type: 'text', options: {} },
      ],
    },
  });
  await t.admin.call(c.createRecords, {
    params: { tableId: table.id },
    body: {
      records: [
        { fields: { [field('名称').id]: 'a', [field('金额').id]: '1,200', [field('城市').id]: '北京' } },
        { fields: { [field('名称').id]: 'b', [field('金额').id]: '面议', [field('城市').id]: '上海' } },
        { fields: { [field('名称').id]: 'c', [field('金额').id]: '３００', [field('城市').id]: '北京' } },
      ],
    },
  });
});
afterAll(() => t.close());

describe('changing a field', () => {
  it('previews a lossy conversion and refuses it until confirmed', async () => {
    const input = { name: '金额', type: 'number' as const, options: {} };
    const preview = await t.admin.call(c.previewFieldChange, { params: { fieldId: field('金额').id }, body: input });
    expect(preview).toMatchObject({ total: 3, converted: 2, failureCount: 1, failures: [{ value: '面议' }] });
    const err = await apiError(t.admin.call(c.updateField, { params: { fieldId: field('金额').id }, body: input }));
    expect(err.code).toBe('base.field.lossy_conversion');
    const still = await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: {} });
    expect(still.items.map((r) => r.fields[field('金额').id])).toEqual(['1,200', '面议', '３００']);
    const done = await t.admin.call(c.updateField, { params: { fieldId: field('金额').id }, body: { ...input, confirmLoss: true } });
    expect(done.type).toBe('number');
    const after = await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: { sort: [{ fieldId: done.id, desc: true }] } });
    expect(after.items.map((r) => r.fields[done.id] ?? null)).toEqual([1200, 300, null]);
  });

  it('turns text into a single select, creating options from the values', async () => {
    const preview = await t.admin.call(c.previewFieldChange, {
      params: { fieldId: field('城市').id },
      body: { name: '城市', type: 'singleSelect', options: { choices: [] } },
    });
    expect(preview.newOptions.sort()).toEqual(['上海', '北京']);
    expect(preview.failureCount).toBe(0);
    const done = await t.admin.call(c.updateField, {
      params: { fieldId: field('城市').id },
      body: { name: '所在城市', type: 'singleSelect', options: { choices: [] } },
    });
    expect(done.name).toBe('所在城市');
    const bj = await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: { filter: f.cond(done.id, 'is', ['北京']) } });
    expect(bj.total).toBe(2);
  });

  it('keeps views consistent with the fields they use', async () => {
    const view = await t.admin.call(c.createView, {
      params: { tableId: table.id },
      body: { name: '北京客户', type: 'grid', config: { filter: f.cond(field('城市').id, 'is', ['北京']) } },
    });
    const page = await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: { viewId: view.id } });
    expect(page.total).toBe(2);
    const renamed = await t.admin.call(c.updateView, { params: { viewId: view.id }, body: { config: { sort: [{ fieldId: field('名称').id, desc: true }] } } });
    expect(renamed.config.filter).not.toBeNull();
    const bad = await apiError(
      t.admin.call(c.updateView, { params: { viewId: view.id }, body: { config: { sort: [{ fieldId: 'fldNOPE1234', desc: false }] } } }),
    );
    expect(bad.code).toBe('base.view.invalid');
  });
});

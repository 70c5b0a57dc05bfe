import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as c from '@concord/contracts';
import { f } from '@concord/table-engine';
import { startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const indexesOf = async (tableId: string) =>
  (await sql<{ indexdef: string }>`select indexdef from pg_indexes where tablename = ${`bt_${tableId}`} order by indexname`.execute(t.deps.db)).rows.map(
    (r) => r.indexdef.replace(/^.* USING btree /, '').replaceAll('"', ''),
  );

describe('indexes for views', () => {
  it("builds the indexes a view's sort and equality filters need, and pages stay in the same order", async () => {
    const base = await t.admin.call(c.createBase, { body: { name: '索引' } });
    const table = await t.admin.call(c.createTable, {
      params: { baseId: base.id },
      body: {
        name: '客户',
        fields: [
          { name: '客户名称', type: 'text', options: {} },
          { name: '阶段', type: 'singleSelect', options: { choices: [{ name: '线索' }, { name: '赢单' }] } },
          { name: '金额', type: 'currency', options: {} },
        ],
      },
    });
    const [name, stage, amount] = table.fields.map((x) => x.id) as [string, string, string];
    const records = Array.from({ length: 300 }, (_, i) => ({ fields: { [name]: `公司${i}`, [stage]: i % 3 ? '线索' : '赢单', [amount]: i % 7 === 0 ? null : (i * 37) % 1000 } }));
    await t.admin.call(c.createRecords, { params: { tableId: table.id }, body: { records } });
    const before = await indexesOf(table.id);

    const view = await t.admin.call(c.createView, {
      params: { tableId: table.id },
      body: { name: '大单', type: 'grid', config: { filter: f.and(f.cond(stage, 'is', ['线索'])), sort: [{ fieldId: amount, desc: true }] } },
    });
    const added = (await indexesOf(table.id)).filter((d) => !before.includes(d));
    expect(added).toEqual(expect.arrayContaining([`(${amount} DESC NULLS LAST, seq)`, `(${stage})`]));
    expect(added).toHaveLength(2);

    const page = await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: { viewId: view.id, limit: 300 } });
    const amounts = page.items.map((r) => (r.fields[amount] as number | undefined) ?? null);
    expect(page.total).toBe(200);
    expect(amounts.filter((a) => a !== null)).toEqual(
      amounts.filter((a) => a !== null).toSorted((a, b) => (b as number) - (a as number)),
    );
    expect(amounts.slice(-amounts.filter((a) => a === null).length).every((a) => a === null)).toBe(true);

    // Changing the sort adds the index for the new order; deleting the field takes its indexes with it.
    await t.admin.call(c.updateView, { params: { viewId: view.id }, body: { config: { sort: [{ fieldId: name, desc: false }] } } });
    expect(await indexesOf(table.id)).toContain(`(${name}, seq)`);
    await t.admin.call(c.deleteField, { params: { fieldId: amount } });
    expect((await indexesOf(table.id)).some((d) => d.includes(amount))).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as c from '@concord/contracts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { crossesPowerOfTwo } from './record.repo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('planner statistics of growing tables', () => {
  it('analyzes from 1,024 records on at each doubling', () => {
    expect([crossesPowerOfTwo(1000, 1023), crossesPowerOfTwo(1000, 1024), crossesPowerOfTwo(1500, 2000), crossesPowerOfTwo(2000, 2048)]).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });

  it('gives the planner row estimates once a table has grown, so its plans stop assuming an empty table', async () => {
    const base = await t.admin.call(c.createBase, { body: { name: '统计' } });
    const table = await t.admin.call(c.createTable, {
      params: { baseId: base.id },
      body: { name: '客户', fields: [{ name: '名称', type: 'text', options: {} }] },
    });
    const estimate = async () =>
      Number((await sql<{ n: number }>`select reltuples::float8 as n from pg_class where relname = ${`bt_${table.id}`}`.execute(t.deps.db)).rows[0]?.n);
    const add = (n: number, from: number) =>
      t.admin.call(c.createRecords, {
        params: { tableId: table.id },
        body: { records: Array.from({ length: n }, (_, i) => ({ fields: { [table.fields[0]!.id]: `公司${from + i}` } })) },
      });
    await add(1000, 0);
    expect(await estimate()).not.toBe(1100);
    await add(100, 1000);
    expect(await estimate()).toBe(1100);
  });
});

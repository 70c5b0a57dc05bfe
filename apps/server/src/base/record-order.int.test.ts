import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as c from '@concord/contracts';
import { apiError, signedInPerson, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let tableId: string;
let nameId: string;
let viewer: ReturnType<TestApp['anon']>;
const ids = new Map<string, string>();

const create = async (names: string[], anchor?: c.RecordAnchor) => {
  const res = await t.admin.call(c.createRecords, {
    params: { tableId },
    body: { records: names.map((n) => ({ fields: { [nameId]: n } })), anchor },
  });
  res.items.forEach((r, i) => ids.set(names[i]!, r.id));
  return res.items;
};
const at = (name: string, side: 'before' | 'after'): c.RecordAnchor => ({ recordId: ids.get(name)!, side });
const order = async (body: { sort?: { fieldId: string; desc: boolean }[]; groupBy?: { fieldId: string; desc: boolean }[] } = {}) =>
  (await t.admin.call(c.queryRecords, { params: { tableId }, body: { ...body, limit: 1000 } })).items.map((r) => r.fields[nameId]);
const move = (names: string[], anchor: c.RecordAnchor, client = t.admin) =>
  client.call(c.moveRecords, { params: { tableId }, body: { ids: names.map((n) => ids.get(n)!), anchor } });

beforeAll(async () => {
  t = await startTestApp();
  const wang = await signedInPerson(t.admin, t.app, { name: '王五', email: 'wang@example.com', departmentIds: [] });
  viewer = wang.client;
  const base = await t.admin.call(c.createBase, { body: { name: '排序' } });
  await t.admin.call(c.setBaseMembers, { params: { baseId: base.id }, body: { members: [{ userId: wang.person.id, role: 'viewer' }] } });
  const table = await t.admin.call(c.createTable, {
    params: { baseId: base.id },
    body: { name: '任务', fields: [{ name: 'Name', type: 'text', options: {} }] },
  });
  tableId = table.id;
  nameId = table.fields[0]!.id;
  await create(['a', 'b', 'c', 'd']);
});
afterAll(() => t.close());

describe('manual record order', () => {
  it('inserts records above and below another record, and new records still go to the end', async () => {
    await create(['b1', 'b2'], at('b', 'before'));
    await create(['c1'], at('c', 'after'));
    await create(['a0'], at('a', 'before'));
    await create(['d1'], at('d', 'after'));
    await create(['e']);
    expect(await order()).toEqual(['a0', 'a', 'b1', 'b2', 'b', 'c', 'c1', 'd', 'd1', 'e']);
  });

  it('moves records before or after another record, in the order given', async () => {
    await move(['e', 'a0'], at('b', 'after'));
    expect(await order()).toEqual(['a', 'b1', 'b2', 'b', 'e', 'a0', 'c', 'c1', 'd', 'd1']);
    await move(['d1'], at('a', 'before'));
    await move(['a'], at('d', 'after'));
    expect(await order()).toEqual(['d1', 'b1', 'b2', 'b', 'e', 'a0', 'c', 'c1', 'd', 'a']);
    await create(['f']);
    expect((await order()).at(-1)).toBe('f');
  });

  it('keeps the manual order within groups and uses it as is when a view sorts', async () => {
    expect(await order({ groupBy: [{ fieldId: nameId, desc: false }] })).toEqual(['a', 'a0', 'b', 'b1', 'b2', 'c', 'c1', 'd', 'd1', 'e', 'f']);
    expect((await order({ sort: [{ fieldId: nameId, desc: true }] }))[0]).toBe('f');
  });

  it('spreads out the neighbours when repeated inserts use up the gap, keeping the order', async () => {
    const before = await order();
    const added: string[] = [];
    // Each insert right after `b` halves the gap to the previous one: float8 runs out after about 40.
    for (let i = 0; i < 45; i++) {
      added.unshift(`x${i}`);
      await create([`x${i}`], at('b', 'after'));
    }
    const expected = [...before.slice(0, before.indexOf('b') + 1), ...added, ...before.slice(before.indexOf('b') + 1)];
    expect(await order()).toEqual(expected);
    // Respaced along the way: no two records share a position, so the order never falls back on creation order.
    const positions = await sql<{ n: number; distinct: number }>`select count(*)::int as n, count(distinct position)::int as distinct
      from ${sql.table(`bt_${tableId}`)}`.execute(t.deps.db);
    expect(positions.rows[0]!.distinct).toBe(positions.rows[0]!.n);
    await create(['g']);
    expect((await order()).at(-1)).toBe('g');
  });

  it('announces a move to open grids, without touching versions', async () => {
    const [rec] = await t.admin.call(c.getRecord, { params: { tableId, recordId: ids.get('c')! } }).then((r) => [r]);
    await move(['c'], at('d1', 'before'));
    const events = await t.deps.db.selectFrom('outbox').select('event').orderBy('seq', 'desc').limit(1).execute();
    expect(events[0]?.event).toMatchObject({ type: 'base.records.changed', tableId, change: 'moved', recordIds: [ids.get('c')] });
    const after = await t.admin.call(c.getRecord, { params: { tableId, recordId: ids.get('c')! } });
    expect(after.version).toBe(rec!.version);
    expect((await order())[0]).toBe('c');
  });

  it('refuses unknown anchors, moving next to itself, and viewers', async () => {
    const unknown = await apiError(create(['z'], { recordId: 'recNope00000000', side: 'before' }));
    expect([unknown.status, unknown.code]).toEqual([400, 'base.record.anchor_not_found']);
    expect(await order()).not.toContain('z');
    const self = await apiError(move(['a'], at('a', 'before')));
    expect([self.status, self.code]).toEqual([400, 'base.record.anchor_in_move']);
    const missing = await apiError(t.admin.call(c.moveRecords, { params: { tableId }, body: { ids: ['recNope00000000'], anchor: at('a', 'before') } }));
    expect(missing.status).toBe(404);
    const denied = await apiError(move(['a'], at('b', 'before'), viewer));
    expect([denied.status, denied.code]).toEqual([403, 'base.forbidden']);
    const deniedCreate = await apiError(viewer.call(c.createRecords, { params: { tableId }, body: { records: [{ fields: {} }], anchor: at('a', 'before') } }));
    expect(deniedCreate.status).toBe(403);
  });

  it('undoes a move, which record history does not list', async () => {
    const before = await order();
    const last = String(before.at(-1));
    await move([last], at(String(before[0]), 'before'));
    expect((await order())[0]).toBe(last);
    const undo = await t.admin.call(c.undoLastChange, { params: { tableId } });
    expect(undo.action).toBe('move');
    expect(await order()).toEqual(before);
    const history = await t.admin.call(c.recordHistory, { params: { tableId, recordId: ids.get(last)! } });
    expect(history.items.map((h) => h.action)).not.toContain('move');
  });

  it('brings deleted records back where they stood on undo', async () => {
    const before = await order();
    await t.admin.call(c.deleteRecords, { params: { tableId }, body: { ids: [ids.get('b1')!, ids.get('e')!] } });
    expect(await order()).not.toContain('b1');
    await t.admin.call(c.undoLastChange, { params: { tableId } });
    expect(await order()).toEqual(before);
  });

  it('renumbers the whole table when the records around the anchor share one position', async () => {
    await create(Array.from({ length: 140 }, (_, i) => `p${i}`));
    // Two writers racing for one gap can leave equal positions; then only creation order tells records apart, and
    // spreading out the neighbours cannot help: their bounds are equal too.
    await sql`update ${sql.table(`bt_${tableId}`)} set position = 7`.execute(t.deps.db);
    const tied = await order();
    await create(['h'], at('p70', 'after'));
    const at70 = tied.indexOf('p70');
    expect(await order()).toEqual([...tied.slice(0, at70 + 1), 'h', ...tied.slice(at70 + 1)]);
    const res = await sql<{ id: string; position: number }>`select id, position from ${sql.table(`bt_${tableId}`)} order by position`.execute(t.deps.db);
    const others = res.rows.filter((r) => r.id !== ids.get('h')).map((r) => Number(r.position));
    expect(others).toEqual(tied.map((_, i) => i + 1));
  });
});

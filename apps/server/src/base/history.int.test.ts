import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let table: c.TableDto;
let name: string;
let stage: string;

beforeAll(async () => {
  t = await startTestApp();
  const base = await t.admin.call(c.createBase, { body: { name: 'H' } });
  table = await t.admin.call(c.createTable, {
    params: { baseId: base.id },
    body: {
      name: 'T',
      fields: [
        { name: '名称', type: 'text', options: {} },
        { name: '阶段', type: 'singleSelect', options: { choices: [{ name: '线索' }, { name: '赢单' }] } },
      ],
    },
  });
  [name, stage] = table.fields.map((f) => f.id) as [string, string];
});
afterAll(() => t.close());

const count = async () => (await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: {} })).total;

describe('record history and undo', () => {
  it('keeps who changed what, with readable values', async () => {
    const [rec] = (await t.admin.call(c.createRecords, { params: { tableId: table.id }, body: { records: [{ fields: { [name]: '甲', [stage]: '线索' } }] } }))
      .items;
    await t.admin.call(c.updateRecords, { params: { tableId: table.id }, body: { records: [{ id: rec!.id, fields: { [stage]: '赢单' } }] } });
    const h = await t.admin.call(c.recordHistory, { params: { tableId: table.id, recordId: rec!.id } });
    expect(h.items.map((e) => e.action)).toEqual(['update', 'create']);
    expect(h.items[0]!.changes).toEqual([{ fieldId: stage, old: '线索', new: '赢单' }]);
    expect(h.items[0]!.actor?.name).toBe('管理员');
  });

  it('undoes an update, a multi-record delete and a create, in that order', async () => {
    const recs = (
      await t.admin.call(c.createRecords, { params: { tableId: table.id }, body: { records: [{ fields: { [name]: '乙' } }, { fields: { [name]: '丙' } }] } })
    ).items;
    await t.admin.call(c.updateRecords, { params: { tableId: table.id }, body: { records: [{ id: recs[0]!.id, fields: { [name]: '乙改' } }] } });
    await t.admin.call(c.deleteRecords, { params: { tableId: table.id }, body: { ids: recs.map((r) => r.id) } });
    expect(await count()).toBe(1);
    expect(await t.admin.call(c.undoLastChange, { params: { tableId: table.id } })).toEqual({ undone: 2, action: 'delete' });
    expect(await count()).toBe(3);
    const back = await t.admin.call(c.getRecord, { params: { tableId: table.id, recordId: recs[0]!.id } });
    expect(back.fields[name]).toBe('乙改');
    expect((await t.admin.call(c.undoLastChange, { params: { tableId: table.id } })).action).toBe('update');
    expect((await t.admin.call(c.getRecord, { params: { tableId: table.id, recordId: recs[0]!.id } })).fields[name]).toBe('乙');
    expect((await t.admin.call(c.undoLastChange, { params: { tableId: table.id } })).action).toBe('create');
    expect(await count()).toBe(1);
  });

  it('comments with mentions tell the mentioned person', async () => {
    const person = await t.admin.call(c.createPerson, { body: { name: '韩梅梅', email: 'hmm@example.com' } });
    const [rec] = (await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: {} })).items;
    const cm = await t.admin.call(c.addComment, { params: { tableId: table.id, recordId: rec!.id }, body: { body: '请跟进 @韩梅梅', mentions: [person.id] } });
    expect(cm.mentions).toEqual([{ id: person.id, name: '韩梅梅' }]);
    const list = await t.admin.call(c.listComments, { params: { tableId: table.id, recordId: rec!.id } });
    expect(list.items.map((x) => x.body)).toEqual(['请跟进 @韩梅梅']);
    const ev = await t.deps.db.selectFrom('outbox').select(['rooms', 'event']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(ev.rooms).toEqual([`user:${person.id}`]);
    expect(ev.event).toMatchObject({ type: 'base.comment.mentioned', recordId: rec!.id });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { customerTable, setCustomerRule } from '../../../test/customer-table.ts';

let t: TestApp;
let table: c.TableDto;
const fid = (name: string) => table.fields.find((f) => f.name === name)!.id;
const ids: Record<string, string> = {};

const importCsv = (lines: string[]) =>
  t.admin.call(
    c.importTable,
    { params: { tableId: table.id }, query: { filename: '客户.csv', dedup: 'true' } },
    { body: Buffer.from(lines.join('\n')), contentType: 'application/octet-stream' },
  );
const record = (id: string) => t.admin.call(c.getRecord, { params: { tableId: table.id, recordId: id } });
const check = (fields: Record<string, unknown>) => t.admin.call(c.checkDuplicates, { params: { tableId: table.id }, body: { fields } });

beforeAll(async () => {
  t = await startTestApp();
  table = await customerTable(t.admin, [{ name: '城市', type: 'text', options: {} }]);
  const { items } = await t.admin.call(c.createRecords, {
    params: { tableId: table.id },
    body: {
      records: [
        { fields: { [fid('客户名称')]: '广州小马智行科技有限公司', [fid('手机')]: '13800138000' } },
        { fields: { [fid('客户名称')]: '北京极速出行有限公司', [fid('手机')]: '13900001111' } },
        { fields: { [fid('客户名称')]: '成都蓝鲸数据服务有限公司', [fid('邮箱')]: 'hi@lanjing.example', [fid('城市')]: '成都' } },
      ],
    },
  });
  [ids.xiaoma, ids.jisu, ids.lanjing] = items.map((r) => r.id) as [string, string, string];
  await setCustomerRule(t.admin, table);
});
afterAll(() => t.close());

describe('import with duplicates', () => {
  it('fills only empty fields of the records rows merge into, keeps their keys current, and merges rows into rows', async () => {
    const report = await importCsv([
      '公司名,联系电话,Email,城市',
      '小马智行科技（广州）有限公司,138 0013 8000,bd@xiaoma.example,广州', // → existing, gains email and city
      '成都蓝鲸数据服务,13500004444,HI@lanjing.example,重庆', // → existing, gains phone; its city stays
      '北京极速出行,+86 139 0000 1111,,北京', // → existing, gains city
      '杭州青桐网络科技有限公司,13600003333,,', // new
      '杭州青桐网络科技,136 0000 3333,qt@qingtong.example,杭州', // → the row above: one record with both
    ]);
    expect(report.rows.map((r) => r.action)).toEqual(['merged', 'merged', 'merged', 'created', 'merged']);
    expect(report.rows.slice(0, 3).map((r) => r.record_id)).toEqual([ids.xiaoma, ids.lanjing, ids.jisu]);
    expect(report.rows[4]!.record_id).toBe(report.rows[3]!.record_id);
    expect(report.rows[4]!.matches).toEqual([expect.objectContaining({ record_id: report.rows[3]!.record_id })]);

    const xiaoma = await record(ids.xiaoma!);
    expect([xiaoma.fields[fid('邮箱')], xiaoma.fields[fid('城市')]]).toEqual(['bd@xiaoma.example', '广州']);
    const lanjing = await record(ids.lanjing!);
    expect([lanjing.fields[fid('手机')], lanjing.fields[fid('城市')]]).toEqual(['+8613500004444', '成都']);
    const jisu = await record(ids.jisu!);
    expect([jisu.fields[fid('手机')], jisu.fields[fid('城市')], jisu.version]).toEqual(['+8613900001111', '北京', 2]);
    const qingtong = await record(report.rows[3]!.record_id!);
    expect([qingtong.fields[fid('手机')], qingtong.fields[fid('邮箱')], qingtong.fields[fid('城市')]]).toEqual([
      '+8613600003333',
      'qt@qingtong.example',
      '杭州',
    ]);

    // The filled values are keyed in the same transaction: the on-entry check finds them at once.
    expect((await check({ [fid('邮箱')]: 'bd@xiaoma.example' })).matches.map((m) => m.recordId)).toEqual([ids.xiaoma]);
    expect((await check({ [fid('手机')]: '135 0000 4444' })).matches.map((m) => m.recordId)).toEqual([ids.lanjing]);
    expect((await check({ [fid('邮箱')]: 'qt@qingtong.example' })).matches.map((m) => m.recordId)).toEqual([report.rows[3]!.record_id]);
  });

  it('imports thousands of rows in one go, catching duplicates among them and flagging contact-only matches', async () => {
    const phone = (i: number) => `135${String(i).padStart(8, '0')}`;
    const lines = ['联系电话,Email'];
    for (let i = 0; i < 3000; i++) lines.push(`${phone(i)},`);
    lines.push(`${phone(7)},`, `,u${2999}@example.com`, `${phone(2999)},u2999@example.com`);
    const before = await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: { offset: 0, limit: 1, withTotal: true } });
    const pairsBefore = (await t.admin.call(c.listDuplicatePairs, { params: { tableId: table.id }, query: { limit: 50 } })).total;
    const report = await importCsv(lines);
    expect(report.rows).toHaveLength(3003);
    expect([report.created, report.flagged, report.merged, report.errors]).toEqual([3001, 2, 0, 0]);
    // A phone alone (0.7) is worth a person's look, not a merge; the earlier row is the match.
    expect(report.rows[3000]!.matches.map((m) => m.record_id)).toEqual([report.rows[7]!.record_id]);
    expect(report.rows[3002]!.matches.map((m) => m.record_id).sort()).toEqual([report.rows[2999]!.record_id, report.rows[3001]!.record_id].sort());
    const after = await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: { offset: 0, limit: 1, withTotal: true } });
    expect(after.total - before.total).toBe(3003);
    const pairs = await t.admin.call(c.listDuplicatePairs, { params: { tableId: table.id }, query: { limit: 50 } });
    expect(pairs.total - pairsBefore).toBe(3);
  });

  it('fires "field changed" automations for the fields a merge fills, as a single update would', async () => {
    const { items } = await t.admin.call(c.createRecords, {
      params: { tableId: table.id },
      body: { records: [{ fields: { [fid('客户名称')]: '深圳鲸鱼物流有限公司', [fid('手机')]: '13700007777' } }] },
    });
    const whale = items[0]!.id;
    const auto = await t.admin.call(c.createAutomation, {
      params: { tableId: table.id },
      body: {
        name: '城市有变',
        trigger: { kind: 'field_changed', fieldId: fid('城市'), to: null },
        actions: [{ kind: 'update_fields', values: { [fid('邮箱')]: 'city@whale.example' } }],
      },
    });
    const report = await importCsv([
      '公司名,联系电话,城市',
      '鲸鱼物流（深圳）有限公司,137 0000 7777,深圳', // → the record above, gains its city
      '小马智行科技（广州）有限公司,138 0013 8000,深圳', // → xiaoma, whose city stays 广州: nothing changes
    ]);
    expect(report.rows.map((r) => [r.action, r.record_id])).toEqual([
      ['merged', whale],
      ['merged', ids.xiaoma],
    ]);
    const runs = (await t.admin.call(c.listAutomationRuns, { params: { automationId: auto.id }, query: {} })).items;
    expect(runs.map((r) => [r.recordId, r.trigger])).toEqual([[whale, '城市 → 深圳']]);
    await t.admin.call(c.deleteAutomation, { params: { automationId: auto.id } });
  });
});

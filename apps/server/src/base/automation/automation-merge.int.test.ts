import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { crmFixture, runAll, type CrmFixture } from './automation-test-setup.ts';

let x: CrmFixture;
beforeAll(async () => {
  x = await crmFixture();
});
afterAll(() => x.t.close());

const newRecords = async (...fields: Record<string, unknown>[]) =>
  (await x.t.admin.call(c.createRecords, { params: { tableId: x.table.id }, body: { records: fields.map((f) => ({ fields: f })) } })).items;
const record = async (id: string) => (await x.t.admin.call(c.getRecord, { params: { tableId: x.table.id, recordId: id } })).fields;
const runs = async (automationId: string) => (await x.t.admin.call(c.listAutomationRuns, { params: { automationId }, query: {} })).items;
const merge = (survivorId: string, otherIds: string[], values: Record<string, unknown>) =>
  x.t.admin.call(c.mergeRecords, { params: { tableId: x.table.id }, body: { survivorId, otherIds, values } });

describe('merging records fires "field changed" automations for the survivor', () => {
  it('fires on the fields the merge changed, and not on those it left alone', async () => {
    const quoted = await x.t.admin.call(c.createAutomation, {
      params: { tableId: x.table.id },
      body: {
        name: '进入方案报价',
        trigger: { kind: 'field_changed', fieldId: x.fid('阶段'), to: ['方案报价'] },
        actions: [{ kind: 'update_fields', values: { [x.fid('备注')]: '已进入方案报价' } }],
      },
    });
    const followed = await x.t.admin.call(c.createAutomation, {
      params: { tableId: x.table.id },
      body: {
        name: '跟进变化',
        trigger: { kind: 'field_changed', fieldId: x.fid('跟进') },
        actions: [{ kind: 'update_fields', values: { [x.fid('金额')]: 1 } }],
      },
    });
    const [note] = (
      await x.t.admin.call(c.createRecords, {
        params: { tableId: x.followUps.id },
        body: { records: [{ fields: { [x.followUps.fields[0]!.id]: '电话沟通' } }] },
      })
    ).items;
    const [survivor, other] = await newRecords(
      { [x.fid('名称')]: '小马智行', [x.fid('阶段')]: '线索' },
      { [x.fid('名称')]: '小马智行科技', [x.fid('阶段')]: '方案报价', [x.fid('跟进')]: [note!.id] },
    );
    // Creating them already fired both for the second record; only the merge matters from here.
    await runAll(x.t);
    const before = { quoted: (await runs(quoted.id)).length, followed: (await runs(followed.id)).length };

    x.clock.advance(1000);
    await merge(survivor!.id, [other!.id], { [x.fid('阶段')]: '方案报价' });
    expect(await runAll(x.t)).toBe(2);
    const quotedRuns = await runs(quoted.id);
    expect(quotedRuns).toHaveLength(before.quoted + 1);
    expect(quotedRuns[0]).toMatchObject({ recordId: survivor!.id, status: 'succeeded', trigger: '阶段 → 方案报价' });
    // The survivor gained the other record's follow-up through the merge's union of links.
    const followedRuns = await runs(followed.id);
    expect(followedRuns).toHaveLength(before.followed + 1);
    expect(followedRuns[0]).toMatchObject({ recordId: survivor!.id, status: 'succeeded' });
    expect(await record(survivor!.id)).toMatchObject({ [x.fid('备注')]: '已进入方案报价', [x.fid('金额')]: 1 });

    // A merge that keeps the survivor's 阶段 and links fires neither.
    const [third] = await newRecords({ [x.fid('名称')]: '小马' });
    await runAll(x.t);
    const settled = { quoted: (await runs(quoted.id)).length, followed: (await runs(followed.id)).length };
    await merge(survivor!.id, [third!.id], { [x.fid('名称')]: '小马智行（合并）' });
    expect(await runAll(x.t)).toBe(0);
    expect({ quoted: (await runs(quoted.id)).length, followed: (await runs(followed.id)).length }).toEqual(settled);
  });
});

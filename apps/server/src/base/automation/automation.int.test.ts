import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { apiError } from '../../../test/harness.ts';
import { crmFixture, drain, runAll, type CrmFixture } from './automation-test-setup.ts';
import { startAutomationWorker } from './automation-runs.ts';

let x: CrmFixture;
beforeAll(async () => {
  x = await crmFixture();
});
afterAll(() => x.t.close());

const create = (input: c.CreateAutomationInput, client = x.t.admin) => client.call(c.createAutomation, { params: { tableId: x.table.id }, body: input });
const newRecords = async (...fields: Record<string, unknown>[]) =>
  (await x.t.admin.call(c.createRecords, { params: { tableId: x.table.id }, body: { records: fields.map((f) => ({ fields: f })) } })).items;
const update = (id: string, fields: Record<string, unknown>) =>
  x.t.admin.call(c.updateRecords, { params: { tableId: x.table.id }, body: { records: [{ id, fields }] } });
const record = async (id: string) => (await x.t.admin.call(c.getRecord, { params: { tableId: x.table.id, recordId: id } })).fields;
const runs = async (automationId: string) => (await x.t.admin.call(c.listAutomationRuns, { params: { automationId }, query: {} })).items;

describe('automations: stage owners (field changed → assign → notify)', () => {
  it('assigns round robin from the pool and tells the owner in the inbox; the run log shows each step', async () => {
    const auto = await create({
      name: '方案报价负责人',
      trigger: { kind: 'field_changed', fieldId: x.fid('阶段'), to: ['方案报价'] },
      actions: [
        { kind: 'assign', fieldId: x.fid('阶段负责人'), pool: { userIds: [x.people.a.person.id, x.people.b.person.id] }, strategy: 'round_robin' },
        { kind: 'notify', to: { fieldIds: [x.fid('阶段负责人')] }, title: '客户进入方案报价：{{名称}}', body: '请跟进 {{名称}}' },
      ],
    });
    // Names are stored as option ids, so renaming the option keeps the automation working.
    expect(auto.trigger).toMatchObject({ kind: 'field_changed', to: [x.option('方案报价')] });
    const [r1, r2] = await newRecords({ [x.fid('名称')]: '滴滴', [x.fid('阶段')]: '线索' }, { [x.fid('名称')]: '美团', [x.fid('阶段')]: '线索' });
    expect(await runAll(x.t)).toBe(0);
    await update(r1!.id, { [x.fid('阶段')]: '方案报价' });
    x.clock.advance(1000);
    await update(r2!.id, { [x.fid('阶段')]: '方案报价' });
    await update(r1!.id, { [x.fid('备注')]: '不是阶段变化' });
    expect(await runAll(x.t)).toBe(2);
    expect(await record(r1!.id)).toMatchObject({ [x.fid('阶段负责人')]: [{ id: x.people.a.person.id, name: '安娜' }] });
    expect(await record(r2!.id)).toMatchObject({ [x.fid('阶段负责人')]: [{ id: x.people.b.person.id }] });

    await drain(x.t);
    const inbox = await x.people.a.client.call(c.listNotifications, { query: {} });
    expect(inbox.items[0]).toMatchObject({ kind: 'base.record.assigned', title: { zh: '客户进入方案报价：滴滴' }, body: '请跟进 滴滴' });
    expect(inbox.items[0]!.link).toBe(`/base/${x.baseId}/${x.table.id}/${r1!.id}`);
    expect((await x.people.a.client.call(c.getUnreadCount, {})).unreadCount).toBe(1);

    const log = await runs(auto.id);
    expect(log).toHaveLength(2);
    expect(log.find((r) => r.recordId === r1!.id)).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      trigger: '阶段 → 方案报价',
      steps: [
        { kind: 'assign', status: 'succeeded', detail: '阶段负责人 → 安娜' },
        { kind: 'notify', status: 'succeeded' },
      ],
    });
    await x.t.admin.call(c.updateAutomation, { params: { automationId: auto.id }, body: { enabled: false } });
  });

  it('least loaded picks the department member holding the fewest records', async () => {
    const auto = await create({
      name: '赢单负责人',
      trigger: { kind: 'field_changed', fieldId: x.fid('阶段'), to: ['赢单'] },
      actions: [{ kind: 'assign', fieldId: x.fid('阶段负责人'), pool: { departmentId: x.salesDeptId }, strategy: 'least_loaded' }],
    });
    // 安娜 already holds one more record than 贝拉 from the test above plus this one.
    await newRecords({ [x.fid('名称')]: '字节', [x.fid('阶段负责人')]: [x.people.a.person.id] });
    const [r] = await newRecords({ [x.fid('名称')]: '快手' });
    await update(r!.id, { [x.fid('阶段')]: '赢单' });
    expect(await runAll(x.t)).toBe(1);
    expect(await record(r!.id)).toMatchObject({ [x.fid('阶段负责人')]: [{ id: x.people.b.person.id }] });
    await x.t.admin.call(c.deleteAutomation, { params: { automationId: auto.id } });
  });
});

describe('automations: the background worker', () => {
  it('runs the automation of an edit within about a second, woken by NOTIFY on commit', async () => {
    const auto = await create({
      name: '实时指派',
      trigger: { kind: 'field_changed', fieldId: x.fid('阶段'), to: ['线索'] },
      actions: [{ kind: 'assign', fieldId: x.fid('阶段负责人'), pool: { userIds: [x.people.b.person.id] }, strategy: 'round_robin' }],
    });
    const stop = startAutomationWorker(x.t.deps);
    try {
      const [r] = await newRecords({ [x.fid('名称')]: '实时' });
      const started = performance.now();
      await update(r!.id, { [x.fid('阶段')]: '线索' });
      let owner: unknown;
      while (!owner && performance.now() - started < 5000) {
        await new Promise((res) => setTimeout(res, 50));
        owner = (await record(r!.id))[x.fid('阶段负责人')];
      }
      expect(owner).toMatchObject([{ id: x.people.b.person.id }]);
      expect(performance.now() - started).toBeLessThan(2000);
    } finally {
      stop();
      await x.t.admin.call(c.deleteAutomation, { params: { automationId: auto.id } });
    }
  });
});

describe('automations: other triggers', () => {
  it('record created (with a filter) updates fields; disabled automations do not fire', async () => {
    const auto = await create({
      name: '大单标记',
      trigger: { kind: 'record_created', filter: { kind: 'condition', fieldId: x.fid('金额'), operator: 'isGreater', values: ['1000'] } },
      actions: [{ kind: 'update_fields', values: { [x.fid('备注')]: '大单' } }],
    });
    const [small, big] = await newRecords({ [x.fid('名称')]: '小单', [x.fid('金额')]: 10 }, { [x.fid('名称')]: '大单', [x.fid('金额')]: 5000 });
    expect(await runAll(x.t)).toBe(1);
    expect((await record(big!.id))[x.fid('备注')]).toBe('大单');
    expect((await record(small!.id))[x.fid('备注')]).toBeUndefined();
    await x.t.admin.call(c.updateAutomation, { params: { automationId: auto.id }, body: { enabled: false } });
    await newRecords({ [x.fid('名称')]: '又一个大单', [x.fid('金额')]: 9000 });
    expect(await runAll(x.t)).toBe(0);
  });

  it('record matches fires when a write to a field of the condition makes it match', async () => {
    const auto = await create({
      name: '金额过万',
      trigger: { kind: 'record_matches', filter: { kind: 'condition', fieldId: x.fid('金额'), operator: 'isGreaterEqual', values: ['10000'] } },
      actions: [{ kind: 'update_fields', values: { [x.fid('阶段')]: '赢单' } }],
    });
    const [r] = await newRecords({ [x.fid('名称')]: '京东', [x.fid('金额')]: 100 });
    await update(r!.id, { [x.fid('备注')]: '无关字段' });
    expect(await runAll(x.t)).toBe(0);
    await update(r!.id, { [x.fid('金额')]: 20000 });
    expect(await runAll(x.t)).toBe(1);
    expect((await record(r!.id))[x.fid('阶段')]).toBe('赢单');
    expect((await runs(auto.id))[0]).toMatchObject({ status: 'succeeded', trigger: 'Record matches the conditions' });
    await x.t.admin.call(c.deleteAutomation, { params: { automationId: auto.id } });
  });

  it('stops automations that keep triggering each other, and says so in the run log', async () => {
    const note = x.fid('备注');
    const ping = await create({
      name: 'ping',
      trigger: { kind: 'field_changed', fieldId: note, to: ['ping'] },
      actions: [{ kind: 'update_fields', values: { [note]: 'pong' } }],
    });
    const pong = await create({
      name: 'pong',
      trigger: { kind: 'field_changed', fieldId: note, to: ['pong'] },
      actions: [{ kind: 'update_fields', values: { [note]: 'ping' } }],
    });
    const [r] = await newRecords({ [x.fid('名称')]: '循环' });
    await update(r!.id, { [note]: 'ping' });
    expect(await runAll(x.t)).toBe(3);
    expect((await runs(ping.id)).map((run) => run.status)).toEqual(['succeeded', 'succeeded']);
    const pongs = await runs(pong.id);
    expect(pongs.map((run) => run.status).sort()).toEqual(['skipped', 'succeeded']);
    expect(pongs.find((run) => run.status === 'skipped')!.error).toContain('Stopped');
    for (const a of [ping, pong]) await x.t.admin.call(c.deleteAutomation, { params: { automationId: a.id } });
  });
});

describe('automations: who may manage them, and bad input', () => {
  const simple = (): c.CreateAutomationInput => ({
    name: 'n',
    trigger: { kind: 'record_created' },
    actions: [{ kind: 'update_fields', values: { [x.fid('备注')]: 'x' } }],
  });

  it('lets base editors manage automations and refuses commenters', async () => {
    const mine = await create(simple(), x.people.editor.client);
    expect(mine.createdBy).toBe(x.people.editor.person.id);
    expect((await apiError(create(simple(), x.people.viewer.client))).code).toBe('base.forbidden');
    expect((await apiError(x.people.viewer.client.call(c.listAutomations, { params: { tableId: x.table.id } }))).code).toBe('base.forbidden');
    expect((await apiError(x.people.viewer.client.call(c.updateAutomation, { params: { automationId: mine.id }, body: { enabled: false } }))).code).toBe(
      'base.forbidden',
    );
    const list = await x.people.editor.client.call(c.listAutomations, { params: { tableId: x.table.id } });
    expect(list.items.map((a) => a.id)).toContain(mine.id);
    await x.people.editor.client.call(c.deleteAutomation, { params: { automationId: mine.id } });
  });

  it('rejects unknown fields, wrong field types and unknown options with stable codes', async () => {
    const unknown = await apiError(create({ ...simple(), trigger: { kind: 'field_changed', fieldId: 'fldNope1234' } }));
    expect(unknown.status).toBe(400);
    expect(unknown.code).toBe('base.automation.unknown_field');
    const wrongType = await apiError(
      create({ ...simple(), actions: [{ kind: 'assign', fieldId: x.fid('名称'), pool: { userIds: [x.people.a.person.id] }, strategy: 'round_robin' }] }),
    );
    expect(wrongType.code).toBe('base.automation.invalid');
    expect((await apiError(create({ ...simple(), trigger: { kind: 'field_changed', fieldId: x.fid('阶段'), to: ['不存在'] } }))).code).toBe(
      'base.automation.invalid',
    );
    expect((await apiError(create({ ...simple(), trigger: { kind: 'date_reached', fieldId: x.fid('名称') } }))).code).toBe('base.automation.invalid');
    expect((await apiError(create({ ...simple(), actions: [{ kind: 'update_fields', values: { [x.fid('金额')]: 'abc' } }] }))).code).toBe(
      'base.record.invalid_value',
    );
    expect((await apiError(create({ ...simple(), actions: [] }))).code).toBe('request.invalid');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { injectClient } from '../../../test/harness.ts';
import { crmFixture, runAll, type CrmFixture } from './automation-test-setup.ts';

let x: CrmFixture;
beforeAll(async () => {
  x = await crmFixture();
});
afterAll(() => x.t.close());

/** The same editor (安娜, who set no language) in a Chinese and in an English browser. */
async function readers() {
  const tab = async (lang: string) => {
    const client = injectClient(x.t.app, { headers: { 'accept-language': lang } });
    await client.call(c.login, { body: { email: 'a@example.com', password: 'pass-word-123' } });
    return client;
  };
  return { zh: await tab('zh-CN,zh;q=0.9'), en: await tab('en-US,en;q=0.9') };
}

describe('automation run log language', () => {
  it('shows what fired, each step and the failure in the reader’s language', async () => {
    const auto = await x.t.admin.call(c.createAutomation, {
      params: { tableId: x.table.id },
      body: {
        name: '新客户跟进',
        trigger: { kind: 'record_created' },
        actions: [
          { kind: 'notify', to: { fieldIds: [x.fid('阶段负责人')] }, title: '新客户 {{名称}}' },
          { kind: 'create_linked_record', fieldId: x.fid('跟进'), values: {} },
        ],
      },
    });
    // The link is deleted after the automation was saved, so its second step fails when it runs.
    await x.t.admin.call(c.deleteField, { params: { fieldId: x.fid('跟进') } });
    await x.t.admin.call(c.createRecords, { params: { tableId: x.table.id }, body: { records: [{ fields: { [x.fid('名称')]: '小米' } }] } });
    expect(await runAll(x.t)).toBe(1);

    const { zh, en } = await readers();
    const read = async (client: typeof zh) => (await client.call(c.listAutomationRuns, { params: { automationId: auto.id }, query: {} })).items[0]!;
    expect(await read(zh)).toMatchObject({
      trigger: '新增记录',
      steps: [
        { kind: 'notify', status: 'skipped', detail: '没有可通知的人' },
        { kind: 'create_linked_record', status: 'failed', detail: `关联字段 ${x.fid('跟进')} 已不存在` },
      ],
      error: `2. 新建关联记录：关联字段 ${x.fid('跟进')} 已不存在`,
    });
    expect(await read(en)).toMatchObject({
      trigger: 'Record created',
      steps: [
        { kind: 'notify', status: 'skipped', detail: 'nobody to notify' },
        { kind: 'create_linked_record', status: 'failed', detail: `Link field ${x.fid('跟进')} no longer exists` },
      ],
      error: `2. Create linked record: Link field ${x.fid('跟进')} no longer exists`,
    });
  });

  it('names the automation turned off before its run, in either language', async () => {
    const auto = await x.t.admin.call(c.createAutomation, {
      params: { tableId: x.table.id },
      body: { name: '改名备注', trigger: { kind: 'record_created' }, actions: [{ kind: 'update_fields', values: { [x.fid('备注')]: '新' } }] },
    });
    await x.t.admin.call(c.createRecords, { params: { tableId: x.table.id }, body: { records: [{ fields: { [x.fid('名称')]: '华为' } }] } });
    await x.t.admin.call(c.updateAutomation, { params: { automationId: auto.id }, body: { enabled: false } });
    await runAll(x.t);
    const { zh, en } = await readers();
    const read = async (client: typeof zh) => (await client.call(c.listAutomationRuns, { params: { automationId: auto.id }, query: {} })).items[0]!;
    expect(await read(zh)).toMatchObject({ status: 'skipped', error: '自动化已关闭' });
    expect(await read(en)).toMatchObject({ status: 'skipped', error: 'The automation was turned off' });
  });
});

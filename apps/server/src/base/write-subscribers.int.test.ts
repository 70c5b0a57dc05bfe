import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { injectClient } from '../../test/harness.ts';
import { startTwoInstances } from '../../test/two-instances.ts';

// A record write reads the table's webhooks and automations together with the table row (loadTableForWrite), so one
// added, changed or removed through another instance counts from the very next write.
let world: Awaited<ReturnType<typeof startTwoInstances>>;
beforeAll(async () => {
  world = await startTwoInstances();
});
afterAll(async () => world.close());

describe('webhooks and automations seen by writes through another instance', () => {
  it('a webhook or automation added on A fires for the next create and update through B; a disabled automation stops', async () => {
    const a = world.adminA;
    const b = injectClient(world.b.app, { headers: { authorization: `Bearer ${world.adminToken}` } });
    const base = await a.call(c.createBase, { body: { name: '订阅' } });
    const table = await a.call(c.createTable, { params: { baseId: base.id }, body: { name: '客户', fields: [{ name: '名称', type: 'text', options: {} }] } });
    const name = table.primaryFieldId;
    const create = async (v: string) =>
      (await b.call(c.createRecords, { params: { tableId: table.id }, body: { records: [{ fields: { [name]: v } }] } })).items[0]!;
    const update = (id: string, v: string) => b.call(c.updateRecords, { params: { tableId: table.id }, body: { records: [{ id, fields: { [name]: v } }] } });
    // Written through B before anything subscribes, so B has read the table already.
    const first = await create('甲');

    const hook = await a.call(c.createWebhook, {
      params: { tableId: table.id },
      body: { url: 'http://127.0.0.1:9/hook', events: ['record.created', 'record.updated'] },
    });
    const auto = await a.call(c.createAutomation, {
      params: { tableId: table.id },
      body: { name: '新客户', trigger: { kind: 'field_changed', fieldId: name, to: null }, actions: [{ kind: 'webhook', url: 'http://127.0.0.1:9/auto' }] },
    });
    const second = await create('乙');
    const updated = await update(first.id, '甲二');
    expect(updated.items[0]!.fields[name]).toBe('甲二');
    const deliveries = async () => (await a.call(c.listWebhookDeliveries, { params: { webhookId: hook.id } })).items.length;
    const runs = async () => (await a.call(c.listAutomationRuns, { params: { automationId: auto.id }, query: {} })).items.map((r) => r.recordId).sort();
    expect(await deliveries()).toBe(2);
    expect(await runs()).toEqual([first.id, second.id].sort());

    await a.call(c.deleteWebhook, { params: { webhookId: hook.id } });
    await a.call(c.updateAutomation, { params: { automationId: auto.id }, body: { enabled: false } });
    await update(second.id, '乙二');
    await create('丙');
    expect(await runs()).toEqual([first.id, second.id].sort());
  });
});

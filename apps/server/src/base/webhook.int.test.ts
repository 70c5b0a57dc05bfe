import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { startWebhookReceiver, type ReceivedHook } from '../../test/webhook-receiver.ts';
import { deliverDue, signPayload } from './webhook.service.ts';

let t: TestApp;
let now = new Date('2026-11-24T08:00:00Z');
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let url = '';
let received: ReceivedHook[] = [];

beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => now } });
  receiver = await startWebhookReceiver(500);
  url = receiver.url;
  received = receiver.received;
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

describe('webhooks', () => {
  it('posts signed record events, retries with back-off, and logs every attempt', async () => {
    const base = await t.admin.call(c.createBase, { body: { name: 'W' } });
    const table = await t.admin.call(c.createTable, { params: { baseId: base.id }, body: { name: 'T' } });
    const hook = await t.admin.call(c.createWebhook, { params: { tableId: table.id }, body: { url, events: ['record.created', 'record.deleted'] } });
    const [rec] = (await t.admin.call(c.createRecords, { params: { tableId: table.id }, body: { records: [{ fields: { [table.primaryFieldId]: '甲' } }] } }))
      .items;
    await t.admin.call(c.updateRecords, { params: { tableId: table.id }, body: { records: [{ id: rec!.id, fields: { [table.primaryFieldId]: '乙' } }] } }); // not subscribed

    receiver.failNext(1);
    expect(await deliverDue(t.deps)).toBe(1);
    expect(received).toHaveLength(0);
    let log = await t.admin.call(c.listWebhookDeliveries, { params: { webhookId: hook.id } });
    expect(log.items[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500 });
    expect(await deliverDue(t.deps)).toBe(0); // not due yet
    now = new Date(now.getTime() + 11_000);
    expect(await deliverDue(t.deps)).toBe(1);
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(headers['x-concord-signature']).toBe(signPayload(hook.secret, String(headers['x-concord-timestamp']), body));
    expect(JSON.parse(body)).toMatchObject({ type: 'record.created', tableId: table.id, recordIds: [rec!.id] });
    log = await t.admin.call(c.listWebhookDeliveries, { params: { webhookId: hook.id } });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ status: 'success', attempts: 2 });
  });
});

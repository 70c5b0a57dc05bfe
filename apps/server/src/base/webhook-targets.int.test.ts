import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { ADMIN, apiError, injectClient, startTestApp, type TestApp } from '../../test/harness.ts';
import { startWebhookReceiver } from '../../test/webhook-receiver.ts';
import { runAll } from './automation/automation-test-setup.ts';
import { deliverDue } from './webhook.service.ts';

// The harness allows 127.0.0.1 (WEBHOOK_ALLOW_HOSTS) for the local receiver; everything else private is refused.
let t: TestApp;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let table: c.TableDto;
beforeAll(async () => {
  t = await startTestApp();
  receiver = await startWebhookReceiver(500);
  const base = await t.admin.call(c.createBase, { body: { name: 'W' } });
  table = await t.admin.call(c.createTable, { params: { baseId: base.id }, body: { name: 'T' } });
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

const addRecord = (name: string) =>
  t.admin.call(c.createRecords, { params: { tableId: table.id }, body: { records: [{ fields: { [table.primaryFieldId]: name } }] } });
/** Runs `fn` as on an instance without the harness's allowance (as after the operator narrowed it, or DNS changed). */
async function strictly<T>(fn: () => Promise<T>): Promise<T> {
  const saved = t.deps.config.webhookTargets;
  t.deps.config.webhookTargets = { allowPrivate: false, allowHosts: [] };
  try {
    return await fn();
  } finally {
    t.deps.config.webhookTargets = saved;
  }
}

describe('webhook targets', () => {
  it('refuses to save a table webhook to the metadata address, loopback or a private network, in the reader’s language', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://127.0.0.2:8080/hook', 'http://10.0.0.1/hook', 'http://[::1]/hook']) {
      const err = await apiError(t.admin.call(c.createWebhook, { params: { tableId: table.id }, body: { url, events: ['record.created'] } }));
      expect(err.status, url).toBe(400);
      expect(err.code, url).toBe('webhook.url_not_allowed');
      expect(err.message, url).toMatch(/private network address/);
    }
    const zh = injectClient(t.app, { headers: { 'accept-language': 'zh-CN' } });
    await zh.call(c.login, { body: { email: ADMIN.email, password: ADMIN.password } });
    const err = await apiError(
      zh.call(c.createWebhook, { params: { tableId: table.id }, body: { url: 'http://169.254.169.254/', events: ['record.created'] } }),
    );
    expect(err.message).toMatch(/内网地址/);
    // Only http(s).
    const scheme = await apiError(
      t.admin.call(c.createWebhook, { params: { tableId: table.id }, body: { url: 'ftp://example.com/x', events: ['record.created'] } }),
    );
    expect(scheme.status).toBe(400);
    expect((await t.admin.call(c.listWebhooks, { params: { tableId: table.id } })).items).toEqual([]);
  });

  it('records a refused delivery with its reason, and delivers once the address is allowed again', async () => {
    const hook = await t.admin.call(c.createWebhook, { params: { tableId: table.id }, body: { url: receiver.url, events: ['record.created'] } });
    await addRecord('甲');
    expect(await strictly(() => deliverDue(t.deps))).toBe(1);
    expect(receiver.received).toHaveLength(0);
    const [refused] = (await t.admin.call(c.listWebhookDeliveries, { params: { webhookId: hook.id } })).items;
    expect(refused).toMatchObject({ status: 'pending', attempts: 1, lastStatus: null });
    expect(refused!.lastError).toMatch(/^Refused: 127\.0\.0\.1 is a loopback, link-local or private network address/);
    await t.admin.call(c.deleteWebhook, { params: { webhookId: hook.id } });
  });

  it('refuses an automation webhook to a private address when saved, and fails its run step with the reason when called', async () => {
    const bad = await apiError(
      t.admin.call(c.createAutomation, {
        params: { tableId: table.id },
        body: { name: 'meta', trigger: { kind: 'record_created' }, actions: [{ kind: 'webhook', url: 'http://169.254.169.254/latest/meta-data/' }] },
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.code).toBe('webhook.url_not_allowed');
    expect(bad.message).toMatch(/^actions\[0\]\.url: 169\.254\.169\.254/);

    const auto = await t.admin.call(c.createAutomation, {
      params: { tableId: table.id },
      body: { name: 'hook', trigger: { kind: 'record_created' }, actions: [{ kind: 'webhook', url: receiver.url }] },
    });
    await addRecord('乙');
    expect(await strictly(() => runAll(t))).toBe(1);
    expect(receiver.received).toHaveLength(0);
    const [run] = (await t.admin.call(c.listAutomationRuns, { params: { automationId: auto.id }, query: {} })).items;
    expect(run).toMatchObject({ status: 'queued', attempts: 1 });
    expect(run!.error).toMatch(/127\.0\.0\.1 is a loopback, link-local or private network address/);
    // Saved while the address was allowed, it can still be turned off once it is not; turning it back on is refused.
    await strictly(async () => {
      expect((await t.admin.call(c.updateAutomation, { params: { automationId: auto.id }, body: { enabled: false } })).enabled).toBe(false);
      const on = await apiError(t.admin.call(c.updateAutomation, { params: { automationId: auto.id }, body: { enabled: true } }));
      expect(on.code).toBe('webhook.url_not_allowed');
    });
  });
});

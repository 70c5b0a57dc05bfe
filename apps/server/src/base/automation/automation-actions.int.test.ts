import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { signPayload } from '../webhook.service.ts';
import { crmFixture, runAll, type CrmFixture } from './automation-test-setup.ts';
import { startWebhookReceiver, type ReceivedHook } from '../../../test/webhook-receiver.ts';
import { scanDateTriggers } from './date-trigger-scan.ts';

let x: CrmFixture;
let smtp: SMTPServer;
let smtpPort = 0;
const mails: { to: string[]; data: string }[] = [];
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let hookUrl = '';
let hooks: ReceivedHook[] = [];

beforeAll(async () => {
  x = await crmFixture();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (d: Buffer) => (data += d.toString()));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  receiver = await startWebhookReceiver(503);
  hookUrl = receiver.url;
  hooks = receiver.received;
});
afterAll(async () => {
  await receiver.close();
  await new Promise<void>((r) => smtp.close(() => r()));
  await x.t.close();
});

const create = (input: c.CreateAutomationInput) => x.t.admin.call(c.createAutomation, { params: { tableId: x.table.id }, body: input });
const newRecord = async (fields: Record<string, unknown>) =>
  (await x.t.admin.call(c.createRecords, { params: { tableId: x.table.id }, body: { records: [{ fields }] } })).items[0]!;
const runs = async (automationId: string) => (await x.t.admin.call(c.listAutomationRuns, { params: { automationId }, query: {} })).items;
const off = (automationId: string) => x.t.admin.call(c.updateAutomation, { params: { automationId }, body: { enabled: false } });

describe('automation actions', () => {
  it('creates a linked record in the other table and links it', async () => {
    const auto = await create({
      name: '新客户建跟进',
      trigger: { kind: 'record_created' },
      actions: [{ kind: 'create_linked_record', fieldId: x.fid('跟进'), values: { [x.followUps.primaryFieldId]: '首次拜访' } }],
    });
    const r = await newRecord({ [x.fid('名称')]: '携程' });
    expect(await runAll(x.t)).toBe(1);
    const after = await x.t.admin.call(c.getRecord, { params: { tableId: x.table.id, recordId: r.id } });
    const linked = after.fields[x.fid('跟进')] as string[];
    expect(linked).toHaveLength(1);
    const followUp = await x.t.admin.call(c.getRecord, { params: { tableId: x.followUps.id, recordId: linked[0]! } });
    expect(followUp.fields[x.followUps.primaryFieldId]).toBe('首次拜访');
    await off(auto.id);
  });

  it('emails through SMTP; without SMTP the step fails, is retried with back-off, and never blocked the edit', async () => {
    x.t.deps.config.smtpUrl = null;
    const auto = await create({
      name: '邮件提醒',
      trigger: { kind: 'field_changed', fieldId: x.fid('阶段') },
      actions: [{ kind: 'email', to: { addresses: ['boss@example.com'], fieldIds: [x.fid('邮箱')] }, subject: 'Stage of {{名称}}', body: 'Now {{阶段}}' }],
    });
    const r = await newRecord({ [x.fid('名称')]: 'Acme', [x.fid('邮箱')]: 'buyer@acme.test' });
    // The edit itself succeeds whatever the mail server does later.
    const edited = await x.t.admin.call(c.updateRecords, {
      params: { tableId: x.table.id },
      body: { records: [{ id: r.id, fields: { [x.fid('阶段')]: '赢单' } }] },
    });
    expect(edited.items[0]!.fields[x.fid('阶段')]).toBe('赢单');
    expect(await runAll(x.t)).toBe(1);
    let [run] = await runs(auto.id);
    expect(run).toMatchObject({ status: 'queued', attempts: 1, error: expect.stringContaining('SMTP_URL') });
    expect(run!.steps).toEqual([{ kind: 'email', status: 'failed', detail: expect.stringContaining('not configured') }]);
    expect(await runAll(x.t)).toBe(0); // not due yet

    x.t.deps.config.smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
    x.clock.advance(6_000);
    expect(await runAll(x.t)).toBe(1);
    [run] = await runs(auto.id);
    expect(run).toMatchObject({ status: 'succeeded', attempts: 2, error: null, steps: [{ kind: 'email', status: 'succeeded' }] });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to.sort()).toEqual(['boss@example.com', 'buyer@acme.test']);
    expect(mails[0]!.data).toContain('Subject: Stage of Acme');
    await off(auto.id);
  });

  it('calls a signed webhook and retries when it fails', async () => {
    const auto = await create({ name: 'hook', trigger: { kind: 'record_created' }, actions: [{ kind: 'webhook', url: hookUrl }] });
    receiver.failNext(1);
    const r = await newRecord({ [x.fid('名称')]: '网易' });
    expect(await runAll(x.t)).toBe(1);
    expect((await runs(auto.id))[0]).toMatchObject({ status: 'queued', error: expect.stringContaining('HTTP 503') });
    x.clock.advance(6_000);
    expect(await runAll(x.t)).toBe(1);
    expect((await runs(auto.id))[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(hooks).toHaveLength(1);
    const { headers, body } = hooks[0]!;
    expect(headers['x-concord-signature']).toBe(signPayload(auto.secret, String(headers['x-concord-timestamp']), body));
    expect(JSON.parse(body)).toMatchObject({ type: 'automation', automationId: auto.id, record: { id: r.id, fields: { [x.fid('名称')]: '网易' } } });

    // A receiver that never recovers: five attempts with growing back-off, then the run is marked failed.
    receiver.failNext(99);
    await newRecord({ [x.fid('名称')]: '宕机' });
    for (let i = 0; i < 5; i++) {
      expect(await runAll(x.t)).toBe(1);
      x.clock.advance(2 * 3_600_000);
    }
    expect(await runAll(x.t)).toBe(0);
    expect((await runs(auto.id))[0]).toMatchObject({ status: 'failed', attempts: 5, nextAttemptAt: null, error: expect.stringContaining('HTTP 503') });
    receiver.failNext(0);
    await off(auto.id);
  });

  it('fires once per record when date + offset passes, by the test clock', async () => {
    const start = x.clock.now().getTime();
    const hour = 3_600_000;
    // Already overdue before the automation existed: never fires.
    await newRecord({ [x.fid('名称')]: '过期', [x.fid('下次跟进时间')]: start - hour });
    const auto = await create({
      name: '跟进提醒',
      trigger: { kind: 'date_reached', fieldId: x.fid('下次跟进时间'), offsetMinutes: -60 },
      actions: [{ kind: 'notify', to: { userIds: [x.people.a.person.id] }, title: '一小时后跟进 {{名称}}' }],
    });
    const soon = await newRecord({ [x.fid('名称')]: '两小时后', [x.fid('下次跟进时间')]: start + 2 * hour });
    await newRecord({ [x.fid('名称')]: '明天', [x.fid('下次跟进时间')]: start + 24 * hour });
    expect(await runAll(x.t)).toBe(0);
    x.clock.advance(hour + 60_000);
    // Two workers scanning at once still queue the reminder once.
    const [one, two] = await Promise.all([scanDateTriggers(x.t.deps), scanDateTriggers(x.t.deps)]);
    expect(one + two).toBe(1);
    expect(await runAll(x.t)).toBe(1);
    expect(await runAll(x.t)).toBe(0);
    const [run] = await runs(auto.id);
    expect(run).toMatchObject({ recordId: soon.id, status: 'succeeded', trigger: '下次跟进时间 -60 min ⏰' });
    x.clock.advance(30 * hour);
    expect(await runAll(x.t)).toBe(1);
    expect(await runs(auto.id)).toHaveLength(2);
    await off(auto.id);
  });
});

import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { f } from '@concord/table-engine';
import { ADMIN, injectClient, startTestApp, type TestApp } from '../../test/harness.ts';
import { drainOutbox } from '../platform/outbox-consumer.ts';
import { OUTBOX_CONSUMERS } from '../app.ts';
import { runDueAutomations } from '../base/index.ts';
import { DEMO_PASSWORD } from '../org/index.ts';

const BIN = fileURLToPath(new URL('../../bin/concord.mjs', import.meta.url));
const now = new Date('2026-11-24T08:00:00Z');

let t: TestApp;
let url: string;
let people: c.PersonDto[];
beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => now } });
  await t.admin.call(c.seedDemo, {});
  people = (await t.admin.call(c.listPeople, { query: { pageSize: 500 } })).items;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

function concord(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CONCORD_')));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args, '--url', url],
      { env: { ...env, CONCORD_ADMIN_EMAIL: ADMIN.email, CONCORD_ADMIN_PASSWORD: ADMIN.password }, timeout: 300_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

async function signedInAs(email: string) {
  const client = injectClient(t.app);
  await client.call(c.login, { body: { email, password: DEMO_PASSWORD } });
  return client;
}

const byName = (table: c.TableDto, name: string) => table.fields.find((x) => x.name === name)!;

describe('CRM template', () => {
  let crm: c.RouteOutput<typeof c.initCrm>;
  let customers: c.TableDto;

  it('creates base 客户管理 with four linked tables, views, duplicate rule, stage owners and 销售看板', async () => {
    crm = await t.admin.call(c.initCrm, { body: { locale: 'zh-CN' } });
    expect(Object.keys(crm.tables)).toEqual(['customers', 'contacts', 'opportunities', 'activities']);
    const base = await t.admin.call(c.getBase, { params: { baseId: crm.appToken } });
    expect(base.name).toBe('客户管理');
    expect(base.tables.map((x) => x.name)).toEqual(['客户', '联系人', '商机', '跟进记录']);

    customers = await t.admin.call(c.getTable, { params: { tableId: crm.tables.customers } });
    // prettier-ignore
    const names = ['客户名称', '统一社会信用代码', '城市', '行业', '客户等级', '阶段', '负责人', '阶段负责人', '联系人', '手机', '邮箱', '预计月金额', '来源', '下次跟进时间', '创建时间', '修改时间', '联系人列表', '商机', '跟进记录'];
    for (const n of names) expect(customers.fields.map((x) => x.name)).toContain(n);
    const stage = byName(customers, '阶段');
    const choices = stage.options.choices as { name: string; aliases: string[] }[];
    expect(choices.map((x) => x.name)).toEqual(['线索', '初步接洽', '需求确认', '方案报价', '商务谈判', '赢单', '输单']);
    expect(choices.map((x) => x.aliases[0])).toEqual(['Lead', 'Contacted', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost']);
    expect(byName(customers, '预计月金额')).toMatchObject({ type: 'currency', options: { currency: 'CNY' } });
    expect(byName(customers, '负责人')).toMatchObject({ type: 'person' });
    expect(customers.views.map((v) => [v.name, v.type])).toEqual([
      ['全部客户', 'grid'],
      ['我的客户', 'grid'],
      ['按阶段', 'kanban'],
      ['本周待跟进', 'grid'],
      ['疑似重复', 'grid'],
    ]);
    expect(customers.views[2]!.config.groupFieldId).toBe(stage.id);

    const contacts = await t.admin.call(c.getTable, { params: { tableId: crm.tables.contacts } });
    const activities = await t.admin.call(c.getTable, { params: { tableId: crm.tables.activities } });
    expect(byName(contacts, '客户')).toMatchObject({ type: 'link', options: { tableId: crm.tables.customers } });
    expect(byName(activities, '客户')).toMatchObject({ type: 'link', options: { tableId: crm.tables.customers } });
    expect(byName(activities, '联系人')).toMatchObject({ type: 'link', options: { tableId: crm.tables.contacts } });

    const { rule } = await t.admin.call(c.getDedupRule, { params: { tableId: crm.tables.customers } });
    const ruleBy = Object.fromEntries(rule!.fields.map((x) => [customers.fields.find((y) => y.id === x.fieldId)!.name, x.comparator]));
    expect(ruleBy).toMatchObject({ 客户名称: 'company', 统一社会信用代码: 'creditCode', 手机: 'phone', 邮箱: 'email' });

    const automations = (await t.admin.call(c.listAutomations, { params: { tableId: crm.tables.customers } })).items;
    expect(automations).toHaveLength(7);
    const proposal = automations.find((a) => a.name.includes('方案报价'))!;
    expect(proposal.trigger).toMatchObject({ kind: 'field_changed', fieldId: stage.id });
    const assign = proposal.actions[0] as Extract<c.AutomationAction, { kind: 'assign' }>;
    const engineers = people.filter((p) => p.title === '售前解决方案工程师').map((p) => p.id);
    expect(engineers.length).toBeGreaterThan(0);
    expect([...assign.pool.userIds].sort()).toEqual([...engineers].sort());

    const dashboards = (await t.admin.call(c.listDashboards, { params: { baseId: crm.appToken } })).items;
    expect(dashboards.map((d) => d.name)).toEqual(['销售看板']);
    expect(crm.dashboardUrl).toBe(`/base/${crm.appToken}/dashboards/${dashboards[0]!.id}`);
    const listed = (await t.admin.call(c.listCrms, {})).items;
    expect(listed).toEqual([expect.objectContaining({ appToken: crm.appToken, name: '客户管理', locale: 'zh-CN', demo: false, tables: crm.tables })]);
  });

  it('assigns and notifies the stage owner when a customer moves into 方案报价', async () => {
    const salesperson = people.find((p) => p.title === '大客户经理')!;
    await t.admin.call(c.setBaseMembers, { params: { baseId: crm.appToken }, body: { members: [{ userId: salesperson.id, role: 'editor' }] } });
    const sales = await signedInAs(salesperson.email);
    const stage = byName(customers, '阶段').id;
    const [rec] = (
      await sales.call(c.createRecords, {
        params: { tableId: crm.tables.customers },
        body: { records: [{ fields: { [byName(customers, '客户名称').id]: '上海云帆信息科技有限公司', [stage]: '线索' } }] },
      })
    ).items;
    await runDueAutomations(t.deps);
    await sales.call(c.updateRecords, { params: { tableId: crm.tables.customers }, body: { records: [{ id: rec!.id, fields: { [stage]: 'Proposal' } }] } });
    await runDueAutomations(t.deps);
    await drainOutbox(t.deps, OUTBOX_CONSUMERS);

    const after = await t.admin.call(c.getRecord, { params: { tableId: crm.tables.customers, recordId: rec!.id } });
    const owner = (after.fields[byName(customers, '阶段负责人').id] as { id: string }[])[0]!;
    const engineer = people.find((p) => p.id === owner.id)!;
    expect(engineer.title).toBe('售前解决方案工程师');
    const inbox = (await (await signedInAs(engineer.email)).call(c.listNotifications, { query: {} })).items;
    expect(inbox[0]).toMatchObject({
      kind: 'base.record.assigned',
      title: { zh: expect.stringContaining('上海云帆信息科技有限公司') },
      link: `/base/${crm.appToken}/${crm.tables.customers}/${rec!.id}`,
    });
    expect(inbox[0]!.title.zh).toContain('方案报价');
  });

  it('speaks English when asked: names, options and aliases', async () => {
    const en = await t.admin.call(c.initCrm, { body: { locale: 'en' } });
    const base = await t.admin.call(c.getBase, { params: { baseId: en.appToken } });
    expect(base.name).toBe('CRM');
    expect(base.tables.map((x) => x.name)).toEqual(['Customers', 'Contacts', 'Opportunities', 'Activities']);
    const table = await t.admin.call(c.getTable, { params: { tableId: en.tables.customers } });
    const choices = byName(table, 'Stage').options.choices as { name: string; aliases: string[] }[];
    expect(choices.map((x) => x.name)).toEqual(['Lead', 'Contacted', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost']);
    expect(choices[5]!.aliases).toContain('赢单');
    expect(table.views.map((v) => v.name)).toContain('Possible duplicates');
  });
});

describe('demo CRM', () => {
  let seeded: c.RouteOutput<typeof c.seedCrmDemo>;

  it('adds ~2,000 enterprise customers in every stage, with near-duplicates waiting for review, and no stage-owner runs', async () => {
    seeded = await t.admin.call(c.seedCrmDemo, {});
    expect(seeded.created).toBe(true);
    expect(seeded.customers).toBeGreaterThan(2000);
    expect(seeded.customers).toBeLessThan(2100);
    const app = (await t.admin.call(c.listCrms, {})).items.find((x) => x.demo)!;
    const table = await t.admin.call(c.getTable, { params: { tableId: app.tables.customers } });
    const stage = byName(table, '阶段').id;
    for (const name of ['线索', '初步接洽', '需求确认', '方案报价', '商务谈判', '赢单', '输单']) {
      const page = await t.admin.call(c.queryRecords, { params: { tableId: app.tables.customers }, body: { filter: f.cond(stage, 'is', [name]), limit: 1 } });
      expect(page.total, name).toBeGreaterThan(40);
    }
    const pairs = await t.admin.call(c.listDuplicatePairs, { params: { tableId: app.tables.customers }, query: { limit: 200 } });
    const dupField = byName(table, '疑似重复').id;
    const inPairs = new Set(pairs.items.flatMap((p) => [p.a, p.b].filter((r) => r.fields[dupField] === true).map((r) => r.id)));
    // Every near-duplicate (typo, bracketed city, full-width digits, phone format, same code) waits beside its original.
    expect(inPairs.size).toBe(seeded.flagged);
    const review = table.views.find((v) => v.name === '疑似重复')!;
    const waiting = await t.admin.call(c.queryRecords, { params: { tableId: app.tables.customers }, body: { viewId: review.id, limit: 1 } });
    expect(waiting.total).toBe(seeded.flagged);
    expect(seeded.flagged).toBeGreaterThanOrEqual(40);

    const automations = (await t.admin.call(c.listAutomations, { params: { tableId: app.tables.customers } })).items;
    expect(automations).toHaveLength(7);
    expect(await runDueAutomations(t.deps)).toBe(0);

    const depts = (await t.admin.call(c.listDepartments, { query: {} })).items.filter((d) => ['大客户部', '渠道销售部'].includes(d.name)).map((d) => d.id);
    const sales = new Set(people.filter((p) => p.departmentIds.some((d) => depts.includes(d))).map((p) => p.id));
    const sample = await t.admin.call(c.queryRecords, { params: { tableId: app.tables.customers }, body: { limit: 50 } });
    for (const r of sample.items) expect(sales.has((r.fields[byName(table, '负责人').id] as { id: string }[])[0]!.id)).toBe(true);
    const created = sample.items.map((r) => new Date(r.createdAt).getTime());
    expect(Math.min(...created)).toBeLessThan(now.getTime() - 30 * 86_400_000);

    const contacts = await t.admin.call(c.getTable, { params: { tableId: app.tables.contacts } });
    const someContacts = await t.admin.call(c.queryRecords, { params: { tableId: app.tables.contacts }, body: { limit: 20 } });
    for (const r of someContacts.items) expect(r.fields[byName(contacts, '客户').id]).toHaveLength(1);
    const linked = await t.admin.call(c.getRecord, { params: { tableId: app.tables.customers, recordId: sample.items[0]!.id } });
    expect((linked.fields[byName(table, '联系人列表').id] as unknown[]).length).toBeGreaterThan(0);

    const data = await t.admin.call(c.dashboardData, { params: { dashboardId: app.dashboardId! }, body: {} });
    const dashboard = await t.admin.call(c.getDashboard, { params: { dashboardId: app.dashboardId! } });
    const totalWidget = dashboard.widgets.find((w) => w.title === '客户总数')!;
    const total = data.widgets.find((w) => w.widgetId === totalWidget.id)!;
    expect(total).toMatchObject({ ok: true, data: { kind: 'number', value: seeded.customers } });
    expect(data.widgets.every((w) => w.ok)).toBe(true);
  });

  it('`concord demo` run again adds nothing; `concord crm init` prints the JSON the requirement names', async () => {
    const demo = await concord(['demo']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(JSON.parse(demo.stdout)).toMatchObject({ crm: { app_token: seeded.appToken, created: false, customers: seeded.customers } });
    expect((await t.admin.call(c.listCrms, {})).items.filter((x) => x.demo)).toHaveLength(1);

    const init = await concord(['crm', 'init', '--locale', 'en']);
    expect(init.code, init.stderr).toBe(0);
    const out = JSON.parse(init.stdout) as { app_token: string; tables: Record<string, string>; dashboard_url: string };
    expect(Object.keys(out)).toEqual(['app_token', 'tables', 'dashboard_url']);
    expect(Object.keys(out.tables)).toEqual(['customers', 'contacts', 'opportunities', 'activities']);
    expect(out.dashboard_url).toMatch(new RegExp(`^${url}/base/${out.app_token}/dashboards/`));
    const bad = await concord(['crm', 'init', '--locale', 'fr']);
    expect(bad.code).toBe(2);
    const help = await concord(['crm', 'init', '--help']);
    expect(help.stdout).toMatch(/--locale zh-CN\|en/);
  });
});

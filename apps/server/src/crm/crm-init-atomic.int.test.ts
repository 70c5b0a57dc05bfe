import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { apiError, startTestApp, type TestApp } from '../../test/harness.ts';
import { crmFootprint, failCrmRegistration } from '../../test/crm-footprint.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { resolveTenantToken } from '../org/index.ts';
import { initCrm } from './crm-init.service.ts';

let t: TestApp;
beforeAll(async () => {
  // A fresh instance: no demo company, so no 销售中心 to take the stage owners from.
  t = await startTestApp();
});
afterAll(() => t.close());

const footprint = () => crmFootprint(t.deps.db);

/** An Open Platform app with the bitable scope, as its tenant token resolves. */
async function appContext(): Promise<RequestContext> {
  const app = await t.admin.call(c.createApp, { body: { name: 'crm-builder', scopes: ['bitable'] } });
  const res = await t.app.inject({
    method: 'POST',
    url: '/open-apis/auth/v3/tenant_access_token/internal',
    payload: { app_id: app.appId, app_secret: app.appSecret },
  });
  const actor = await resolveTenantToken(t.deps, res.json<{ tenant_access_token: string }>().tenant_access_token);
  expect(actor).not.toBeNull();
  return { actor, ip: '127.0.0.1', locale: 'en' };
}

describe('initCrm is one transaction', () => {
  it('leaves nothing behind when a late step fails', async () => {
    const before = await footprint();
    // The last write (recording the base as a CRM, after the base, tables, links, views, duplicate rule, stage owners
    // and dashboard) fails.
    const restore = await failCrmRegistration(t.deps.db);
    try {
      expect((await apiError(t.admin.call(c.initCrm, { body: { locale: 'en' } }))).status).toBe(500);
    } finally {
      await restore();
    }
    expect(await footprint()).toEqual(before);
  });

  it('still creates the whole CRM, its realtime events and the views’ indexes', async () => {
    const before = await footprint();
    const crm = await t.admin.call(c.initCrm, { body: { locale: 'zh-CN' } });
    const base = await t.admin.call(c.getBase, { params: { baseId: crm.appToken } });
    expect(base.tables.map((x) => x.name)).toEqual(['客户', '联系人', '商机', '跟进记录']);
    const { items: automations } = await t.admin.call(c.listAutomations, { params: { tableId: crm.tables.customers } });
    expect(automations).toHaveLength(7);
    // The initialising person owns every stage of a directory without sales departments.
    expect(automations.every((a) => a.enabled)).toBe(true);
    const after = await footprint();
    expect(after).toMatchObject({ bases: before.bases + 1, base_tables: before.base_tables + 4, base_automations: before.base_automations + 7 });
    expect(after).toMatchObject({ base_dashboards: before.base_dashboards + 1, crm_apps: before.crm_apps + 1 });
    expect(after.outbox).toBeGreaterThan(before.outbox);
    // 本周待跟进 sorts by 下次跟进时间, so its index was built inside the transaction.
    const ix = await sql<{ n: number }>`select count(*)::int as n from pg_indexes where indexname like ${`ix_${crm.tables.customers}_%`}`.execute(t.deps.db);
    expect(ix.rows[0]!.n).toBeGreaterThan(0);
    const { items } = await t.admin.call(c.listCrms, {});
    expect(items.map((x) => x.appToken)).toContain(crm.appToken);
  });
});

describe('initCrm by an Open Platform app', () => {
  it('succeeds in a directory without sales departments, leaving every stage unowned and its rule off until someone is named', async () => {
    const ctx = await appContext();
    const crm = await initCrm(t.deps, ctx, 'en');
    const { items: automations } = await t.admin.call(c.listAutomations, { params: { tableId: crm.tables.customers } });
    expect(automations).toHaveLength(7);
    for (const a of automations) {
      expect(a.enabled, a.name).toBe(false);
      expect(a.actions[0]).toMatchObject({ kind: 'assign', pool: { userIds: [], departmentId: null } });
    }
    const data = await t.admin.call(c.dashboardData, { params: { dashboardId: crm.dashboardId }, body: {} });
    expect(data.widgets.every((w) => w.ok)).toBe(true);

    // Turning a rule on without naming anyone is refused; naming people (or a department) turns it on.
    const lead = automations[0]!;
    const err = await apiError(t.admin.call(c.updateAutomation, { params: { automationId: lead.id }, body: { enabled: true } }));
    expect(err.status).toBe(400);
    expect(err.code).toBe('base.automation.invalid');
    const me = (await t.admin.call(c.me, {})).user!;
    const actions = lead.actions.map((x) => (x.kind === 'assign' ? { ...x, pool: { userIds: [me.id], departmentId: null } } : x));
    const on = await t.admin.call(c.updateAutomation, { params: { automationId: lead.id }, body: { actions, enabled: true } });
    expect(on.enabled).toBe(true);
  });
});

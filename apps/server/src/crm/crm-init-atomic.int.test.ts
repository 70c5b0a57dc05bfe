import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { AppError } from '../platform/errors.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { resolveTenantToken } from '../org/index.ts';
import { initCrm } from './crm-init.service.ts';

let t: TestApp;
beforeAll(async () => {
  // A fresh instance: no demo company, so no 销售中心 to take the stage owners from.
  t = await startTestApp();
});
afterAll(() => t.close());

/** What a CRM leaves in the database, counted across every table it writes to (record tables and indexes included). */
async function footprint() {
  const db = t.deps.db;
  const n = async (table: 'bases' | 'base_tables' | 'base_fields' | 'base_views' | 'base_automations' | 'base_dashboards' | 'crm_apps' | 'outbox') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const physical = await sql<{ n: number }>`select count(*)::int as n from pg_class where relname like 'bt\\_%' or relname like 'ix\\_%'`.execute(db);
  return {
    bases: await n('bases'),
    tables: await n('base_tables'),
    fields: await n('base_fields'),
    views: await n('base_views'),
    automations: await n('base_automations'),
    dashboards: await n('base_dashboards'),
    crmApps: await n('crm_apps'),
    outbox: await n('outbox'),
    physical: physical.rows[0]!.n,
  };
}

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
    const ctx = await appContext();
    const before = await footprint();
    // An app has no person to fall back on and this directory has no sales departments, so the stage-owner automations
    // (created after the base, its tables, links, views and duplicate rule) have an empty pool and are refused.
    const err = await initCrm(t.deps, ctx, 'en').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('base.automation.invalid');
    expect(await footprint()).toEqual(before);
  });

  it('still creates the whole CRM, its realtime events and the views’ indexes', async () => {
    const before = await footprint();
    const crm = await t.admin.call(c.initCrm, { body: { locale: 'zh-CN' } });
    const base = await t.admin.call(c.getBase, { params: { baseId: crm.appToken } });
    expect(base.tables.map((x) => x.name)).toEqual(['客户', '联系人', '商机', '跟进记录']);
    const { items: automations } = await t.admin.call(c.listAutomations, { params: { tableId: crm.tables.customers } });
    expect(automations).toHaveLength(7);
    const after = await footprint();
    expect(after).toMatchObject({ bases: before.bases + 1, tables: before.tables + 4, automations: before.automations + 7, dashboards: before.dashboards + 1 });
    expect(after.crmApps).toBe(before.crmApps + 1);
    expect(after.outbox).toBeGreaterThan(before.outbox);
    // 本周待跟进 sorts by 下次跟进时间, so its index was built inside the transaction.
    const ix = await sql<{ n: number }>`select count(*)::int as n from pg_indexes where indexname like ${`ix_${crm.tables.customers}_%`}`.execute(t.deps.db);
    expect(ix.rows[0]!.n).toBeGreaterThan(0);
    const { items } = await t.admin.call(c.listCrms, {});
    expect(items.map((x) => x.appToken)).toContain(crm.appToken);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { apiError, startTestApp, type TestApp } from '../../test/harness.ts';
import { crmFootprint, failCrmRegistration } from '../../test/crm-footprint.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => new Date('2026-11-24T08:00:00Z') } });
});
afterAll(() => t.close());

describe('the demo CRM seed is one transaction', () => {
  it('leaves nothing behind, and publishes nothing, when it fails after the records, links and duplicate flags', async () => {
    const before = await crmFootprint(t.deps.db);
    // The last write, after ~2,000 customers, their contacts, opportunities, activities, links, backdating, flags,
    // stage-owner automations and dashboard, fails.
    const restore = await failCrmRegistration(t.deps.db);
    try {
      expect((await apiError(t.admin.call(c.seedCrmDemo, {}))).status).toBe(500);
    } finally {
      await restore();
    }
    // The outbox is counted too: no realtime event of the rolled-back base went out.
    expect(await crmFootprint(t.deps.db)).toEqual(before);
    expect((await t.admin.call(c.listCrms, {})).items).toEqual([]);
  });

  it('then seeds the whole demo once, even when asked twice at the same time', async () => {
    const before = await crmFootprint(t.deps.db);
    // The second run waits for the first and finds its CRM, so neither duplicates nor fails.
    const runs = await Promise.all([t.admin.call(c.seedCrmDemo, {}), t.admin.call(c.seedCrmDemo, {})]);
    const created = runs.find((r) => r.created)!;
    const found = runs.find((r) => !r.created)!;
    expect(created).toBeDefined();
    expect(found).toMatchObject({ appToken: created.appToken, customers: created.customers });
    expect(created.customers).toBeGreaterThan(2000);
    expect(created.flagged).toBeGreaterThanOrEqual(40);
    expect((await t.admin.call(c.listCrms, {})).items.filter((x) => x.demo)).toHaveLength(1);
    const after = await crmFootprint(t.deps.db);
    expect(after).toMatchObject({ bases: before.bases + 1, crm_apps: before.crm_apps + 1, base_dashboards: before.base_dashboards + 1 });
    expect(after.base_links).toBeGreaterThan(before.base_links + 2000);
    expect(after.outbox).toBeGreaterThan(before.outbox);
    // And a later run changes nothing.
    expect(await t.admin.call(c.seedCrmDemo, {})).toMatchObject({ appToken: created.appToken, created: false });
    expect(await crmFootprint(t.deps.db)).toEqual(after);
  });
});

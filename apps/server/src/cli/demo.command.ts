import { ApiError, seedCrmDemo, seedDemo } from '@concord/contracts';
import { defineCommand } from './command.ts';

/** Every demo person signs in with this password (set by the demo seed on the server). */
export const DEMO_PASSWORD = 'concord-demo';

export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'Seed the demo company (departments and people) and its CRM (~2,000 customers); safe to run twice',
  details: 'The company is added only to an empty directory; the demo CRM only once. A second run changes nothing.',
  options: {},
  async run(ctx) {
    let company: { departments: number; people: number } | null = null;
    try {
      company = await ctx.server.call(seedDemo, {});
    } catch (err) {
      // Already seeded (or a directory of real people): keep going, the CRM seed is idempotent on its own.
      if (!(err instanceof ApiError && err.code === 'org.demo.not_empty')) throw err;
      ctx.info('The directory already has people: the demo company is not added again.');
    }
    ctx.info('Adding the demo CRM (about a minute on a first run)…');
    const crm = await ctx.server.call(seedCrmDemo, {});
    ctx.info(`Demo ready: sign in at ${ctx.url}/ as any demo person with the password "${DEMO_PASSWORD}".`);
    return {
      ...(company ?? { departments: 0, people: 0 }),
      crm: { app_token: crm.appToken, created: crm.created, customers: crm.customers, dashboard_url: ctx.url + crm.dashboardUrl },
    };
  },
});

import type { FastifyInstance } from 'fastify';
import * as c from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import { route } from '../platform/http/route.ts';
import { AppError } from '../platform/errors.ts';
import { listBases } from '../base/index.ts';
import { initCrm } from './crm-init.service.ts';
import { seedCrmDemo } from './crm-demo.service.ts';
import { listCrmApps } from './crm-app.repo.ts';

/** /api/v1/crm: create a CRM from the template, list the caller's CRMs; /admin/demo/crm seeds the demo CRM. */
export async function crmRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, c.initCrm, async ({ body, req }) => {
    const crm = await initCrm(deps, req.ctx, body.locale ?? req.ctx.locale);
    return { appToken: crm.baseId, tables: crm.tables, dashboardUrl: crm.dashboardUrl };
  });
  route(app, c.listCrms, async ({ req }) => {
    if (!req.ctx.actor) throw new AppError('unauthorized', 'auth.required', { en: 'Please sign in', zh: '请先登录' });
    return { items: await listCrmApps(deps.db, await listBases(deps, req.ctx.actor)) };
  });
  route(app, c.seedCrmDemo, async ({ req }) => seedCrmDemo(deps, req.ctx));
}

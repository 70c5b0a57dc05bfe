import type { FastifyInstance } from 'fastify';
import * as c from '@concord/contracts';
import type { Deps } from '../../platform/deps.ts';
import { route } from '../../platform/http/route.ts';
import * as dashboards from './dashboard.service.ts';

/** /api/v1/base dashboards: CRUD, widgets, and the computed data of every widget. */
export async function dashboardRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, c.listDashboards, async ({ params, req }) => ({ items: await dashboards.listDashboards(deps, req.ctx, params.baseId) }));
  route(app, c.createDashboard, async ({ params, body, req }) => dashboards.createDashboard(deps, req.ctx, params.baseId, body));
  route(app, c.getDashboard, async ({ params, req }) => dashboards.getDashboard(deps, req.ctx, params.dashboardId));
  route(app, c.updateDashboard, async ({ params, body, req }) => dashboards.updateDashboard(deps, req.ctx, params.dashboardId, body));
  route(app, c.deleteDashboard, async ({ params, req }) => {
    await dashboards.deleteDashboard(deps, req.ctx, params.dashboardId);
    return { ok: true as const };
  });
  route(app, c.addWidget, async ({ params, body, req }) => dashboards.addWidget(deps, req.ctx, params.dashboardId, body));
  route(app, c.updateWidget, async ({ params, body, req }) => dashboards.updateWidget(deps, req.ctx, params.dashboardId, params.widgetId, body));
  route(app, c.deleteWidget, async ({ params, req }) => {
    await dashboards.deleteWidget(deps, req.ctx, params.dashboardId, params.widgetId);
    return { ok: true as const };
  });
  route(app, c.dashboardData, async ({ params, body, req }) => dashboards.dashboardData(deps, req.ctx, params.dashboardId, body.filters));
}

import type { FastifyInstance } from 'fastify';
import * as c from '@concord/contracts';
import type { Deps } from '../../platform/deps.ts';
import { route } from '../../platform/http/route.ts';
import * as automations from './automation.service.ts';
import { listRuns } from './automation-log.service.ts';

/** Automations and their run logs; base editors and owners only. */
export async function automationRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, c.createAutomation, async ({ params, body, req }) => automations.createAutomation(deps, req.ctx, params.tableId, body));
  route(app, c.listAutomations, async ({ params, req }) => ({ items: await automations.listAutomations(deps, req.ctx, params.tableId) }));
  route(app, c.getAutomation, async ({ params, req }) => automations.getAutomation(deps, req.ctx, params.automationId));
  route(app, c.updateAutomation, async ({ params, body, req }) => automations.updateAutomation(deps, req.ctx, params.automationId, body));
  route(app, c.deleteAutomation, async ({ params, req }) => {
    await automations.deleteAutomation(deps, req.ctx, params.automationId);
    return { ok: true as const };
  });
  route(app, c.listAutomationRuns, async ({ params, query, req }) => listRuns(deps, req.ctx, params.automationId, query));
}

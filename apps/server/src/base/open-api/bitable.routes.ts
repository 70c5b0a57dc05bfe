import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { appRoutes } from './apps.routes.ts';
import { fieldRoutes } from './fields.routes.ts';
import { recordReadRoutes } from './records-read.routes.ts';
import { recordWriteRoutes } from './records-write.routes.ts';
import { tableRoutes } from './tables.routes.ts';
import { viewRoutes } from './views.routes.ts';

/**
 * The Feishu-compatible Bitable v1 Open API (`/open-apis/bitable/v1`) over Base: apps (bases), tables, fields, views
 * and records addressed by field name, so the official Feishu SDKs and scripts written for Feishu Base work unchanged.
 * @example await baseOpenApiRoutes(app, deps) // after installOpenApi(app, …)
 */
export async function baseOpenApiRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  appRoutes(app, deps);
  tableRoutes(app, deps);
  fieldRoutes(app, deps);
  viewRoutes(app, deps);
  recordReadRoutes(app, deps);
  recordWriteRoutes(app, deps);
}

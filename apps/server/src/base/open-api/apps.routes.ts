import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { createBase, getBase } from '../base.service.ts';
import { createTable } from '../table.service.ts';
import { bitableRoute } from './feishu-errors.ts';

/** Concord bases carry no time zone of their own yet; date filters use each field's zone (China time by default). */
const TIME_ZONE = 'Asia/Shanghai';
export const appToken = z.string().min(1).max(100);

/** POST /apps and GET /apps/:app_token: a Feishu "app" is a Concord base, its app_token the base id. */
export function appRoutes(app: FastifyInstance, deps: Deps): void {
  bitableRoute(
    app,
    'meta',
    {
      method: 'POST',
      path: '/apps',
      scope: 'bitable',
      body: z.object({ name: z.string().trim().max(255).optional(), folder_token: z.string().max(200).optional(), time_zone: z.string().max(64).optional() }),
    },
    async ({ body, req }) => {
      const zh = req.ctx.locale === 'zh-CN';
      const base = await createBase(deps, req.ctx, body.name || (zh ? '未命名多维表格' : 'Untitled base'));
      // Feishu gives every new base a first table and returns its id; scripts write into it straight away.
      const table = await createTable(deps, req.ctx, base.id, { name: zh ? '数据表' : 'Table' });
      const after = await getBase(deps, req.ctx.actor, base.id);
      return {
        app: {
          app_token: base.id,
          name: base.name,
          revision: after.revision,
          folder_token: body.folder_token ?? '',
          url: `${deps.config.publicUrl}/base/${base.id}`,
          default_table_id: table.id,
          time_zone: TIME_ZONE,
        },
      };
    },
  );

  bitableRoute(
    app,
    'meta',
    { method: 'GET', path: '/apps/:app_token', scope: 'bitable:readonly', params: z.object({ app_token: appToken }) },
    async ({ params, req }) => {
      const base = await getBase(deps, req.ctx.actor, params.app_token);
      return { app: { app_token: base.id, name: base.name, revision: base.revision, is_advanced: false, time_zone: TIME_ZONE } };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/http/actor.ts';
import { getBase } from '../base.service.ts';
import { createTable, deleteTable, renameTable } from '../table.service.ts';
import { appToken } from './apps.routes.ts';
import { FEISHU, bitableRoute, feishuError } from './feishu-errors.ts';
import { feishuFieldDef, toConcordField } from './field-mapping.ts';
import { pageQuery, pageRequest, paginate } from './paging.ts';
import { resolveTable } from './record-io.ts';

export const tableParams = z.object({ app_token: appToken, table_id: z.string().min(1).max(50) });
const tableName = z.string().trim().max(100).optional();
const newTable = z.object({ name: tableName, default_view_name: z.string().trim().max(100).optional(), fields: z.array(feishuFieldDef).max(300).optional() });

const nameTaken = (name: string) =>
  feishuError(FEISHU.TableNameDuplicated, 'TableNameDuplicated', { en: `a table named ${name} already exists`, zh: `数据表 ${name} 已存在` });

/** A name not used by `taken` (case-insensitive): "数据表", "数据表 2", … */
function freeName(base: string, taken: string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base} ${i}`;
  return name;
}

async function create(deps: Deps, ctx: RequestContext, baseId: string, t: z.infer<typeof newTable>, taken: string[]) {
  const name = t.name || freeName(ctx.locale === 'zh-CN' ? '数据表' : 'Table', taken);
  return createTable(deps, ctx, baseId, { name, fields: t.fields?.map(toConcordField), ...(t.default_view_name ? { viewName: t.default_view_name } : {}) });
}

/** Tables of a base: list, create (with fields and a default view), batch create, rename, delete. */
export function tableRoutes(app: FastifyInstance, deps: Deps): void {
  const base = (ctx: RequestContext, token: string) => getBase(deps, ctx.actor, token);

  bitableRoute(
    app,
    'meta',
    { method: 'GET', path: '/apps/:app_token/tables', scope: 'bitable:readonly', params: z.object({ app_token: appToken }), query: z.object(pageQuery) },
    async ({ params, query, req }) => {
      const b = await base(req.ctx, params.app_token);
      return paginate(
        b.tables.map((t) => ({ table_id: t.id, revision: b.revision, name: t.name })),
        pageRequest(query),
      );
    },
  );

  bitableRoute(
    app,
    'meta',
    {
      method: 'POST',
      path: '/apps/:app_token/tables',
      scope: 'bitable',
      params: z.object({ app_token: appToken }),
      body: z.object({ table: newTable.optional() }),
    },
    async ({ params, body, req }) => {
      const b = await base(req.ctx, params.app_token);
      const table = await create(
        deps,
        req.ctx,
        b.id,
        body.table ?? {},
        b.tables.map((t) => t.name),
      );
      return { table_id: table.id, default_view_id: table.views[0]?.id ?? '', field_id_list: table.fields.map((f) => f.id) };
    },
  );

  bitableRoute(
    app,
    'meta',
    {
      method: 'POST',
      path: '/apps/:app_token/tables/batch_create',
      scope: 'bitable',
      params: z.object({ app_token: appToken }),
      body: z.object({ tables: z.array(newTable).min(1).max(100) }),
    },
    async ({ params, body, req }) => {
      const b = await base(req.ctx, params.app_token);
      const taken = b.tables.map((t) => t.name);
      // Checked up front so a clash does not leave half the batch created.
      for (const t of body.tables) {
        if (t.name && taken.some((n) => n.toLowerCase() === t.name!.toLowerCase())) throw nameTaken(t.name);
        if (t.name) taken.push(t.name);
      }
      const tableIds: string[] = [];
      for (const t of body.tables) {
        const created = await create(deps, req.ctx, b.id, t, taken);
        taken.push(created.name);
        tableIds.push(created.id);
      }
      return { table_ids: tableIds };
    },
  );

  bitableRoute(
    app,
    'meta',
    {
      method: 'PATCH',
      path: '/apps/:app_token/tables/:table_id',
      scope: 'bitable',
      params: tableParams,
      body: z.object({ name: z.string().trim().min(1).max(100) }),
    },
    async ({ params, body, req }) => {
      const table = await resolveTable(deps, req.ctx, params.app_token, params.table_id);
      const renamed = await renameTable(deps, req.ctx, table.id, body.name);
      return { name: renamed.name };
    },
  );

  bitableRoute(app, 'meta', { method: 'DELETE', path: '/apps/:app_token/tables/:table_id', scope: 'bitable', params: tableParams }, async ({ params, req }) => {
    const table = await resolveTable(deps, req.ctx, params.app_token, params.table_id);
    await deleteTable(deps, req.ctx, table.id);
    return {};
  });

  bitableRoute(
    app,
    'meta',
    {
      method: 'POST',
      path: '/apps/:app_token/tables/batch_delete',
      scope: 'bitable',
      params: z.object({ app_token: appToken }),
      body: z.object({ table_ids: z.array(z.string().min(1).max(50)).min(1).max(100) }),
    },
    async ({ params, body, req }) => {
      const tables = [];
      for (const id of body.table_ids) tables.push(await resolveTable(deps, req.ctx, params.app_token, id));
      for (const t of tables) await deleteTable(deps, req.ctx, t.id);
      return {};
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { OptionsOf } from '@concord/table-engine';
import type { Deps } from '../../platform/deps.ts';
import { updateField } from '../field-change.service.ts';
import { createField, deleteField } from '../table.service.ts';
import { loadTable, type TableMeta } from '../table-meta.ts';
import { FEISHU, bitableRoute, feishuError } from './feishu-errors.ts';
import { feishuFieldDef, toConcordField, toFeishuField, type FeishuField, type NameLookup } from './field-mapping.ts';
import { pageQuery, pageRequest, paginate, queryBool } from './paging.ts';
import { resolveTable } from './record-io.ts';
import { tableParams } from './tables.routes.ts';
import { findView } from './views.routes.ts';

const fieldParams = tableParams.extend({ field_id: z.string().min(1).max(64) });

/** Names of the tables and reverse fields that this table's links point at. */
async function linkNames(deps: Deps, table: TableMeta): Promise<NameLookup> {
  const others = new Map<string, TableMeta>();
  for (const f of table.fields) {
    if (f.type !== 'link') continue;
    const id = (f.options as OptionsOf<'link'>).tableId;
    if (!others.has(id)) others.set(id, id === table.id ? table : await loadTable(deps.db, id));
  }
  return (tableId, fieldId) => {
    const t = others.get(tableId);
    return { ...(t ? { tableName: t.name } : {}), ...(t && fieldId && t.byId.get(fieldId) ? { fieldName: t.byId.get(fieldId)!.name } : {}) };
  };
}

async function describe(deps: Deps, table: TableMeta, fieldId: string): Promise<FeishuField> {
  const field = table.byId.get(fieldId);
  if (!field) throw fieldIdNotFound(fieldId);
  return toFeishuField(field, {
    isPrimary: fieldId === table.primaryFieldId,
    description: table.descriptions.get(fieldId) ?? null,
    names: await linkNames(deps, table),
  });
}

const fieldIdNotFound = (id: string) =>
  feishuError(FEISHU.FieldIdNotFound, 'FieldIdNotFound', { en: `no field ${id} in this table`, zh: `数据表中不存在字段 ${id}` }, 'not_found');

/** Fields of a table: list (optionally in a view's order), create, full-replacement update, delete. */
export function fieldRoutes(app: FastifyInstance, deps: Deps): void {
  bitableRoute(
    app,
    'meta',
    {
      method: 'GET',
      path: '/apps/:app_token/tables/:table_id/fields',
      scope: 'bitable:readonly',
      params: tableParams,
      query: z.object({ ...pageQuery, view_id: z.string().max(50).optional(), text_field_as_array: queryBool.optional() }),
    },
    async ({ params, query, req }) => {
      const table = await resolveTable(deps, req.ctx, params.app_token, params.table_id);
      const view = query.view_id ? findView(table, query.view_id) : null;
      const order = view?.config.fieldOrder ?? [];
      const fields = [...table.fields].sort((a, b) => rank(order, a.id) - rank(order, b.id));
      const names = await linkNames(deps, table);
      const hidden = new Set(view?.config.hiddenFieldIds ?? []);
      const items = fields.map((f) => ({
        ...toFeishuField(f, { isPrimary: f.id === table.primaryFieldId, description: table.descriptions.get(f.id) ?? null, names }),
        is_hidden: hidden.has(f.id),
      }));
      return paginate(items, pageRequest(query));
    },
  );

  bitableRoute(
    app,
    'meta',
    {
      method: 'POST',
      path: '/apps/:app_token/tables/:table_id/fields',
      scope: 'bitable',
      params: tableParams,
      query: z.object({ client_token: z.string().max(100).optional() }),
      body: feishuFieldDef,
    },
    async ({ params, body, req }) => {
      const table = await resolveTable(deps, req.ctx, params.app_token, params.table_id);
      const created = await createField(deps, req.ctx, table.id, toConcordField(body));
      return { field: await describe(deps, await loadTable(deps.db, table.id), created.id) };
    },
  );

  bitableRoute(
    app,
    'meta',
    { method: 'PUT', path: '/apps/:app_token/tables/:table_id/fields/:field_id', scope: 'bitable', params: fieldParams, body: feishuFieldDef },
    async ({ params, body, req }) => {
      const table = await resolveTable(deps, req.ctx, params.app_token, params.table_id);
      if (!table.byId.has(params.field_id)) throw fieldIdNotFound(params.field_id);
      // Feishu replaces the field outright; values that cannot be converted are cleared rather than refused.
      await updateField(deps, req.ctx, params.field_id, { ...toConcordField(body), confirmLoss: true });
      return { field: await describe(deps, await loadTable(deps.db, table.id), params.field_id) };
    },
  );

  bitableRoute(
    app,
    'meta',
    { method: 'DELETE', path: '/apps/:app_token/tables/:table_id/fields/:field_id', scope: 'bitable', params: fieldParams },
    async ({ params, req }) => {
      const table = await resolveTable(deps, req.ctx, params.app_token, params.table_id);
      if (!table.byId.has(params.field_id)) throw fieldIdNotFound(params.field_id);
      await deleteField(deps, req.ctx, params.field_id);
      return { field_id: params.field_id, deleted: true };
    },
  );
}

/** Position in a view's field order; fields the order does not mention keep their table order after it. */
function rank(order: readonly string[], id: string): number {
  const i = order.indexOf(id);
  return i === -1 ? order.length : i;
}

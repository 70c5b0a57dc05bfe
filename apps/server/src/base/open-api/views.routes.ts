import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ViewConfig, ViewDto } from '@concord/contracts';
import type { FilterCondition, FilterNode } from '@concord/table-engine';
import type { Deps } from '../../platform/deps.ts';
import type { TableMeta } from '../table-meta.ts';
import { createView, deleteView, updateView } from '../view.service.ts';
import { FEISHU, bitableRoute, feishuError } from './feishu-errors.ts';
import { toFilterTree } from './filter-mapping.ts';
import { pageQuery, pageRequest, paginate } from './paging.ts';
import { resolveTable } from './record-io.ts';
import { tableParams } from './tables.routes.ts';

const viewParams = tableParams.extend({ view_id: z.string().min(1).max(50) });

/** A view filter as Feishu writes it: field ids, and each value one string (a JSON array for several values). */
const viewFilterInfo = z.object({
  conjunction: z.enum(['and', 'or']),
  conditions: z.array(z.object({ field_id: z.string().max(64), operator: z.string().max(40), value: z.string().max(10_000).optional() })).max(50),
});

/** The view `view_id` of `table`, or Feishu's ViewIdNotFound. */
export function findView(table: TableMeta, viewId: string): ViewDto {
  const view = table.views.find((v) => v.id === viewId);
  if (!view)
    throw feishuError(FEISHU.ViewIdNotFound, 'ViewIdNotFound', { en: `no view ${viewId} in this table`, zh: `数据表中不存在视图 ${viewId}` }, 'not_found');
  return view;
}

function conditionValue(c: FilterCondition): string[] {
  if (!c.date) return [...c.values];
  switch (c.date.kind) {
    case 'exact':
      return ['ExactDate', String(c.date.at)];
    case 'relative':
      return [c.date.name];
    case 'days':
      return [];
  }
}

/** Concord's filter tree as Feishu's flat view filter; nested groups cannot be expressed and are flagged as omitted. */
function toFilterInfo(filter: FilterNode | null) {
  if (!filter) return undefined;
  const top = filter.kind === 'group' ? filter : { kind: 'group' as const, conjunction: 'and' as const, children: [filter] };
  const conditions = top.children.filter((c): c is FilterCondition => c.kind === 'condition');
  return {
    conjunction: top.conjunction,
    conditions: conditions.map((c) => ({ field_id: c.fieldId, operator: c.operator, value: JSON.stringify(conditionValue(c)) })),
    ...(conditions.length < top.children.length ? { condition_omitted: true } : {}),
  };
}

function fromFilterInfo(info: z.infer<typeof viewFilterInfo>, table: TableMeta): FilterNode | null {
  const conditions = info.conditions.map((c) => {
    const field = table.byId.get(c.field_id);
    if (!field)
      throw feishuError(FEISHU.FieldIdNotFound, 'FieldIdNotFound', { en: `no field ${c.field_id} in this table`, zh: `数据表中不存在字段 ${c.field_id}` });
    return { field_name: field.name, operator: c.operator, value: parseViewValue(c.value) };
  });
  return toFilterTree({ conjunction: info.conjunction, conditions }, table.byName);
}

function parseViewValue(value: string | undefined): string[] {
  if (value === undefined || value === '') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    // a bare value such as "选项1"
  }
  return [value];
}

/** A Concord view as Feishu's view object. */
function toFeishuView(v: ViewDto) {
  const filterInfo = toFilterInfo(v.config.filter);
  return {
    view_id: v.id,
    view_name: v.name,
    view_type: v.type,
    property: { ...(filterInfo ? { filter_info: filterInfo } : {}), hidden_fields: v.config.hiddenFieldIds },
  };
}

const VIEW_TYPES = { grid: 'grid', kanban: 'kanban', gallery: 'gallery', form: 'form' } as const;

/** Views of a table: list, create, get, patch (name, filter, hidden fields), delete. */
export function viewRoutes(app: FastifyInstance, deps: Deps): void {
  bitableRoute(
    app,
    'meta',
    {
      method: 'GET',
      path: '/apps/:app_token/tables/:table_id/views',
      scope: 'bitable:readonly',
      params: tableParams,
      query: z.object({ ...pageQuery, user_id_type: z.string().optional() }),
    },
    async ({ params, query, req }) => {
      const table = await resolveTable(deps, req.ctx, params.app_token, params.table_id);
      return paginate(table.views.map(toFeishuView), pageRequest(query));
    },
  );

  bitableRoute(
    app,
    'meta',
    {
      method: 'POST',
      path: '/apps/:app_token/tables/:table_id/views',
      scope: 'bitable',
      params: tableParams,
      body: z.object({ view_name: z.string().trim().min(1).max(100), view_type: z.string().max(20).optional() }),
    },
    async ({ params, body, req }) => {
      const table = await resolveTable(deps, req.ctx, params.app_token, params.table_id);
      const type = VIEW_TYPES[(body.view_type ?? 'grid') as keyof typeof VIEW_TYPES];
      if (!type)
        throw feishuError(FEISHU.NotSupportFieldOrView, 'NotSupportFieldOrView', {
          en: `view type ${body.view_type} is not supported`,
          zh: `不支持视图类型 ${body.view_type}`,
        });
      return { view: toFeishuView(await createView(deps, req.ctx, table.id, { name: body.view_name, type })) };
    },
  );

  bitableRoute(
    app,
    'meta',
    { method: 'GET', path: '/apps/:app_token/tables/:table_id/views/:view_id', scope: 'bitable:readonly', params: viewParams },
    async ({ params, req }) => {
      const table = await resolveTable(deps, req.ctx, params.app_token, params.table_id);
      return { view: toFeishuView(findView(table, params.view_id)) };
    },
  );

  bitableRoute(
    app,
    'meta',
    {
      method: 'PATCH',
      path: '/apps/:app_token/tables/:table_id/views/:view_id',
      scope: 'bitable',
      params: viewParams,
      body: z.object({
        view_name: z.string().trim().min(1).max(100).optional(),
        property: z
          .object({ filter_info: viewFilterInfo.nullable().optional(), hidden_fields: z.array(z.string().max(64)).max(300).optional() })
          .passthrough()
          .optional(),
      }),
    },
    async ({ params, body, req }) => {
      const table = await resolveTable(deps, req.ctx, params.app_token, params.table_id);
      findView(table, params.view_id);
      const config: Partial<ViewConfig> = {};
      const p = body.property;
      if (p?.filter_info !== undefined) config.filter = p.filter_info ? fromFilterInfo(p.filter_info, table) : null;
      if (p?.hidden_fields) config.hiddenFieldIds = p.hidden_fields;
      const view = await updateView(deps, req.ctx, params.view_id, { ...(body.view_name ? { name: body.view_name } : {}), config });
      return { view: toFeishuView(view) };
    },
  );

  bitableRoute(
    app,
    'meta',
    { method: 'DELETE', path: '/apps/:app_token/tables/:table_id/views/:view_id', scope: 'bitable', params: viewParams },
    async ({ params, req }) => {
      const table = await resolveTable(deps, req.ctx, params.app_token, params.table_id);
      findView(table, params.view_id);
      await deleteView(deps, req.ctx, params.view_id);
      return {};
    },
  );
}

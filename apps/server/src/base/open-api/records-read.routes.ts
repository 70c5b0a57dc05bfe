import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/http/actor.ts';
import { getRecords, queryRecords, recordNotFound, type RecordQuery } from '../record.service.ts';
import type { TableMeta } from '../table-meta.ts';
import { FEISHU, bitableRoute, feishuError } from './feishu-errors.ts';
import { feishuFilter, feishuSort, parseLegacySort, toFilterTree, toSortSpecs } from './filter-mapping.ts';
import { pageQuery, pageRequest, queryBool, toPage, type PageRequest } from './paging.ts';
import { formulaToFilter } from './formula-filter.ts';
import { fieldIdsOf, resolveTable, toFeishuRecords, type RecordOutput } from './record-io.ts';
import { tableParams } from './tables.routes.ts';
import { findView } from './views.routes.ts';

export const recordParams = tableParams.extend({ record_id: z.string().min(1).max(64) });
const userIdType = z.enum(['open_id', 'union_id', 'user_id']).optional();

async function page(deps: Deps, ctx: RequestContext, table: TableMeta, q: Omit<RecordQuery, 'offset' | 'limit'>, req: PageRequest, out: RecordOutput) {
  const res = await queryRecords(deps, ctx, table.id, { ...q, offset: req.offset, limit: req.limit });
  return toPage(await toFeishuRecords(deps, table, res.items, out), req, res.total);
}

/** The legacy list's `field_names` query: a JSON array of names. */
function parseFieldNames(raw: string | undefined): string[] | undefined {
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.every((n) => typeof n === 'string')) return parsed as string[];
  } catch {
    // reported below
  }
  throw feishuError(FEISHU.InvalidFieldNames, 'InvalidFieldNames', {
    en: 'field_names must be a JSON array of names',
    zh: 'field_names 须为字段名数组的 JSON',
  });
}

/** Reading records: legacy list, search (typed filter), get one, batch get. */
export function recordReadRoutes(app: FastifyInstance, deps: Deps): void {
  bitableRoute(
    app,
    'record',
    {
      method: 'GET',
      path: '/apps/:app_token/tables/:table_id/records',
      scope: 'bitable:readonly',
      params: tableParams,
      query: z.object({
        ...pageQuery,
        view_id: z.string().max(50).optional(),
        filter: z.string().max(2000).optional(),
        sort: z.string().max(1000).optional(),
        field_names: z.string().max(20_000).optional(),
        text_field_as_array: queryBool.optional(),
        automatic_fields: queryBool.optional(),
        display_formula_ref: queryBool.optional(),
        user_id_type: userIdType,
      }),
    },
    async ({ params, query, req }) => {
      const table = await resolveTable(deps, req.ctx, params.app_token, params.table_id);
      const view = query.view_id ? findView(table, query.view_id) : undefined;
      // A formula filter replaces the view's filter; the view still orders the records unless `sort` is given.
      const filter = query.filter ? formulaToFilter(query.filter, table.byName) : view ? undefined : null;
      const sort = parseLegacySort(query.sort, table.byName);
      const fieldIds = fieldIdsOf(table, parseFieldNames(query.field_names));
      return page(
        deps,
        req.ctx,
        table,
        {
          ...(view ? { viewId: view.id } : {}),
          ...(filter !== undefined ? { filter } : {}),
          ...(sort.length ? { sort } : {}),
          ...(fieldIds ? { fieldIds } : {}),
        },
        pageRequest(query),
        { text: query.text_field_as_array ? 'segments' : 'plain', links: 'read', automatic: query.automatic_fields ?? false },
      );
    },
  );

  bitableRoute(
    app,
    'record',
    {
      method: 'POST',
      path: '/apps/:app_token/tables/:table_id/records/search',
      scope: 'bitable:readonly',
      params: tableParams,
      query: z.object({ ...pageQuery, user_id_type: userIdType }),
      body: z.object({
        view_id: z.string().max(50).optional(),
        field_names: z.array(z.string().max(1000)).max(200).optional(),
        sort: feishuSort.optional(),
        filter: feishuFilter.nullable().optional(),
        automatic_fields: z.boolean().optional(),
      }),
    },
    async ({ params, query, body, req }) => {
      const table = await resolveTable(deps, req.ctx, params.app_token, params.table_id);
      const filter = toFilterTree(body.filter, table.byName);
      const sort = toSortSpecs(body.sort, table.byName);
      // As on Feishu, a filter or sort in the request replaces the view: the whole table is searched.
      const useView = !filter && sort.length === 0 && body.view_id;
      const view = useView ? findView(table, body.view_id!) : undefined;
      const fieldIds = fieldIdsOf(table, body.field_names);
      return page(deps, req.ctx, table, { ...(view ? { viewId: view.id } : { filter, sort }), ...(fieldIds ? { fieldIds } : {}) }, pageRequest(query), {
        text: 'segments',
        links: 'read',
        automatic: body.automatic_fields ?? false,
      });
    },
  );

  bitableRoute(
    app,
    'record',
    {
      method: 'GET',
      path: '/apps/:app_token/tables/:table_id/records/:record_id',
      scope: 'bitable:readonly',
      params: recordParams,
      query: z.object({ text_field_as_array: queryBool.optional(), automatic_fields: queryBool.optional(), user_id_type: userIdType }).passthrough(),
    },
    async ({ params, query, req }) => {
      const table = await resolveTable(deps, req.ctx, params.app_token, params.table_id);
      const [rec] = await getRecords(deps, req.ctx, table.id, [params.record_id]);
      if (!rec) throw recordNotFound(params.record_id);
      const [record] = await toFeishuRecords(deps, table, [rec], {
        text: query.text_field_as_array ? 'segments' : 'plain',
        links: 'read',
        automatic: query.automatic_fields ?? false,
      });
      return { record };
    },
  );

  bitableRoute(
    app,
    'batchGet',
    {
      method: 'POST',
      path: '/apps/:app_token/tables/:table_id/records/batch_get',
      scope: 'bitable:readonly',
      params: tableParams,
      body: z.object({
        record_ids: z.array(z.string().min(1).max(64)).min(1).max(100),
        user_id_type: userIdType,
        with_shared_url: z.boolean().optional(),
        automatic_fields: z.boolean().optional(),
      }),
    },
    async ({ params, body, req }) => {
      const table = await resolveTable(deps, req.ctx, params.app_token, params.table_id);
      const found = await getRecords(deps, req.ctx, table.id, [...new Set(body.record_ids)]);
      const byId = new Map(found.map((r) => [r.id, r]));
      const ordered = body.record_ids.filter((id, i) => byId.has(id) && body.record_ids.indexOf(id) === i).map((id) => byId.get(id)!);
      return {
        records: await toFeishuRecords(deps, table, ordered, { text: 'segments', links: 'read', automatic: body.automatic_fields ?? false }),
        forbidden_record_ids: [],
        absent_record_ids: body.record_ids.filter((id) => !byId.has(id)),
      };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/http/actor.ts';
import { createRecords, deleteRecords, updateRecords } from '../record.service.ts';
import type { TableMeta } from '../table-meta.ts';
import { FEISHU, bitableRoute, feishuError } from './feishu-errors.ts';
import { resolveTable, toConcordInputs, toConversionFailure, toFeishuRecords, type FeishuRecord } from './record-io.ts';
import { recordParams } from './records-read.routes.ts';
import { tableParams } from './tables.routes.ts';

/** Feishu's per-request limits (batch_create/batch_update 1,000; batch_delete 500). */
export const MAX_WRITE = 1000;
export const MAX_DELETE = 500;

const fields = z.record(z.string(), z.unknown());
const recordId = z.string().min(1).max(64);
/** Query parameters of record writes: accepted; `client_token` must be a UUIDv4 as on Feishu, but writes are not deduplicated by it. */
const writeQuery = z
  .object({
    user_id_type: z.string().optional(),
    client_token: z.string().max(100).optional(),
    ignore_consistency_check: z.string().optional(),
    /** Concord extension: check new records against the table's duplicate rule (docs/dedup.md). */
    on_duplicate: z.enum(['ignore', 'flag', 'refuse']).optional(),
  })
  .passthrough();

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
function checkClientToken(token: string | undefined): void {
  if (token !== undefined && !UUID_V4.test(token))
    throw feishuError(FEISHU.InvalidClientToken, 'InvalidClientToken', { en: 'client_token must be a UUIDv4', zh: 'client_token 须为 UUIDv4 格式' });
}

function checkCount(n: number, max: number): void {
  if (n > max)
    throw feishuError(FEISHU.RecordAddOnceExceedLimit, 'RecordAddOnceExceedLimit', {
      en: `at most ${max} records per request, got ${n}`,
      zh: `单次最多 ${max} 条记录，收到 ${n} 条`,
    });
}

/** Write responses echo Feishu's write shapes: plain text, links as id lists. */
const echo = (deps: Deps, table: TableMeta, recs: Parameters<typeof toFeishuRecords>[2]): Promise<FeishuRecord[]> =>
  toFeishuRecords(deps, table, recs, { text: 'plain', links: 'write', automatic: false });

async function create(
  deps: Deps,
  ctx: RequestContext,
  appToken: string,
  tableId: string,
  records: Record<string, unknown>[],
  onDuplicate: 'ignore' | 'flag' | 'refuse' = 'ignore',
) {
  const { table, inputs } = await toConcordInputs(deps, ctx, await resolveTable(deps, ctx, appToken, tableId), records);
  const created = await createRecords(deps, ctx, table.id, inputs, onDuplicate).catch((e: unknown) => {
    throw toConversionFailure(e, table);
  });
  return echo(deps, table, created);
}

async function update(deps: Deps, ctx: RequestContext, appToken: string, tableId: string, records: { record_id: string; fields: Record<string, unknown> }[]) {
  const { table, inputs } = await toConcordInputs(
    deps,
    ctx,
    await resolveTable(deps, ctx, appToken, tableId),
    records.map((r) => r.fields),
  );
  const updated = await updateRecords(
    deps,
    ctx,
    table.id,
    records.map((r, i) => ({ id: r.record_id, fields: inputs[i]! })),
  ).catch((e: unknown) => {
    throw toConversionFailure(e, table);
  });
  return echo(deps, table, updated);
}

async function remove(deps: Deps, ctx: RequestContext, appToken: string, tableId: string, ids: string[]) {
  const table = await resolveTable(deps, ctx, appToken, tableId);
  return deleteRecords(deps, ctx, table.id, [...new Set(ids)]);
}

/** Writing records by field name: create, batch create, update, batch update, delete, batch delete. All or nothing. */
export function recordWriteRoutes(app: FastifyInstance, deps: Deps): void {
  const path = '/apps/:app_token/tables/:table_id/records';

  bitableRoute(
    app,
    'record',
    { method: 'POST', path, scope: 'bitable', params: tableParams, query: writeQuery, body: z.object({ fields }) },
    async ({ params, query, body, req }) => {
      checkClientToken(query.client_token);
      const [record] = await create(deps, req.ctx, params.app_token, params.table_id, [body.fields], query.on_duplicate);
      return { record };
    },
  );

  bitableRoute(
    app,
    'record',
    {
      method: 'POST',
      path: `${path}/batch_create`,
      scope: 'bitable',
      params: tableParams,
      query: writeQuery,
      body: z.object({ records: z.array(z.object({ fields })).min(1) }),
    },
    async ({ params, query, body, req }) => {
      checkClientToken(query.client_token);
      checkCount(body.records.length, MAX_WRITE);
      return {
        records: await create(
          deps,
          req.ctx,
          params.app_token,
          params.table_id,
          body.records.map((r) => r.fields),
          query.on_duplicate,
        ),
      };
    },
  );

  bitableRoute(
    app,
    'record',
    { method: 'PUT', path: `${path}/:record_id`, scope: 'bitable', params: recordParams, query: writeQuery, body: z.object({ fields }) },
    async ({ params, body, req }) => {
      const [record] = await update(deps, req.ctx, params.app_token, params.table_id, [{ record_id: params.record_id, fields: body.fields }]);
      return { record };
    },
  );

  bitableRoute(
    app,
    'record',
    {
      method: 'POST',
      path: `${path}/batch_update`,
      scope: 'bitable',
      params: tableParams,
      query: writeQuery,
      body: z.object({ records: z.array(z.object({ record_id: recordId, fields })).min(1) }),
    },
    async ({ params, query, body, req }) => {
      checkClientToken(query.client_token);
      checkCount(body.records.length, MAX_WRITE);
      return { records: await update(deps, req.ctx, params.app_token, params.table_id, body.records) };
    },
  );

  bitableRoute(app, 'record', { method: 'DELETE', path: `${path}/:record_id`, scope: 'bitable', params: recordParams }, async ({ params, req }) => {
    await remove(deps, req.ctx, params.app_token, params.table_id, [params.record_id]);
    return { deleted: true, record_id: params.record_id };
  });

  bitableRoute(
    app,
    'record',
    {
      method: 'POST',
      path: `${path}/batch_delete`,
      scope: 'bitable',
      params: tableParams,
      query: writeQuery,
      body: z.object({ records: z.array(recordId).min(1) }),
    },
    async ({ params, body, req }) => {
      checkCount(body.records.length, MAX_DELETE);
      await remove(deps, req.ctx, params.app_token, params.table_id, body.records);
      return { records: body.records.map((id) => ({ deleted: true, record_id: id })) };
    },
  );
}

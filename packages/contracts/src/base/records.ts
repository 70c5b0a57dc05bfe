import { z } from 'zod';
import { filterNode, sortSpec } from '@concord/table-engine';
import { defineRoute } from '../http.ts';
import { id, isoDateTime } from '../common.ts';

/** A record keyed by field id. Values use the API shape of each field type (see docs/base-values.md). */
export const recordDto = z.object({
  id,
  fields: z.record(z.string(), z.unknown()),
  /** Server-assigned; send it back on update to detect a concurrent edit. */
  version: z.number().int(),
  seq: z.number().int(),
  createdAt: isoDateTime,
  createdBy: z.string().nullable(),
  updatedAt: isoDateTime,
  updatedBy: z.string().nullable(),
});
export type RecordDto = z.infer<typeof recordDto>;

export const MAX_BATCH = 1000;
/** Longest group key a page request may name in `groupSpans` (a group by long text goes without spans). */
export const MAX_GROUP_SPAN_KEY = 20_000;

export const queryRecords = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/records/query',
  access: 'user',
  params: z.object({ tableId: id }),
  body: z.object({
    viewId: id.optional(),
    /** Replaces the view's filter when given. */
    filter: filterNode.nullable().optional(),
    sort: z.array(sortSpec).max(10).optional(),
    /** Records come grouped by these first (the view's grouping unless given), as `queryRecordGroups` counts them. */
    groupBy: z.array(sortSpec).max(3).optional(),
    /**
     * With `groupBy`: the innermost groups (from `queryRecordGroups` for the same query) that rows offset … offset +
     * limit - 1 fall in, in order. The server then reads each group by its value instead of ordering and skipping the
     * whole table (fast deep pages); the rows are the same while the groups are current.
     */
    groupSpans: z
      .array(z.object({ key: z.string().max(MAX_GROUP_SPAN_KEY), start: z.number().int().min(0), count: z.number().int().min(0) }))
      .max(1000)
      .optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
    fieldIds: z.array(id).max(500).optional(),
    /** Set false on later pages of the same query to skip counting (`total` is then -1). */
    withTotal: z.boolean().default(true),
  }),
  output: z.object({ items: z.array(recordDto), total: z.number().int(), offset: z.number().int() }),
});

export const getRecord = defineRoute({
  method: 'get',
  path: '/base/tables/:tableId/records/:recordId',
  access: 'user',
  params: z.object({ tableId: id, recordId: id }),
  output: recordDto,
});

/** Where records go in the table's manual order (unsorted views): right before or right after another record. */
export const recordAnchor = z.object({ recordId: id, side: z.enum(['before', 'after']) });
export type RecordAnchor = z.infer<typeof recordAnchor>;

export const createRecords = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/records',
  access: 'user',
  params: z.object({ tableId: id }),
  body: z.object({
    records: z
      .array(z.object({ fields: z.record(z.string(), z.unknown()) }))
      .min(1)
      .max(MAX_BATCH),
    /** With a duplicate rule: `refuse` blocks records above the high threshold (409) and flags those between; `flag` only flags. */
    onDuplicate: z.enum(['ignore', 'flag', 'refuse']).default('ignore'),
    /** Insert the records, in the order given, next to this record ("Insert above/below"); at the end without it. */
    anchor: recordAnchor.optional(),
  }),
  output: z.object({ items: z.array(recordDto) }),
  status: 201,
});

/** Moves records, in the order given, next to another record in the table's manual order (drag to reorder). */
export const moveRecords = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/records/move',
  access: 'user',
  params: z.object({ tableId: id }),
  body: z.object({ ids: z.array(id).min(1).max(500), anchor: recordAnchor }),
  output: z.object({ moved: z.array(id) }),
});

export const updateRecords = defineRoute({
  method: 'patch',
  path: '/base/tables/:tableId/records',
  access: 'user',
  params: z.object({ tableId: id }),
  body: z.object({
    records: z
      .array(z.object({ id, fields: z.record(z.string(), z.unknown()), version: z.number().int().optional() }))
      .min(1)
      .max(MAX_BATCH),
  }),
  output: z.object({ items: z.array(recordDto) }),
});

export const deleteRecords = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/records/delete',
  access: 'user',
  params: z.object({ tableId: id }),
  body: z.object({ ids: z.array(id).min(1).max(500) }),
  output: z.object({ deleted: z.array(id) }),
});

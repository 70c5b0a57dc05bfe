import { z } from 'zod';
import { filterNode, sortSpec } from '@concord/table-engine';
import { defineRoute } from '../http.ts';
import { id } from '../common.ts';

/** At most this many innermost groups; more (grouping by a near-unique field) answers `truncated` and no groups. */
export const MAX_RECORD_GROUPS = 5000;

/**
 * One group header of a grouped view, in display order (a parent comes before its children). The group's records are
 * rows `start … start + count - 1` of the same query paged with the same `groupBy` (records come in group order).
 */
export const recordGroupDto = z.object({
  /** 0 for the outermost grouping field, up to 2. */
  depth: z.number().int().min(0).max(2),
  /** Identifies the group within its parents across refetches (keeps collapsed groups collapsed). */
  key: z.string(),
  fieldId: id,
  /** The group's value in the field's API shape; null for the "empty" group. */
  value: z.unknown(),
  count: z.number().int().min(0),
  start: z.number().int().min(0),
});
export type RecordGroupDto = z.infer<typeof recordGroupDto>;

export const queryRecordGroups = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/records/groups',
  access: 'user',
  params: z.object({ tableId: id }),
  body: z.object({
    viewId: id.optional(),
    /** Replaces the view's filter when given. */
    filter: filterNode.nullable().optional(),
    /** Replaces the view's grouping when given (up to three levels). */
    groupBy: z.array(sortSpec).max(3).optional(),
  }),
  output: z.object({ groups: z.array(recordGroupDto), total: z.number().int(), truncated: z.boolean() }),
});

import { queryRecords } from '@concord/contracts';
import type { FilterNode, SortSpec } from '@concord/table-engine';
import { api } from '../../../lib/api-client.ts';
import type { GroupSpan } from '../utils/group-spans.ts';

export interface RecordQuery {
  tableId: string;
  viewId?: string;
  filter?: FilterNode | null;
  sort?: SortSpec[];
  /** Grouped grids page records in group order. */
  groupBy?: SortSpec[];
  fieldIds?: string[];
}

/**
 * One page of a table's records by offset. The grid's page cache calls it for the window on screen (see
 * utils/record-page-cache.ts, which owns the caching instead of TanStack Query: pages are dropped by distance). A grouped
 * grid passes the groups the page overlaps (utils/group-spans.ts), which makes deep pages fast.
 */
export function fetchRecordPage(q: RecordQuery, offset: number, limit: number, withTotal = true, groupSpans?: GroupSpan[]) {
  return api(queryRecords, {
    params: { tableId: q.tableId },
    body: { viewId: q.viewId, filter: q.filter, sort: q.sort, groupBy: q.groupBy, fieldIds: q.fieldIds, offset, limit, withTotal, groupSpans },
  });
}

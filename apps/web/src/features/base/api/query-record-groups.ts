import { useQuery } from '@tanstack/react-query';
import { queryRecordGroups } from '@concord/contracts';
import type { FilterNode, SortSpec } from '@concord/table-engine';
import { api } from '../../../lib/api-client.ts';

export interface GroupQuery {
  tableId: string;
  viewId?: string;
  filter: FilterNode | null;
  groupBy: SortSpec[];
}

/**
 * The group headers of a grouped grid (counts and where each group's records start), refetched whenever the record
 * query starts over (`resets`: creates, deletes, others' edits). The previous answer stays on screen meanwhile.
 */
export function useRecordGroups(q: GroupQuery, resets: number) {
  const key = JSON.stringify(q);
  return useQuery({
    queryKey: ['base', 'groups', q.tableId, key, resets],
    queryFn: () => api(queryRecordGroups, { params: { tableId: q.tableId }, body: { viewId: q.viewId, filter: q.filter, groupBy: q.groupBy } }),
    enabled: q.groupBy.length > 0,
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3] === key ? previous : undefined),
  });
}

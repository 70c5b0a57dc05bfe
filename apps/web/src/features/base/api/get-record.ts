import { queryOptions, useQuery } from '@tanstack/react-query';
import { getRecord } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

export const recordQueryOptions = (tableId: string, recordId: string) =>
  queryOptions({ queryKey: baseKeys.record(tableId, recordId), queryFn: () => api(getRecord, { params: { tableId, recordId } }) });

/** One record, for the expanded record panel. */
export function useRecord(tableId: string, recordId: string) {
  return useQuery(recordQueryOptions(tableId, recordId));
}

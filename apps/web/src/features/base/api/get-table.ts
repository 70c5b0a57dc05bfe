import { queryOptions, useQuery } from '@tanstack/react-query';
import { getTable } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

export const tableQueryOptions = (tableId: string) =>
  queryOptions({ queryKey: baseKeys.table(tableId), queryFn: () => api(getTable, { params: { tableId } }) });

/** A table's fields and views. */
export function useTable(tableId: string | undefined) {
  return useQuery({ ...tableQueryOptions(tableId ?? ''), enabled: !!tableId });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { listDepartments } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export function departmentsQueryOptions(includeInactive = false) {
  return queryOptions({
    queryKey: orgKeys.departments(includeInactive),
    queryFn: async () => (await api(listDepartments, { query: { includeInactive: includeInactive ? 'true' : undefined } })).items,
  });
}

/** The whole department tree as a flat list (parent then order). */
export function useDepartments(includeInactive = false) {
  return useQuery(departmentsQueryOptions(includeInactive));
}

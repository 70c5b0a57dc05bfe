import { useQuery } from '@tanstack/react-query';
import { listDepartments } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

/** Every active department, for department cells. */
export function useDepartments(enabled = true) {
  return useQuery({ queryKey: baseKeys.departments, queryFn: async () => (await api(listDepartments, { query: {} })).items, staleTime: 60_000, enabled });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { listApps } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export const appsQueryOptions = queryOptions({ queryKey: orgKeys.apps, queryFn: async () => (await api(listApps, {})).items });

export function useApps() {
  return useQuery(appsQueryOptions);
}

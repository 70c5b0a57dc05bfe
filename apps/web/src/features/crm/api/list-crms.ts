import { queryOptions, useQuery } from '@tanstack/react-query';
import { listCrms } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';

export const crmKeys = { all: ['crm', 'apps'] as const };

export const crmsQueryOptions = () => queryOptions({ queryKey: crmKeys.all, queryFn: async () => (await api(listCrms, {})).items });

/** The CRMs the signed-in person can open, oldest first. */
export function useCrms() {
  return useQuery(crmsQueryOptions());
}

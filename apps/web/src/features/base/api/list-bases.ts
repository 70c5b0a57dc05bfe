import { queryOptions, useQuery } from '@tanstack/react-query';
import { listBases } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

export const basesQueryOptions = () => queryOptions({ queryKey: baseKeys.bases, queryFn: async () => (await api(listBases, {})).items });

/** The bases the signed-in person is a member of. */
export function useBases() {
  return useQuery(basesQueryOptions());
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { getBase } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

export const baseQueryOptions = (baseId: string) => queryOptions({ queryKey: baseKeys.base(baseId), queryFn: () => api(getBase, { params: { baseId } }) });

/** A base with its table list and the caller's role. */
export function useBase(baseId: string) {
  return useQuery(baseQueryOptions(baseId));
}

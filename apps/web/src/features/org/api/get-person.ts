import { queryOptions, useQuery } from '@tanstack/react-query';
import { getPerson, type PersonDto } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export function personQueryOptions(id: string) {
  return queryOptions({ queryKey: orgKeys.person(id), queryFn: () => api(getPerson, { params: { id } }) });
}

/** One person; `initial` (a row from a list) shows at once while the full record loads. */
export function usePerson(id: string | null, initial?: PersonDto) {
  return useQuery({ ...personQueryOptions(id ?? ''), enabled: !!id, placeholderData: initial });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { listTokens } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export const tokensQueryOptions = queryOptions({ queryKey: orgKeys.tokens, queryFn: async () => (await api(listTokens, {})).items });

/** The signed-in user's personal API tokens (never the secrets). */
export function useTokens() {
  return useQuery(tokensQueryOptions);
}

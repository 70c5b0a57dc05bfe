import { queryOptions, useQuery } from '@tanstack/react-query';
import { me, type RouteOutput } from '@concord/contracts';
import { api, setCsrfToken } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export type Session = RouteOutput<typeof me>;

export const meQueryOptions = queryOptions({
  queryKey: orgKeys.session,
  queryFn: async (): Promise<Session> => {
    const res = await api(me, {});
    setCsrfToken(res.csrfToken);
    return res;
  },
  staleTime: 5 * 60_000,
});

/** Who is signed in (null when nobody), and whether the instance still needs its first administrator. */
export function useMe() {
  return useQuery(meQueryOptions);
}

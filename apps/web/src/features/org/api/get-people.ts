import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { listPeople } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys, type PeopleFilter } from './query-keys.ts';

const PAGE_SIZE = 50;

export function peopleQueryOptions(filter: PeopleFilter) {
  return infiniteQueryOptions({
    queryKey: orgKeys.people(filter),
    queryFn: ({ pageParam }) =>
      api(listPeople, {
        query: {
          q: filter.q || undefined,
          departmentId: filter.departmentId ?? undefined,
          includeInactive: filter.includeInactive ? 'true' : undefined,
          pageSize: PAGE_SIZE,
          pageToken: pageParam,
        },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken ?? undefined,
  });
}

/**
 * People matching a server-side search (name in 汉字, pinyin or initials, email, phone) within a department subtree, page by page.
 * @example const { data } = usePeople({ q: 'zw', departmentId: null, includeInactive: false })
 */
export function usePeople(filter: PeopleFilter, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...peopleQueryOptions(filter), placeholderData: (prev) => prev, enabled: options.enabled ?? true });
}

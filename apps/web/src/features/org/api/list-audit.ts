import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { listAudit } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

const PAGE_SIZE = 100;

export function auditQueryOptions(action: string) {
  return infiniteQueryOptions({
    queryKey: orgKeys.audit(action),
    queryFn: ({ pageParam }) => api(listAudit, { query: { pageSize: PAGE_SIZE, before: pageParam, action: action || undefined } }),
    initialPageParam: undefined as number | undefined,
    // Newest first: the next page is everything before the oldest entry shown.
    getNextPageParam: (last) => {
      const token = Number(last.nextPageToken);
      if (last.nextPageToken && Number.isInteger(token)) return token;
      return last.items.length < PAGE_SIZE ? undefined : last.items[last.items.length - 1]?.id;
    },
  });
}

/** The audit log, newest first, optionally filtered by action (e.g. `auth.login`). */
export function useAudit(action: string) {
  return useInfiniteQuery({ ...auditQueryOptions(action), placeholderData: (prev) => prev });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { listNotifications } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { notifyKeys } from './query-keys.ts';

const PAGE = 30;

export const inboxQueryOptions = queryOptions({
  queryKey: notifyKeys.inbox,
  queryFn: () => api(listNotifications, { query: { limit: PAGE } }),
});

/** The newest notifications of the signed-in person (fetched while the panel is open). */
export function useInbox(options: { enabled: boolean }) {
  return useQuery({ ...inboxQueryOptions, enabled: options.enabled });
}

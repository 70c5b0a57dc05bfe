import { queryOptions, useQuery } from '@tanstack/react-query';
import { getUnreadCount } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { notifyKeys } from './query-keys.ts';

export const unreadCountQueryOptions = queryOptions({
  queryKey: notifyKeys.unread,
  queryFn: async () => (await api(getUnreadCount, {})).unreadCount,
});

/** The number on the bell; kept fresh by realtime events, not polling. */
export function useUnreadCount() {
  return useQuery(unreadCountQueryOptions);
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { markNotificationsRead, type RouteInput } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { notifyKeys } from './query-keys.ts';

export type MarkReadInput = NonNullable<RouteInput<typeof markNotificationsRead>['body']>;

/** Marks some (or all) of my notifications read; the badge takes the server's new count at once. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkReadInput) => api(markNotificationsRead, { body }),
    onSuccess: (res) => {
      queryClient.setQueryData(notifyKeys.unread, res.unreadCount);
      void queryClient.invalidateQueries({ queryKey: notifyKeys.inbox });
    },
  });
}

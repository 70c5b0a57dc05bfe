import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateNotificationSettings, type NotificationPreference } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { notifyKeys } from './query-keys.ts';

/** Saves one or more kinds' preferences and keeps the server's full answer. */
export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kinds: NotificationPreference[]) => api(updateNotificationSettings, { body: { kinds } }),
    onSuccess: (settings) => queryClient.setQueryData(notifyKeys.settings, settings),
  });
}

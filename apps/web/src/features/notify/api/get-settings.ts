import { queryOptions, useQuery } from '@tanstack/react-query';
import { getNotificationSettings } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { notifyKeys } from './query-keys.ts';

export const settingsQueryOptions = queryOptions({
  queryKey: notifyKeys.settings,
  queryFn: () => api(getNotificationSettings, {}),
});

/** My preference (in-app, email) for every kind of notification. */
export function useNotificationSettings() {
  return useQuery(settingsQueryOptions);
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateMyPreferences, type RouteInput, type RouteOutput } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';
import type { Session } from './get-me.ts';

export type PreferencesInput = NonNullable<RouteInput<typeof updateMyPreferences>['body']>;

/** Saves the signed-in user's language or time zone. */
export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesInput) => api(updateMyPreferences, { body }),
    onSuccess: (user: RouteOutput<typeof updateMyPreferences>) => {
      queryClient.setQueryData<Session>(orgKeys.session, (old) => (old ? { ...old, user } : old));
    },
  });
}

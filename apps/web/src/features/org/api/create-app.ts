import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createApp, type RouteInput } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export type CreateAppInput = NonNullable<RouteInput<typeof createApp>['body']>;

/** Creates an Open Platform app; the answer carries the secret, shown once. */
export function useCreateApp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAppInput) => api(createApp, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.apps }),
  });
}

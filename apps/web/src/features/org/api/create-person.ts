import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createPerson, type RouteInput } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export type CreatePersonInput = NonNullable<RouteInput<typeof createPerson>['body']>;

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePersonInput) => api(createPerson, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

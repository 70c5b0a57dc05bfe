import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createDepartment, type RouteInput } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export type CreateDepartmentInput = NonNullable<RouteInput<typeof createDepartment>['body']>;

export function useCreateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDepartmentInput) => api(createDepartment, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

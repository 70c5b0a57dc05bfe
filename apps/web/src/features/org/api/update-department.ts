import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateDepartment, type RouteInput } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export type UpdateDepartmentInput = NonNullable<RouteInput<typeof updateDepartment>['body']>;

/** Rename, move (parentId), change head, deactivate or reactivate a department. */
export function useUpdateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateDepartmentInput }) => api(updateDepartment, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updatePerson, type RouteInput } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export type UpdatePersonInput = NonNullable<RouteInput<typeof updatePerson>['body']>;

/** Edit, move between departments, deactivate or reactivate a person. */
export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePersonInput }) => api(updatePerson, { params: { id }, body }),
    onSuccess: (person) => {
      queryClient.setQueryData(orgKeys.person(person.id), person);
      return queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}

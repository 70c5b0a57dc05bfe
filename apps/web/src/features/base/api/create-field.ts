import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createField, type FieldInput } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

export function useCreateField(tableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FieldInput) => api(createField, { params: { tableId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: baseKeys.table(tableId) }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteField } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

export function useDeleteField(tableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fieldId: string) => api(deleteField, { params: { fieldId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: baseKeys.table(tableId) }),
  });
}

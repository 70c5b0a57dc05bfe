import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteView } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

export function useDeleteView(tableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (viewId: string) => api(deleteView, { params: { viewId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: baseKeys.table(tableId) }),
  });
}

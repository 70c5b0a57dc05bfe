import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteTable } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

export function useDeleteTable(baseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tableId: string) => api(deleteTable, { params: { tableId } }),
    onSuccess: (_ok, tableId) => {
      queryClient.removeQueries({ queryKey: baseKeys.table(tableId) });
      return queryClient.invalidateQueries({ queryKey: baseKeys.base(baseId) });
    },
  });
}

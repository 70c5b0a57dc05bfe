import { useMutation, useQueryClient } from '@tanstack/react-query';
import { renameTable } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

export function useRenameTable(baseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tableId, name }: { tableId: string; name: string }) => api(renameTable, { params: { tableId }, body: { name } }),
    onSuccess: (table) => {
      queryClient.setQueryData(baseKeys.table(table.id), table);
      return queryClient.invalidateQueries({ queryKey: baseKeys.base(baseId) });
    },
  });
}

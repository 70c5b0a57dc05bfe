import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createTable } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

export function useCreateTable(baseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api(createTable, { params: { baseId }, body: { name } }),
    onSuccess: (table) => {
      queryClient.setQueryData(baseKeys.table(table.id), table);
      return queryClient.invalidateQueries({ queryKey: baseKeys.base(baseId) });
    },
  });
}

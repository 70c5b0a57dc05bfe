import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createView, type TableDto, type ViewConfig, type ViewDto } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

export function useCreateView(tableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, type = 'grid', config }: { name: string; type?: ViewDto['type']; config?: Partial<ViewConfig> }) =>
      api(createView, { params: { tableId }, body: { name, type, config } }),
    onSuccess: (view) => {
      queryClient.setQueryData<TableDto>(baseKeys.table(tableId), (t) =>
        t && !t.views.some((v) => v.id === view.id) ? { ...t, views: [...t.views, view] } : t,
      );
      return queryClient.invalidateQueries({ queryKey: baseKeys.table(tableId) });
    },
  });
}

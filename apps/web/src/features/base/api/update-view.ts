import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateView, type TableDto, type ViewConfig } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

export interface UpdateViewVars {
  viewId: string;
  name?: string;
  config?: Partial<ViewConfig>;
}

/** Renames a view or saves some of its settings; the table cache shows the change at once (column widths, order). */
export function useUpdateView(tableId: string) {
  const queryClient = useQueryClient();
  const key = baseKeys.table(tableId);
  return useMutation({
    mutationFn: ({ viewId, name, config }: UpdateViewVars) => api(updateView, { params: { viewId }, body: { name, config } }),
    onMutate: async ({ viewId, name, config }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<TableDto>(key);
      queryClient.setQueryData<TableDto>(key, (t) =>
        t ? { ...t, views: t.views.map((v) => (v.id === viewId ? { ...v, name: name ?? v.name, config: { ...v.config, ...config } } : v)) } : t,
      );
      return { before };
    },
    onError: (_err, _vars, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

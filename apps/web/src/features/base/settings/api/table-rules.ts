import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getTableRules, setTableRules, type TableRule } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { baseKeys } from '../../api/query-keys.ts';
import { settingsKeys } from './settings-keys.ts';

/** A table's per-role rules (owners only). */
export function useTableRules(tableId: string) {
  return useQuery({ queryKey: settingsKeys.rules(tableId), queryFn: () => api(getTableRules, { params: { tableId } }).then((r) => r.rules) });
}

/** Replaces all of a table's rules at once. */
export function useSetTableRules(tableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: TableRule[]) => api(setTableRules, { params: { tableId }, body: { rules } }),
    onSuccess: (res) => {
      queryClient.setQueryData(settingsKeys.rules(tableId), res.rules);
      void queryClient.invalidateQueries({ queryKey: baseKeys.table(tableId) });
    },
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getDedupRule, setDedupRule, type DedupRuleDto } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { dedupKeys } from './dedup-keys.ts';

/** The table's duplicate rule (null when none is set). */
export function useDedupRule(tableId: string) {
  return useQuery({ queryKey: dedupKeys.rule(tableId), queryFn: () => api(getDedupRule, { params: { tableId } }) });
}

/** Saves (or clears with null) the rule; the server re-keys existing records and says how many. */
export function useSetDedupRule(tableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rule: DedupRuleDto | null) => api(setDedupRule, { params: { tableId }, body: { rule } }),
    onSuccess: (out) => queryClient.setQueryData(dedupKeys.rule(tableId), { rule: out.rule }),
  });
}

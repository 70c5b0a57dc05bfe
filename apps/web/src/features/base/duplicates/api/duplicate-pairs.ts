import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { dismissDuplicatePair, listDuplicatePairs, mergeRecords, undoLastChange, type RouteOutput } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { dedupKeys } from './dedup-keys.ts';

export type DuplicatePairDto = RouteOutput<typeof listDuplicatePairs>['items'][number];

/** Open flagged pairs of a table, waiting for a person to decide. */
export function useDuplicatePairs(tableId: string) {
  return useQuery({ queryKey: dedupKeys.pairs(tableId), queryFn: () => api(listDuplicatePairs, { params: { tableId }, query: { limit: 200 } }) });
}

function useRefreshPairs(tableId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: dedupKeys.pairs(tableId) });
    void queryClient.invalidateQueries({ queryKey: ['base', 'record', tableId] });
  };
}

/** "Not a duplicate", remembered by the server. */
export function useDismissPair(tableId: string) {
  const refresh = useRefreshPairs(tableId);
  return useMutation({ mutationFn: (pairId: string) => api(dismissDuplicatePair, { params: { pairId } }), onSuccess: refresh });
}

export interface MergeInput {
  survivorId: string;
  otherIds: string[];
  values: Record<string, unknown>;
}

/** Merges records into the survivor (chosen values win); undoable with `useUndoMerge`. */
export function useMergeRecords(tableId: string) {
  const refresh = useRefreshPairs(tableId);
  return useMutation({ mutationFn: (body: MergeInput) => api(mergeRecords, { params: { tableId }, body }), onSuccess: refresh });
}

/** Undoes my last change in the table (here: the merge just made). */
export function useUndoMerge(tableId: string) {
  const refresh = useRefreshPairs(tableId);
  return useMutation({ mutationFn: () => api(undoLastChange, { params: { tableId } }), onSuccess: refresh });
}

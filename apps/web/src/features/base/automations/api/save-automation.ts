import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createAutomation, deleteAutomation, updateAutomation, type CreateAutomationInput, type UpdateAutomationInput } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { automationKeys } from './automation-keys.ts';

/** Creates (no id) or updates an automation, then reloads the table's list. */
export function useSaveAutomation(tableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: CreateAutomationInput | UpdateAutomationInput }) =>
      id
        ? api(updateAutomation, { params: { automationId: id }, body: input })
        : api(createAutomation, { params: { tableId }, body: input as CreateAutomationInput }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: automationKeys.list(tableId) }),
  });
}

export function useDeleteAutomation(tableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (automationId: string) => api(deleteAutomation, { params: { automationId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: automationKeys.list(tableId) }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateField, type FieldInput } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

export interface UpdateFieldVars {
  fieldId: string;
  body: FieldInput;
  /** Needed when the preview showed values that would be cleared. */
  confirmLoss?: boolean;
}

/** Renames a field, edits its options or converts its type. */
export function useUpdateField(tableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fieldId, body, confirmLoss }: UpdateFieldVars) =>
      api(updateField, { params: { fieldId }, body: { ...body, ...(confirmLoss ? { confirmLoss } : {}) } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: baseKeys.table(tableId) }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FieldDto } from '@concord/contracts';
import { postRecords } from '../../api/create-records.ts';
import { useToast } from '../../components/toast.tsx';
import { viewKeys } from '../api/view-keys.ts';

/** Primary field types a quick "new card" box can fill with the typed text. */
const TYPED_TITLES = new Set<FieldDto['type']>(['text', 'longText', 'phone', 'email', 'url']);

/** Whether the quick-add box can put its text into the primary field. */
export function titleWritable(primary: FieldDto): boolean {
  return TYPED_TITLES.has(primary.type);
}

/** Creates one record from a view (a kanban column, a calendar day) and refetches the table's views. */
export function useCreateViewRecord(tableId: string, primary: FieldDto) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationKey: viewKeys.writes(tableId),
    mutationFn: ({ title, fields }: { title: string; fields: Record<string, unknown> }) =>
      postRecords(tableId, [{ ...fields, ...(title.trim() && titleWritable(primary) ? { [primary.id]: title.trim() } : {}) }]),
    onError: (err) => toast(err.message, 'error'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: viewKeys.table(tableId) }),
  });
}

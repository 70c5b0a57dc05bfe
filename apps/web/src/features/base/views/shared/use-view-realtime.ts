import { useQueryClient } from '@tanstack/react-query';
import type { DomainEvent } from '@concord/contracts';
import { useRealtimeEvents } from '../../../../lib/realtime.tsx';
import { baseKeys } from '../../api/query-keys.ts';
import { viewKeys } from '../api/view-keys.ts';

/**
 * Keeps a kanban, gallery or calendar live: any record change in the table refetches what the view shows; a change
 * of fields or views reloads the table. While this tab is moving a record, echoes wait for the move to settle (its
 * own refetch follows), so a card does not jump back and forth.
 */
export function useViewRealtime(tableId: string): void {
  const queryClient = useQueryClient();
  useRealtimeEvents(
    [`table:${tableId}`],
    (event: DomainEvent) => {
      if (event.type === 'base.records.changed' && event.tableId === tableId) {
        if (queryClient.isMutating({ mutationKey: viewKeys.writes(tableId) }) > 0) return;
        void queryClient.invalidateQueries({ queryKey: viewKeys.table(tableId) });
      } else if (event.type === 'base.table.changed' && event.tableId === tableId) {
        void queryClient.invalidateQueries({ queryKey: baseKeys.table(tableId) });
        void queryClient.invalidateQueries({ queryKey: viewKeys.table(tableId) });
      }
    },
    () => void queryClient.invalidateQueries({ queryKey: viewKeys.table(tableId) }),
  );
}

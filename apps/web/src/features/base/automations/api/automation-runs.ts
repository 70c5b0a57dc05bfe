import { useQuery, useQueryClient } from '@tanstack/react-query';
import { listAutomationRuns, type DomainEvent } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { useRealtimeEvents } from '../../../../lib/realtime.tsx';
import { automationKeys } from './automation-keys.ts';

/**
 * The newest runs of an automation, kept live: runs are queued and finished in the background, and each time the
 * server says so on the table's room (or the room is joined again after a gap) the log is read again.
 */
export function useAutomationRuns(automation: { id: string; tableId: string }) {
  const queryClient = useQueryClient();
  const queryKey = automationKeys.runs(automation.id);
  const reread = () => void queryClient.invalidateQueries({ queryKey });
  useRealtimeEvents(
    [`table:${automation.tableId}`],
    (event: DomainEvent) => {
      if (event.type === 'base.automation.runs' && event.automationIds.includes(automation.id)) reread();
    },
    reread,
  );
  return useQuery({
    queryKey,
    queryFn: () => api(listAutomationRuns, { params: { automationId: automation.id }, query: { pageSize: 100 } }),
  });
}

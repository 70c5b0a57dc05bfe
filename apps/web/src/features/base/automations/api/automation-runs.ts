import { useQuery } from '@tanstack/react-query';
import { listAutomationRuns } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { automationKeys } from './automation-keys.ts';

/** The newest runs of an automation; refreshed every few seconds while shown, since runs finish in the background. */
export function useAutomationRuns(automationId: string) {
  return useQuery({
    queryKey: automationKeys.runs(automationId),
    queryFn: () => api(listAutomationRuns, { params: { automationId }, query: { pageSize: 100 } }),
    refetchInterval: 3000,
  });
}

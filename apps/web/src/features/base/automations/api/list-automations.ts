import { useQuery } from '@tanstack/react-query';
import { listAutomations } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { automationKeys } from './automation-keys.ts';

/** The table's automations, oldest first. */
export function useAutomations(tableId: string) {
  return useQuery({ queryKey: automationKeys.list(tableId), queryFn: async () => (await api(listAutomations, { params: { tableId } })).items });
}

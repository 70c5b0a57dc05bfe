import { useQuery } from '@tanstack/react-query';
import { recordHistory } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

/** Who changed what in a record, newest first. */
export function useRecordHistory(tableId: string, recordId: string) {
  return useQuery({
    queryKey: baseKeys.history(tableId, recordId),
    queryFn: async () => (await api(recordHistory, { params: { tableId, recordId } })).items,
  });
}

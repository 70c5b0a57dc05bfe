import { useQuery } from '@tanstack/react-query';
import { listComments } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

export function useComments(tableId: string, recordId: string) {
  return useQuery({
    queryKey: baseKeys.comments(tableId, recordId),
    queryFn: async () => (await api(listComments, { params: { tableId, recordId } })).items,
  });
}

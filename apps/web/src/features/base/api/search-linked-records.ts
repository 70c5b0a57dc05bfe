import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryRecords } from '@concord/contracts';
import { f } from '@concord/table-engine';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

/** Records of a linked table whose primary field contains `q` (the link picker). */
export function useLinkSearch(tableId: string, primaryFieldId: string | undefined, q: string) {
  return useQuery({
    queryKey: baseKeys.linkSearch(tableId, q),
    enabled: !!primaryFieldId,
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (
        await api(queryRecords, {
          params: { tableId },
          body: {
            filter: q && primaryFieldId ? f.cond(primaryFieldId, 'contains', [q]) : null,
            fieldIds: primaryFieldId ? [primaryFieldId] : undefined,
            offset: 0,
            limit: 20,
          },
        })
      ).items,
  });
}

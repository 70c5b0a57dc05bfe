import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { checkDuplicates } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { dedupKeys } from './dedup-keys.ts';

/** Likely duplicates of the values being typed; `recordId` leaves the record itself out. Off while `fields` is null. */
export function useCheckDuplicates(tableId: string, recordId: string | undefined, fields: Record<string, unknown> | null) {
  const key = fields ? JSON.stringify(fields) : '';
  return useQuery({
    queryKey: dedupKeys.check(tableId, recordId ?? '', key),
    queryFn: () => api(checkDuplicates, { params: { tableId }, body: { fields: fields ?? {}, recordId } }),
    enabled: fields !== null,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

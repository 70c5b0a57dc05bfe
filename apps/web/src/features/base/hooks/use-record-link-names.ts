import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import { getTable, queryRecords, type RecordDto, type TableDto } from '@concord/contracts';
import { f, type OptionsOf } from '@concord/table-engine';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from '../api/query-keys.ts';

const EMPTY = new Map<string, string>();

/** Primary values of the records one record links to (one query per link field with a reverse field). */
export function useRecordLinkNames(table: TableDto, record: RecordDto | undefined): ReadonlyMap<string, string> {
  const lookups = record
    ? table.fields
        .filter((x) => x.type === 'link' && (x.options as OptionsOf<'link'>).reverseFieldId && Array.isArray(record.fields[x.id]))
        .map((x) => ({ o: x.options as OptionsOf<'link'>, ids: (record.fields[x.id] as string[]).join('|') }))
    : [];
  const results = useQueries({
    queries: lookups.map(({ o, ids }) => ({
      queryKey: baseKeys.linkNames(o.tableId, `${record?.id}:${ids}`),
      staleTime: 30_000,
      queryFn: async () => {
        const target = await api(getTable, { params: { tableId: o.tableId } });
        const res = await api(queryRecords, {
          params: { tableId: o.tableId },
          body: { filter: f.cond(o.reverseFieldId!, 'contains', [record!.id]), fieldIds: [target.primaryFieldId], offset: 0, limit: 1000 },
        });
        return res.items.map((r) => [r.id, String(r.fields[target.primaryFieldId] ?? '')] as const);
      },
    })),
  });
  const stamp = results.map((r) => r.dataUpdatedAt).join(',');
  return useMemo(() => {
    if (!results.length) return EMPTY;
    return new Map(results.flatMap((r) => r.data ?? []).filter(([, name]) => name));
    // `results` is a new array every render; its data only changes when a stamp does.
  }, [stamp]);
}

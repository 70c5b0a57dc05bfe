import { useMemo } from 'react';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { queryRecords, type TableDto } from '@concord/contracts';
import { f, type OptionsOf } from '@concord/table-engine';
import { api } from '../../../lib/api-client.ts';
import { tableQueryOptions } from '../api/get-table.ts';
import { baseKeys } from '../api/query-keys.ts';
import type { RecordPageCache } from '../utils/record-page-cache.ts';

const EMPTY = new Map<string, string>();

interface Lookup {
  targetTableId: string;
  reverseFieldId: string;
  /** Records of this table (≤ one page) whose links to name. */
  sourceIds: string[];
  key: string;
}

/**
 * Primary values of the records linked from the rows on screen: per link field and cached page, one query on the
 * other table for the records whose reverse link holds any of these rows (cheap: ≤ 200 ids, one request). Links
 * without a reverse field show their ids.
 */
export function useLinkNames(table: TableDto, cache: RecordPageCache, firstRow: number, lastRow: number): ReadonlyMap<string, string> {
  const queryClient = useQueryClient();
  const lookups: Lookup[] = [];
  const links = table.fields.filter((x) => x.type === 'link' && (x.options as OptionsOf<'link'>).reverseFieldId);
  if (links.length) {
    for (let p = Math.floor(firstRow / cache.pageSize); p <= Math.floor(lastRow / cache.pageSize); p++) {
      const records = cache.pageRecords(p);
      if (!records) continue;
      for (const field of links) {
        const o = field.options as OptionsOf<'link'>;
        const withLinks = records.filter((r) => Array.isArray(r.fields[field.id]) && (r.fields[field.id] as unknown[]).length);
        if (!withLinks.length) continue;
        const key = withLinks.map((r) => `${r.id}:${(r.fields[field.id] as string[]).join('|')}`).join(',');
        lookups.push({ targetTableId: o.tableId, reverseFieldId: o.reverseFieldId!, sourceIds: withLinks.map((r) => r.id), key });
      }
    }
  }
  const results = useQueries({
    queries: lookups.map((l) => ({
      queryKey: baseKeys.linkNames(l.targetTableId, l.key),
      staleTime: 30_000,
      queryFn: async () => {
        const target = await queryClient.fetchQuery(tableQueryOptions(l.targetTableId));
        const res = await api(queryRecords, {
          params: { tableId: l.targetTableId },
          body: { filter: f.cond(l.reverseFieldId, 'contains', l.sourceIds), fieldIds: [target.primaryFieldId], offset: 0, limit: 1000 },
        });
        return res.items.map((r) => [r.id, String(r.fields[target.primaryFieldId] ?? '')] as const);
      },
    })),
  });
  const stamp = results.map((r) => r.dataUpdatedAt).join(',');
  return useMemo(() => {
    if (!results.length) return EMPTY;
    const map = new Map<string, string>();
    for (const r of results) for (const [id, name] of r.data ?? []) if (name) map.set(id, name);
    return map;
    // `results` is a new array every render; its data only changes when a stamp does.
  }, [stamp]);
}

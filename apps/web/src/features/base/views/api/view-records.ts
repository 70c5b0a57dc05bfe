import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { queryRecords, type RecordDto, type RouteOutput } from '@concord/contracts';
import type { FilterNode, SortSpec } from '@concord/table-engine';
import { api } from '../../../../lib/api-client.ts';

export type RecordPage = RouteOutput<typeof queryRecords>;
export type RecordPages = InfiniteData<RecordPage, unknown>;

/** Cards per request in kanban columns and the gallery. */
export const PAGE_SIZE = 50;

export interface ViewQuery {
  tableId: string;
  viewId: string;
  filter: FilterNode | null;
  sort: readonly SortSpec[];
}

/** One page of records; the filter replaces the view's own (callers combine them). */
export function fetchViewRecords(q: ViewQuery, offset: number, limit: number, withTotal = true): Promise<RecordPage> {
  return api(queryRecords, {
    params: { tableId: q.tableId },
    body: { viewId: q.viewId, filter: q.filter, sort: q.sort.length ? [...q.sort] : undefined, offset, limit, withTotal },
  });
}

/** Pages of 50 with "load more"; only the first page counts the total. */
export function useRecordPages(queryKey: readonly unknown[], q: ViewQuery, enabled = true) {
  return useInfiniteQuery({
    queryKey,
    enabled,
    initialPageParam: 0,
    queryFn: ({ pageParam }) => fetchViewRecords(q, pageParam, PAGE_SIZE, pageParam === 0),
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      const total = pages[0]?.total ?? 0;
      return last.items.length === PAGE_SIZE && loaded < total ? last.offset + PAGE_SIZE : undefined;
    },
  });
}

/** The records of all loaded pages, in order. */
export function pageItems(data: RecordPages | undefined): RecordDto[] {
  return data ? data.pages.flatMap((p) => p.items) : [];
}

/** The total the first page counted (0 before it arrives). */
export function pagesTotal(data: RecordPages | undefined): number {
  return data?.pages[0]?.total ?? 0;
}

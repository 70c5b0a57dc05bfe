import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { fetchRecordPage, type RecordQuery } from '../api/query-records.ts';
import { RecordPageCache } from '../utils/record-page-cache.ts';
import type { GroupSpanSource } from '../utils/group-spans.ts';

/** Rows per request: a screenful is 20–40 rows, and a link-name lookup takes at most 200 record ids. */
export const PAGE_SIZE = 200;
const MAX_PAGES = 12;

/**
 * The page cache of one table query; a new filter or sort starts a new cache. Components re-render when pages land.
 * @example const cache = useRecordCache({ tableId, viewId, filter, sort }, showError); cache.rowAt(42)
 */
export function useRecordCache(query: RecordQuery, onError: (err: unknown) => void, groupSpans?: GroupSpanSource): RecordPageCache {
  const key = JSON.stringify(query);
  const errorRef = useRef(onError);
  useEffect(() => {
    errorRef.current = onError;
  });
  const cache = useMemo(() => {
    const q = JSON.parse(key) as RecordQuery;
    const cache: RecordPageCache = new RecordPageCache({
      pageSize: PAGE_SIZE,
      maxPages: MAX_PAGES,
      fetchPage: async (offset, limit, withTotal) =>
        fetchRecordPage(q, offset, limit, withTotal, q.groupBy?.length ? await groupSpans?.spans(cache, cache.resets, offset, limit) : undefined),
      onError: (err) => errorRef.current(err),
    });
    return cache;
  }, [key, groupSpans]);
  useEffect(() => {
    cache.resume();
    return () => cache.dispose();
  }, [cache]);
  useSyncExternalStore(cache.subscribe, cache.getVersion);
  return cache;
}

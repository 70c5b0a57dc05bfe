import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RecordGroupDto } from '@concord/contracts';
import { HEADER_HEIGHT } from '../../utils/grid-layout.ts';
import { flatRows, groupedRows, offsetToRevealRow, rowMetrics, type RowModel } from '../../utils/grid-rows.ts';
import type { RecordPageCache } from '../../utils/record-page-cache.ts';

export interface GridRowsArgs {
  /** Group headers of a grouped view, or null for a flat grid. */
  groups: readonly RecordGroupDto[] | null;
  total: number;
  rowHeight: number;
  bodyHeight: number;
  scrollTop: number;
  cache: RecordPageCache;
}

/**
 * What the grid draws vertically: the row model (flat, or grouped with collapsed groups), the rows on screen, and the
 * record ranges the page cache should load for them. Selection and editing stay in record indexes; only drawing and
 * scrolling go through display rows.
 */
export function useGridRows({ groups, total, rowHeight, bodyHeight, scrollTop, cache }: GridRowsArgs) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const model = useMemo<RowModel>(
    () => (groups ? groupedRows(groups, collapsed, rowHeight) : flatRows(total, rowHeight)),
    [groups, collapsed, rowHeight, total],
  );
  const v = rowMetrics(model, bodyHeight, scrollTop);
  const rangesKey = JSON.stringify(model.recordRanges(v.firstRow, v.lastRow));
  useEffect(() => cache.setRanges(JSON.parse(rangesKey) as { first: number; last: number }[]), [cache, rangesKey]);

  const latest = useRef(model);
  useEffect(() => {
    latest.current = model;
  });
  /** Scrolls a record into view; a flat grid measures the live row count (a row added a moment ago). */
  const revealRecord = useCallback(
    (el: HTMLElement, record: number) => {
      const m = groups ? latest.current : flatRows(cache.total ?? 0, rowHeight);
      const display = m.displayOfRecord(record);
      if (display === null) return;
      const body = Math.max(rowHeight, el.clientHeight - HEADER_HEIGHT);
      const metrics = rowMetrics(m, body, el.scrollTop);
      const offset = offsetToRevealRow(m, display, body, metrics.realOffset);
      if (offset !== metrics.realOffset) el.scrollTop = metrics.scrollTopFor(offset);
    },
    [groups, cache, rowHeight],
  );
  /** Where a keyboard move lands when its target row sits in a collapsed group: the next shown record that way. */
  const shownRecord = useCallback((record: number, dir: 1 | -1) => (groups ? latest.current.nearestShown(record, dir) : record), [groups]);
  const toggleGroup = useCallback(
    (key: string) =>
      setCollapsed((s) => {
        const next = new Set(s);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );
  return { model, v, revealRecord, shownRecord, toggleGroup };
}

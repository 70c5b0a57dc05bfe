import type { RecordGroupDto } from '@concord/contracts';
import { ADD_ROW_HEIGHT, MAX_CANVAS_PX, type VerticalMetrics } from './grid-layout.ts';

/** Height in px of a group header row (the same at every row height, as in Feishu). */
export const GROUP_HEADER_HEIGHT = 40;

/** One line of the grid body: a record (by its index in the query's order) or a group header. */
export type DisplayRow = { kind: 'record'; record: number } | { kind: 'group'; group: RecordGroupDto; collapsed: boolean };

/**
 * The grid's rows as drawn, in display order. Flat grids are one run of records; grouped grids interleave group headers
 * with runs of records, and collapsed groups contribute only their header. Everything is O(log n) per lookup, so a
 * million records in a few thousand groups stay cheap.
 */
export interface RowModel {
  /** Display rows (headers + shown records). */
  count: number;
  /** Height of all display rows, without the "+" row. */
  height: number;
  rowAt(display: number): DisplayRow;
  /** Top of a display row in px; `count` gives the end (where the "+" row sits). */
  topOf(display: number): number;
  heightOf(display: number): number;
  /** The display row at a px offset (clamped to the rows). */
  displayAt(px: number): number;
  /** Where a record is drawn, or null when its group is collapsed. */
  displayOfRecord(record: number): number | null;
  /** Record index ranges drawn between two display rows (separate ranges around collapsed groups). */
  recordRanges(first: number, last: number): { first: number; last: number }[];
  /** The record itself when shown, else the nearest shown one after it (`dir` 1) or before it (-1); null if none. */
  nearestShown(record: number, dir: 1 | -1): number | null;
}

export function flatRows(total: number, rowHeight: number): RowModel {
  const clamp = (d: number) => Math.max(0, Math.min(total - 1, d));
  return {
    count: total,
    height: total * rowHeight,
    rowAt: (display) => ({ kind: 'record', record: display }),
    topOf: (display) => display * rowHeight,
    heightOf: () => rowHeight,
    displayAt: (px) => clamp(Math.floor(px / rowHeight)),
    displayOfRecord: (record) => (record >= 0 && record < total ? record : null),
    recordRanges: (first, last) => (total > 0 ? [{ first: clamp(first), last: clamp(last) }] : []),
    nearestShown: (record) => (total > 0 ? clamp(record) : null),
  };
}

interface Segment {
  display: number;
  px: number;
  rows: number;
  rowHeight: number;
  /** Set on a header segment (one row). */
  group?: RecordGroupDto;
  collapsed?: boolean;
  /** First record index of a run of records. */
  record?: number;
}

/** The last index whose `key(item) <= value` (items sorted by key); -1 when none. */
function lastAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Display rows of a grouped grid from the server's group headers (display order, parents first). The innermost
 * groups hold the records; a collapsed group hides every row until the next group at its depth or above.
 */
export function groupedRows(groups: readonly RecordGroupDto[], collapsed: ReadonlySet<string>, rowHeight: number): RowModel {
  const innermost = groups.reduce((d, g) => Math.max(d, g.depth), 0);
  const segments: Segment[] = [];
  const runs: Segment[] = [];
  let display = 0;
  let px = 0;
  let hiddenBelow = Infinity;
  for (const group of groups) {
    if (group.depth > hiddenBelow) continue;
    hiddenBelow = Infinity;
    const isCollapsed = collapsed.has(group.key);
    segments.push({ display, px, rows: 1, rowHeight: GROUP_HEADER_HEIGHT, group, collapsed: isCollapsed });
    display += 1;
    px += GROUP_HEADER_HEIGHT;
    if (isCollapsed) hiddenBelow = group.depth;
    else if (group.depth === innermost && group.count > 0) {
      const run = { display, px, rows: group.count, rowHeight, record: group.start };
      segments.push(run);
      runs.push(run);
      display += group.count;
      px += group.count * rowHeight;
    }
  }
  const count = display;
  const empty: Segment = { display: 0, px: 0, rows: 0, rowHeight, record: 0 };
  const segmentOf = (d: number) =>
    segments[
      Math.max(
        0,
        lastAtOrBefore(segments, d, (s) => s.display),
      )
    ] ?? empty;
  return {
    count,
    height: px,
    rowAt(d) {
      const s = segmentOf(d);
      return s.group ? { kind: 'group', group: s.group, collapsed: !!s.collapsed } : { kind: 'record', record: s.record! + (d - s.display) };
    },
    topOf(d) {
      if (d >= count) return px;
      const s = segmentOf(d);
      return s.px + (d - s.display) * s.rowHeight;
    },
    heightOf: (d) => segmentOf(d).rowHeight,
    displayAt(y) {
      if (count === 0) return 0;
      const s =
        segments[
          Math.max(
            0,
            lastAtOrBefore(segments, y, (x) => x.px),
          )
        ]!;
      return Math.min(count - 1, s.display + Math.min(s.rows - 1, Math.max(0, Math.floor((y - s.px) / s.rowHeight))));
    },
    displayOfRecord(record) {
      const i = lastAtOrBefore(runs, record, (r) => r.record!);
      const run = runs[i];
      return run && record < run.record! + run.rows ? run.display + (record - run.record!) : null;
    },
    recordRanges(first, last) {
      const out: { first: number; last: number }[] = [];
      for (
        let i = Math.max(
          0,
          lastAtOrBefore(runs, first, (r) => r.display),
        );
        i < runs.length;
        i++
      ) {
        const r = runs[i]!;
        if (r.display > last) break;
        const from = Math.max(first, r.display);
        const to = Math.min(last, r.display + r.rows - 1);
        if (from <= to) out.push({ first: r.record! + (from - r.display), last: r.record! + (to - r.display) });
      }
      return out;
    },
    nearestShown(record, dir) {
      const i = lastAtOrBefore(runs, record, (r) => r.record!);
      const run = runs[i];
      if (run && record < run.record! + run.rows) return record;
      if (dir > 0) return runs[i + 1]?.record ?? null;
      return run ? run.record! + run.rows - 1 : null;
    },
  };
}

/**
 * Maps scrollTop to display rows for any row model (flat or grouped): identity while the
 * rows fit in MAX_CANVAS_PX, a scaled scrollbar beyond, with rows drawn relative to the viewport.
 */
export function rowMetrics(model: RowModel, bodyHeight: number, scrollTop: number): VerticalMetrics {
  const realContent = model.height + ADD_ROW_HEIGHT;
  const canvasHeight = Math.min(realContent, MAX_CANVAS_PX);
  const maxScroll = Math.max(0, canvasHeight - bodyHeight);
  const realMax = Math.max(0, realContent - bodyHeight);
  const ratio = maxScroll > 0 ? realMax / maxScroll : 1;
  const clampedTop = Math.min(Math.max(0, scrollTop), maxScroll);
  const realOffset = clampedTop * ratio;
  const firstRow = model.displayAt(realOffset);
  const lastRow = Math.max(firstRow, Math.min(model.count - 1, model.displayAt(realOffset + bodyHeight) + 1));
  return {
    canvasHeight,
    realOffset,
    firstRow,
    lastRow,
    rowTop: (index) => clampedTop + model.topOf(index) - realOffset,
    scrollTopFor: (offset) => Math.min(maxScroll, Math.max(0, offset / ratio)),
  };
}

/** The real offset that brings a display row fully into view (unchanged when it already is). */
export function offsetToRevealRow(model: RowModel, display: number, bodyHeight: number, realOffset: number): number {
  const top = model.topOf(display);
  const h = model.heightOf(display);
  if (top < realOffset) return top;
  if (top + h > realOffset + bodyHeight) return top + h - bodyHeight;
  return realOffset;
}

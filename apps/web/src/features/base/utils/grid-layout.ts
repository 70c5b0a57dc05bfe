import type { FieldDto, ViewConfig } from '@concord/contracts';

export type RowHeight = ViewConfig['rowHeight'];

/** Row heights in px per view setting (Feishu's four sizes). */
export const ROW_HEIGHTS: Record<RowHeight, number> = { short: 33, medium: 57, tall: 89, extra: 129 };
export const HEADER_HEIGHT = 36;
export const ADD_ROW_HEIGHT = 36;
export const DEFAULT_COLUMN_WIDTH = 160;
export const PRIMARY_COLUMN_WIDTH = 220;
export const ADD_FIELD_WIDTH = 48;
/**
 * Browsers cap an element's height (Chrome ~33.5M px, Firefox ~17.9M px); beyond this the scrollbar is scaled so a
 * million tall rows still fit.
 */
export const MAX_CANVAS_PX = 15_000_000;

export interface GridColumn {
  field: FieldDto;
  width: number;
  /** Offset from the left edge of the first data column. */
  left: number;
  frozen: boolean;
}

export interface ColumnLayout {
  columns: GridColumn[];
  gutterWidth: number;
  frozenWidth: number;
  /** Data columns plus the "+" column, without the gutter. */
  dataWidth: number;
}

/** Fields in view order: `fieldOrder` first, then the rest in table order; the primary field always leads. */
export function orderedFields(fields: readonly FieldDto[], fieldOrder: readonly string[]): FieldDto[] {
  const rank = new Map(fieldOrder.map((id, i) => [id, i]));
  const sorted = fields
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (rank.get(a.f.id) ?? fieldOrder.length + a.i) - (rank.get(b.f.id) ?? fieldOrder.length + b.i))
    .map((x) => x.f);
  const primary = sorted.findIndex((f) => f.isPrimary);
  if (primary > 0) sorted.unshift(...sorted.splice(primary, 1));
  return sorted;
}

export function columnWidth(field: FieldDto, widths: Readonly<Record<string, number>>): number {
  return widths[field.id] ?? (field.isPrimary ? PRIMARY_COLUMN_WIDTH : DEFAULT_COLUMN_WIDTH);
}

/** The gutter fits the largest row number (1,000,000 needs seven digits). */
export function gutterWidth(total: number): number {
  return Math.max(56, 30 + String(Math.max(1, total)).length * 8);
}

export function layoutColumns(
  fields: readonly FieldDto[],
  config: Pick<ViewConfig, 'fieldOrder' | 'hiddenFieldIds' | 'columnWidths' | 'frozenFieldCount'>,
  total: number,
): ColumnLayout {
  const hidden = new Set(config.hiddenFieldIds);
  const visible = orderedFields(fields, config.fieldOrder).filter((f) => !hidden.has(f.id) || f.isPrimary);
  const frozenCount = Math.min(Math.max(config.frozenFieldCount, 0), visible.length);
  let left = 0;
  const columns = visible.map((field, i) => {
    const width = columnWidth(field, config.columnWidths);
    const col = { field, width, left, frozen: i < frozenCount };
    left += width;
    return col;
  });
  const frozenWidth = columns.filter((c) => c.frozen).reduce((s, c) => s + c.width, 0);
  return { columns, gutterWidth: gutterWidth(total), frozenWidth, dataWidth: left + ADD_FIELD_WIDTH };
}

/** Indices of the scrolling (not frozen) columns that intersect the viewport, with one extra on each side. */
export function visibleColumnRange(layout: ColumnLayout, scrollLeft: number, viewportWidth: number): { from: number; to: number } {
  const cols = layout.columns;
  const firstScrolling = cols.findIndex((c) => !c.frozen);
  if (firstScrolling < 0) return { from: cols.length, to: cols.length - 1 };
  // Scrolling columns sit under the frozen ones; what shows starts at scrollLeft + frozenWidth.
  const start = scrollLeft + layout.frozenWidth;
  const end = scrollLeft + viewportWidth - layout.gutterWidth;
  let lo = firstScrolling;
  let hi = cols.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = cols[mid]!;
    if (c.left + c.width <= start) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < cols.length - 1 && cols[to + 1]!.left < end) to++;
  return { from: Math.max(firstScrolling, lo - 1), to: Math.min(cols.length - 1, to + 1) };
}

export interface VerticalMetrics {
  /** Height of the scrolling canvas below the header (capped at MAX_CANVAS_PX). */
  canvasHeight: number;
  /** How far into the real (unscaled) rows the viewport starts. */
  realOffset: number;
  firstRow: number;
  lastRow: number;
  /** Top of a row (or of the "+" row at index `total`) in canvas coordinates, below the header. */
  rowTop: (index: number) => number;
  /** The scrollTop that shows `realOffset` at the top. */
  scrollTopFor: (realOffset: number) => number;
}

import type { DatePeriod, FieldDto, MeasureAgg, WidgetDto, WidgetKind, WidgetLayout, WidgetSpecInput } from '@concord/contracts';
import type { FilterNode } from '@concord/table-engine';

/** The widget dialog's form state: every kind's settings side by side, so switching kind keeps what was typed. */
export interface WidgetDraft {
  kind: WidgetKind;
  title: string;
  tableId: string;
  viewId: string;
  width: number;
  agg: MeasureAgg;
  fieldId: string;
  compare: boolean;
  compareDateFieldId: string;
  period: DatePeriod;
  mode: 'in_period' | 'to_date';
  groupFieldId: string;
  bucket: DatePeriod;
  seriesFieldId: string;
  sortBy: 'key' | 'value';
  sortDesc: boolean;
  /** A rate counts records whose single-select field equals this option (name). */
  rateFieldId: string;
  rateValue: string;
  /** A rate filter the dialog cannot show (set through the API) is kept as it is. */
  rateFilter: FilterNode | null;
  funnelFieldId: string;
  steps: string[];
  cumulative: boolean;
  columns: string[];
  limit: number;
}

export const NUMERIC_TYPES = new Set<FieldDto['type']>(['number', 'currency', 'percent', 'progress', 'rating', 'autoNumber', 'rollup', 'formula']);
export const DATE_TYPES = new Set<FieldDto['type']>(['date', 'createdTime', 'modifiedTime']);
export const GROUP_TYPES = new Set<FieldDto['type']>([
  'singleSelect',
  'multiSelect',
  'person',
  'department',
  'createdBy',
  'modifiedBy',
  'date',
  'createdTime',
  'modifiedTime',
  'checkbox',
  'text',
  'number',
  'currency',
  'rating',
]);

export function emptyDraft(tableId: string): WidgetDraft {
  return {
    kind: 'number',
    title: '',
    tableId,
    viewId: '',
    width: 3,
    agg: 'count',
    fieldId: '',
    compare: false,
    compareDateFieldId: '',
    period: 'month',
    mode: 'in_period',
    groupFieldId: '',
    bucket: 'week',
    seriesFieldId: '',
    sortBy: 'key',
    sortDesc: false,
    rateFieldId: '',
    rateValue: '',
    rateFilter: null,
    funnelFieldId: '',
    steps: [],
    cumulative: true,
    columns: [],
    limit: 10,
  };
}

export function draftOf(w: WidgetDto): WidgetDraft {
  const d: WidgetDraft = { ...emptyDraft(w.tableId), kind: w.kind, title: w.title, viewId: w.viewId ?? '', width: w.layout.w };
  switch (w.kind) {
    case 'number':
      return {
        ...d,
        agg: w.agg,
        fieldId: w.fieldId ?? '',
        compare: w.comparison !== null,
        compareDateFieldId: w.comparison?.dateFieldId ?? '',
        period: w.comparison?.period ?? 'month',
        mode: w.comparison?.mode ?? 'in_period',
      };
    case 'bar':
    case 'line':
    case 'pie': {
      const rf = w.measure.rateFilter;
      const simple = rf?.kind === 'condition' && rf.operator === 'is' && rf.values.length === 1;
      return {
        ...d,
        agg: w.measure.agg,
        fieldId: w.measure.fieldId ?? '',
        groupFieldId: w.groupBy.fieldId,
        bucket: w.groupBy.bucket ?? 'week',
        seriesFieldId: w.series?.fieldId ?? '',
        sortBy: w.sort.by,
        sortDesc: w.sort.desc,
        limit: w.limit,
        rateFieldId: simple ? rf.fieldId : '',
        rateValue: simple ? (rf.values[0] ?? '') : '',
        rateFilter: simple ? null : rf,
      };
    }
    case 'funnel':
      return { ...d, funnelFieldId: w.fieldId, steps: [...w.steps], cumulative: w.cumulative };
    case 'table':
      return { ...d, columns: [...w.fieldIds], limit: w.limit, fieldId: w.sort[0]?.fieldId ?? '', sortDesc: w.sort[0]?.desc ?? false };
  }
}

/** The widget as the API takes it. Dates group by the chosen bucket; other fields ignore it. */
export function specOf(d: WidgetDraft, layout: WidgetLayout, fields: readonly FieldDto[]): WidgetSpecInput {
  const common = {
    title: d.title.trim(),
    tableId: d.tableId,
    viewId: d.viewId || null,
    layout: { ...layout, w: d.width, x: Math.min(layout.x, 12 - d.width) },
  };
  const isDate = (id: string) => DATE_TYPES.has(fields.find((f) => f.id === id)?.type ?? 'text');
  switch (d.kind) {
    case 'number':
      return {
        ...common,
        kind: 'number',
        agg: d.agg === 'rate' ? 'count' : d.agg,
        fieldId: d.agg === 'count' || d.agg === 'rate' ? null : d.fieldId || null,
        comparison: d.compare && d.compareDateFieldId ? { dateFieldId: d.compareDateFieldId, period: d.period, mode: d.mode } : null,
      };
    case 'bar':
    case 'line':
    case 'pie': {
      const rateFilter: FilterNode | null =
        d.agg !== 'rate' ? null : d.rateFieldId ? { kind: 'condition', fieldId: d.rateFieldId, operator: 'is', values: [d.rateValue] } : d.rateFilter;
      return {
        ...common,
        kind: d.kind,
        groupBy: { fieldId: d.groupFieldId, bucket: isDate(d.groupFieldId) ? d.bucket : null },
        series: d.seriesFieldId ? { fieldId: d.seriesFieldId, bucket: isDate(d.seriesFieldId) ? d.bucket : null } : null,
        measure: { agg: d.agg, fieldId: d.agg === 'count' || d.agg === 'rate' ? null : d.fieldId || null, rateFilter },
        sort: { by: d.sortBy, desc: d.sortDesc },
        limit: d.limit,
      };
    }
    case 'funnel':
      return { ...common, kind: 'funnel', fieldId: d.funnelFieldId, steps: d.steps, cumulative: d.cumulative };
    case 'table':
      return { ...common, kind: 'table', fieldIds: d.columns, sort: d.fieldId ? [{ fieldId: d.fieldId, desc: d.sortDesc }] : [], limit: d.limit };
  }
}

/** Where a new widget goes: below everything else, full-height for charts. */
export function nextLayout(widgets: readonly WidgetDto[], kind: WidgetKind): WidgetLayout {
  const bottom = widgets.reduce((m, w) => Math.max(m, w.layout.y + w.layout.h), 0);
  return { x: 0, y: bottom, w: kind === 'number' ? 3 : 6, h: kind === 'number' ? 2 : 5 };
}

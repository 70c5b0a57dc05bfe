import { z } from 'zod';
import { filterNode, sortSpec } from '@concord/table-engine';
import { defineRoute } from '../http.ts';
import { id, isoDateTime, ok } from '../common.ts';

/** How a number widget or a chart measure combines records. `rate` (charts only) is the share of a group matching `rateFilter`. */
export const widgetAgg = z.enum(['count', 'sum', 'avg', 'min', 'max']);
export type WidgetAgg = z.infer<typeof widgetAgg>;
export const measureAgg = z.enum(['count', 'sum', 'avg', 'min', 'max', 'rate']);
export type MeasureAgg = z.infer<typeof measureAgg>;
export const datePeriod = z.enum(['day', 'week', 'month', 'quarter', 'year']);
export type DatePeriod = z.infer<typeof datePeriod>;
export const widgetKinds = ['number', 'bar', 'line', 'pie', 'funnel', 'table'] as const;
export const widgetKind = z.enum(widgetKinds);
export type WidgetKind = z.infer<typeof widgetKind>;

/** Position on the dashboard's 12-column grid, in grid cells. */
export const widgetLayout = z.object({
  x: z.number().int().min(0).max(11),
  y: z.number().int().min(0).max(1000),
  w: z.number().int().min(1).max(12),
  h: z.number().int().min(1).max(24),
});
export type WidgetLayout = z.infer<typeof widgetLayout>;

/** What every widget has: a title, a place on the grid and the records it reads (a table, optionally narrowed by a view and a filter). */
const widgetCommon = {
  title: z.string().trim().min(1).max(100),
  layout: widgetLayout,
  tableId: id,
  viewId: id.nullable().default(null),
  filter: filterNode.nullable().default(null),
};

/**
 * Compare with the previous period by `dateFieldId`. in_period: records dated this period vs the previous period;
 * to_date: everything now vs everything dated before the current period started.
 */
export const numberComparison = z.object({ dateFieldId: id, period: datePeriod, mode: z.enum(['in_period', 'to_date']).default('in_period') });
export type NumberComparison = z.infer<typeof numberComparison>;

export const chartMeasure = z.object({
  agg: measureAgg,
  /** The number field for sum/avg/min/max; unused for count and rate. */
  fieldId: id.nullable().default(null),
  /** For `rate`: the records that count as converted. */
  rateFilter: filterNode.nullable().default(null),
});
export type ChartMeasure = z.infer<typeof chartMeasure>;

/** Group by a field; dates group by `bucket` (in the field's time zone). Multi-value fields (multi-select, person) count a record once per value. */
export const chartGroupBy = z.object({ fieldId: id, bucket: datePeriod.nullable().default(null) });
export type ChartGroupBy = z.infer<typeof chartGroupBy>;

const chartSettings = {
  groupBy: chartGroupBy,
  /** Splits each group into series by a second field (stacked bars, several lines). */
  series: chartGroupBy.nullable().default(null),
  measure: chartMeasure,
  /** key: by group key (dates in time order, options in option order); value: by measure. */
  sort: z.object({ by: z.enum(['key', 'value']), desc: z.boolean().default(false) }).default({ by: 'key', desc: false }),
  limit: z.number().int().min(1).max(500).default(50),
};

export const numberWidget = z.object({
  ...widgetCommon,
  kind: z.literal('number'),
  agg: widgetAgg,
  fieldId: id.nullable().default(null),
  comparison: numberComparison.nullable().default(null),
});
export const barWidget = z.object({ ...widgetCommon, kind: z.literal('bar'), ...chartSettings });
export const lineWidget = z.object({ ...widgetCommon, kind: z.literal('line'), ...chartSettings });
export const pieWidget = z.object({ ...widgetCommon, kind: z.literal('pie'), ...chartSettings });
/** Stages of a single-select field in order; `cumulative` counts a record at a later step as having reached the earlier ones. */
export const funnelWidget = z.object({
  ...widgetCommon,
  kind: z.literal('funnel'),
  fieldId: id,
  steps: z.array(id).min(1).max(30),
  cumulative: z.boolean().default(true),
});
export const tableWidget = z.object({
  ...widgetCommon,
  kind: z.literal('table'),
  fieldIds: z.array(id).min(1).max(20),
  sort: z.array(sortSpec).max(5).default([]),
  limit: z.number().int().min(1).max(200).default(20),
});

/** A widget without its id: what create and update take. */
export const widgetSpec = z.discriminatedUnion('kind', [numberWidget, barWidget, lineWidget, pieWidget, funnelWidget, tableWidget]);
export type WidgetSpec = z.infer<typeof widgetSpec>;
export type WidgetSpecInput = z.input<typeof widgetSpec>;
export const widgetDto = z.intersection(z.object({ id }), widgetSpec);
export type WidgetDto = z.infer<typeof widgetDto>;

/** Where a dashboard filter applies: one field per table (tables without a target ignore the filter). */
export const dashboardFilterTarget = z.object({ tableId: id, fieldId: id });
/**
 * A dashboard-level filter viewers can change. person: records whose person field names one of the chosen people;
 * department: a person field whose person is in the chosen departments (with sub-departments), or a department field;
 * date: a date field within a range.
 */
export const dashboardFilter = z.object({
  id,
  kind: z.enum(['person', 'department', 'date']),
  label: z.string().trim().min(1).max(50),
  targets: z.array(dashboardFilterTarget).max(20),
});
export type DashboardFilter = z.infer<typeof dashboardFilter>;

/** A filter's current value: people or department ids, or a date range in epoch ms (`from` inclusive, `to` exclusive). */
export const dashboardFilterValue = z.union([
  z.array(id).max(200),
  z.object({ from: z.number().nullable().default(null), to: z.number().nullable().default(null) }),
]);
export type DashboardFilterValue = z.infer<typeof dashboardFilterValue>;

export const dashboardDto = z.object({
  id,
  baseId: id,
  name: z.string(),
  filters: z.array(dashboardFilter),
  widgets: z.array(widgetDto),
  /** Whether the caller may change the dashboard (base editors and owners). */
  canEdit: z.boolean(),
  updatedAt: isoDateTime,
});
export type DashboardDto = z.infer<typeof dashboardDto>;
export const dashboardSummary = z.object({ id, baseId: id, name: z.string() });
export type DashboardSummary = z.infer<typeof dashboardSummary>;

export const createDashboardInput = z.object({
  name: z.string().trim().min(1).max(100),
  filters: z.array(dashboardFilter).max(10).default([]),
  widgets: z.array(widgetSpec).max(50).default([]),
});
export type CreateDashboardInput = z.input<typeof createDashboardInput>;

export const updateDashboardInput = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  filters: z.array(dashboardFilter).max(10).optional(),
  /** Moves and resizes widgets in one go (drag on the grid). */
  layout: z
    .array(z.object({ widgetId: id, layout: widgetLayout }))
    .max(50)
    .optional(),
});
export type UpdateDashboardInput = z.input<typeof updateDashboardInput>;

/** One category of a chart: its key (option id, user id, ISO date of the bucket start, number as text, or null for empty) and a label. */
export const chartCategory = z.object({ key: z.string().nullable(), label: z.string() });
export const widgetData = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('number'),
    value: z.number().nullable(),
    /** The previous period's value when the widget compares; `change` is (value - previous) / previous, null when previous is 0 or empty. */
    previous: z.number().nullable(),
    change: z.number().nullable(),
  }),
  z.object({
    kind: z.enum(['bar', 'line', 'pie']),
    categories: z.array(chartCategory),
    /** One series without a split; else one per split value. values[i] belongs to categories[i]. */
    series: z.array(z.object({ key: z.string().nullable(), label: z.string(), values: z.array(z.number().nullable()) })),
  }),
  z.object({
    kind: z.literal('funnel'),
    /** conversion: this step over the previous one (null for the first); overall: this step over the first. */
    steps: z.array(z.object({ optionId: id, label: z.string(), count: z.number(), conversion: z.number().nullable(), overall: z.number().nullable() })),
  }),
  z.object({
    kind: z.literal('table'),
    fieldIds: z.array(id),
    rows: z.array(z.object({ id, fields: z.record(z.string(), z.unknown()) })),
    total: z.number().int(),
  }),
]);
export type WidgetData = z.infer<typeof widgetData>;
export const widgetResult = z.union([
  z.object({ widgetId: id, ok: z.literal(true), data: widgetData }),
  z.object({ widgetId: id, ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type WidgetResult = z.infer<typeof widgetResult>;

export const listDashboards = defineRoute({
  method: 'get',
  path: '/base/bases/:baseId/dashboards',
  access: 'user',
  params: z.object({ baseId: id }),
  output: z.object({ items: z.array(dashboardSummary) }),
});
export const createDashboard = defineRoute({
  method: 'post',
  path: '/base/bases/:baseId/dashboards',
  access: 'user',
  params: z.object({ baseId: id }),
  body: createDashboardInput,
  output: dashboardDto,
  status: 201,
});
export const getDashboard = defineRoute({
  method: 'get',
  path: '/base/dashboards/:dashboardId',
  access: 'user',
  params: z.object({ dashboardId: id }),
  output: dashboardDto,
});
export const updateDashboard = defineRoute({
  method: 'patch',
  path: '/base/dashboards/:dashboardId',
  access: 'user',
  params: z.object({ dashboardId: id }),
  body: updateDashboardInput,
  output: dashboardDto,
});
export const deleteDashboard = defineRoute({
  method: 'delete',
  path: '/base/dashboards/:dashboardId',
  access: 'user',
  params: z.object({ dashboardId: id }),
  output: ok,
});
export const addWidget = defineRoute({
  method: 'post',
  path: '/base/dashboards/:dashboardId/widgets',
  access: 'user',
  params: z.object({ dashboardId: id }),
  body: widgetSpec,
  output: widgetDto,
  status: 201,
});
export const updateWidget = defineRoute({
  method: 'put',
  path: '/base/dashboards/:dashboardId/widgets/:widgetId',
  access: 'user',
  params: z.object({ dashboardId: id, widgetId: id }),
  body: widgetSpec,
  output: widgetDto,
});
export const deleteWidget = defineRoute({
  method: 'delete',
  path: '/base/dashboards/:dashboardId/widgets/:widgetId',
  access: 'user',
  params: z.object({ dashboardId: id, widgetId: id }),
  output: ok,
});
/** Computes every widget with the viewer's filter values and permissions; a widget that fails reports its own error. */
export const dashboardData = defineRoute({
  method: 'post',
  path: '/base/dashboards/:dashboardId/data',
  access: 'user',
  params: z.object({ dashboardId: id }),
  body: z.object({ filters: z.record(z.string(), dashboardFilterValue).default({}) }),
  output: z.object({ widgets: z.array(widgetResult), computedAt: isoDateTime }),
});

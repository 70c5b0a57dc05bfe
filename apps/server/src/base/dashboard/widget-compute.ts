import { sql } from 'kysely';
import type { DashboardFilterValue, WidgetDto, WidgetResult } from '@concord/contracts';
import type { Deps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/http/actor.ts';
import { AppError, localize } from '../../platform/errors.ts';
import { tableAccess } from '../table-access.ts';
import { filterToSql } from '../filter-to-sql.ts';
import { loadRelated, loadTable, withoutFields, type TableMeta } from '../table-meta.ts';
import type { TableAccess } from '../table-access.ts';
import type { RelatedTables } from '../field-sql.ts';
import type { DashboardRow } from './dashboard.repo.ts';
import { dashboardFilterSql } from './dashboard-filters.ts';
import { badWidget } from './group-keys.ts';
import { coalesced } from './coalesce.ts';
import { widgetData, type WidgetScope } from './widget-query.ts';
import { allOf } from '../read-scope.ts';


/** The filter values that matter to a widget's table, so unrelated filters do not split the shared computation. */
function relevantValues(row: DashboardRow, tableId: string, values: Readonly<Record<string, DashboardFilterValue>>): Record<string, DashboardFilterValue> {
  const out: Record<string, DashboardFilterValue> = {};
  for (const f of row.filters) if (values[f.id] !== undefined && f.targets.some((t) => t.tableId === tableId)) out[f.id] = values[f.id]!;
  return out;
}

/** What one data request loads once per table, however many widgets read it. */
export type TableLoads = Map<string, Promise<{ table: TableMeta; access: TableAccess; related: RelatedTables }>>;

function loadFor(deps: Deps, ctx: RequestContext, loads: TableLoads, tableId: string) {
  let p = loads.get(tableId);
  if (!p) {
    p = (async () => {
      const table = await loadTable(deps.db, tableId);
      const access = await tableAccess(deps.db, ctx.actor, table, 'read');
      return { table, access, related: await loadRelated(deps.db, table) };
    })();
    // Failures surface in every widget of the table; nothing else awaits the promise.
    p.catch(() => undefined);
    loads.set(tableId, p);
  }
  return p;
}

/**
 * One widget's data as the viewer may see it: the table's row rules and hidden fields apply exactly as in record
 * queries. Viewers whose access is the same share one computation; failures come back as a per-widget error.
 */
export async function computeWidget(
  deps: Deps,
  ctx: RequestContext,
  row: DashboardRow,
  widget: WidgetDto,
  values: Readonly<Record<string, DashboardFilterValue>>,
  now: Date,
  loads: TableLoads,
): Promise<WidgetResult> {
  try {
    const { id, ...spec } = widget;
    const { table, access, related } = await loadFor(deps, ctx, loads, spec.tableId);
    if (table.baseId !== row.baseId) throw badWidget(`Table ${spec.tableId} is not in this base`, `数据表 ${spec.tableId} 不在此多维表格中`);
    const userId = ctx.actor?.kind === 'user' ? ctx.actor.userId : null;
    const relevant = relevantValues(row, table.id, values);
    const view = spec.viewId ? table.views.find((v) => v.id === spec.viewId) : null;
    if (spec.viewId && !view) throw badWidget(`View ${spec.viewId} not found`, `视图 ${spec.viewId} 不存在`);
    // Viewers share results unless rows are restricted for them or a filter says "me" (the widget's or its view's).
    const personal = access.restricted || JSON.stringify([spec, view?.config.filter ?? null]).includes('"me"');
    // Filter definitions too: two dashboards may give the same filter id different target fields.
    const filters = row.filters.filter((f) => relevant[f.id] !== undefined);
    const key = JSON.stringify([spec, view?.config.filter ?? null, filters, relevant, personal ? `user:${userId ?? ''}` : 'all', ctx.locale]);
    const data = await coalesced(deps.db, key, async () => {
      const visible = access.hidden.size ? withoutFields(table, access.hidden) : table;
      const fctx = { table: visible, related, now, userId };
      const where =
        allOf(
          access.rows,
          view?.config.filter ? filterToSql(view.config.filter, fctx) : null,
          spec.filter ? filterToSql(spec.filter, fctx) : null,
          dashboardFilterSql(row.filters, relevant, visible, related),
        ) ?? sql<boolean>`true`;
      const scope: WidgetScope = { ...fctx, where, locale: ctx.locale };
      return widgetData(deps.db, scope, spec);
    });
    return { widgetId: id, ok: true, data };
  } catch (err) {
    if (err instanceof AppError) return { widgetId: widget.id, ok: false, error: { code: err.code, message: localize(err.text, ctx.locale) } };
    console.error(`dashboard widget ${widget.id} failed`, err);
    const text = { en: 'This widget could not be computed', zh: '此组件计算失败' };
    return { widgetId: widget.id, ok: false, error: { code: 'base.dashboard.widget_failed', message: localize(text, ctx.locale) } };
  }
}

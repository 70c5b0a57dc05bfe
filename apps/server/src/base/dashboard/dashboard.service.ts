import { sql } from 'kysely';
import {
  createDashboardInput,
  updateDashboardInput,
  widgetSpec,
  type CreateDashboardInput,
  type DashboardDto,
  type DashboardFilter,
  type DashboardFilterValue,
  type DashboardSummary,
  type UpdateDashboardInput,
  type WidgetDto,
  type WidgetResult,
  type WidgetSpec,
  type WidgetSpecInput,
} from '@concord/contracts';
import type { Deps } from '../../platform/deps.ts';
import type { Db } from '../../platform/db/database.ts';
import { actorIdOf, type RequestContext } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { requireRole } from '../access.ts';
import { filterToSql } from '../filter-to-sql.ts';
import { loadRelated, loadTable, type TableMeta } from '../table-meta.ts';
import * as repo from './dashboard.repo.ts';
import { checkFilterTarget } from './dashboard-filters.ts';
import { badWidget } from './group-keys.ts';
import { computeWidget, type TableLoads } from './widget-compute.ts';
import { widgetData } from './widget-query.ts';

export const dashboardNotFound = (id: string) =>
  new AppError('not_found', 'base.dashboard.not_found', { en: `Dashboard ${id} not found`, zh: `仪表盘 ${id} 不存在` });
const widgetNotFound = (id: string) => new AppError('not_found', 'base.dashboard.widget_not_found', { en: `Widget ${id} not found`, zh: `组件 ${id} 不存在` });

async function load(db: Db, ctx: RequestContext, id: string, min: 'viewer' | 'editor'): Promise<{ row: repo.DashboardRow; canEdit: boolean }> {
  const row = await repo.findById(db, id);
  if (!row) throw dashboardNotFound(id);
  const role = await requireRole(db, ctx.actor, row.baseId, min);
  return { row, canEdit: role === 'owner' || role === 'editor' };
}

function toDto(row: repo.DashboardRow, canEdit: boolean): DashboardDto {
  return { id: row.id, baseId: row.baseId, name: row.name, filters: row.filters, widgets: row.widgets, canEdit, updatedAt: row.updatedAt.toISOString() };
}

/** Tables of the dashboard's base, loaded once per write. */
function tableLoader(db: Db, baseId: string): (tableId: string) => Promise<TableMeta> {
  const cache = new Map<string, Promise<TableMeta>>();
  return (tableId) => {
    let p = cache.get(tableId);
    if (!p) {
      p = loadTable(db, tableId).then((t) => {
        if (t.baseId !== baseId) throw badWidget(`Table ${tableId} is not in this base`, `数据表 ${tableId} 不在此多维表格中`);
        return t;
      });
      cache.set(tableId, p);
    }
    return p;
  };
}

/**
 * Checks a widget against its table by compiling and running its query over no rows: unknown fields, wrong field
 * types and bad filters fail here with a 4xx rather than later on the dashboard.
 */
async function checkWidget(deps: Deps, db: Db, ctx: RequestContext, tables: (id: string) => Promise<TableMeta>, spec: WidgetSpec): Promise<void> {
  const table = await tables(spec.tableId);
  if (spec.viewId && !table.views.some((v) => v.id === spec.viewId)) throw badWidget(`View ${spec.viewId} not found`, `视图 ${spec.viewId} 不存在`);
  const related = await loadRelated(db, table);
  const scope = { table, related, now: deps.clock.now(), userId: ctx.actor?.kind === 'user' ? ctx.actor.userId : null, locale: ctx.locale };
  if (spec.filter) filterToSql(spec.filter, scope);
  await widgetData(db, { ...scope, where: sql<boolean>`false` }, spec);
}

async function checkFilters(tables: (id: string) => Promise<TableMeta>, filters: readonly DashboardFilter[]): Promise<void> {
  const ids = new Set<string>();
  for (const f of filters) {
    if (ids.has(f.id)) throw badWidget(`Two filters have the id ${f.id}`, `筛选条件 id ${f.id} 重复`);
    ids.add(f.id);
    for (const t of f.targets) checkFilterTarget(f, await tables(t.tableId), t.fieldId);
  }
}

/**
 * Creates a dashboard, optionally with its filters and widgets (base editors and owners).
 * @example await createDashboard(deps, ctx, baseId, { name: '销售看板', widgets: [{ kind: 'number', title: '客户总数', agg: 'count', tableId, layout: { x: 0, y: 0, w: 3, h: 2 } }] })
 */
export async function createDashboard(deps: Deps, ctx: RequestContext, baseId: string, input: CreateDashboardInput): Promise<DashboardDto> {
  const parsed = createDashboardInput.parse(input);
  await requireRole(deps.db, ctx.actor, baseId, 'editor');
  const tables = tableLoader(deps.db, baseId);
  await checkFilters(tables, parsed.filters);
  for (const w of parsed.widgets) await checkWidget(deps, deps.db, ctx, tables, w);
  const id = newId('dsh', 12);
  await inTransaction(deps.db, async (trx) => {
    await repo.insert(trx, { id, baseId, name: parsed.name, filters: parsed.filters, createdBy: actorIdOf(ctx.actor) });
    for (const [i, w] of parsed.widgets.entries()) await repo.insertWidget(trx, id, newId('wdg', 12), w, i);
    await audit(trx, ctx, 'base.dashboard.create', { type: 'base_dashboard', id });
  });
  const row = await repo.findById(deps.db, id);
  return toDto(row!, true);
}

export async function listDashboards(deps: Deps, ctx: RequestContext, baseId: string): Promise<DashboardSummary[]> {
  await requireRole(deps.db, ctx.actor, baseId, 'viewer');
  return repo.listByBase(deps.db, baseId);
}

export async function getDashboard(deps: Deps, ctx: RequestContext, id: string): Promise<DashboardDto> {
  const { row, canEdit } = await load(deps.db, ctx, id, 'viewer');
  return toDto(row, canEdit);
}

/** Renames, replaces the filters, or moves and resizes widgets. */
export async function updateDashboard(deps: Deps, ctx: RequestContext, id: string, input: UpdateDashboardInput): Promise<DashboardDto> {
  const patch = updateDashboardInput.parse(input);
  const { row } = await load(deps.db, ctx, id, 'editor');
  if (patch.filters) await checkFilters(tableLoader(deps.db, row.baseId), patch.filters);
  const layouts = new Map((patch.layout ?? []).map((l) => [l.widgetId, l.layout]));
  for (const widgetId of layouts.keys()) if (!row.widgets.some((w) => w.id === widgetId)) throw widgetNotFound(widgetId);
  await inTransaction(deps.db, async (trx) => {
    await repo.update(trx, id, { name: patch.name, filters: patch.filters }, deps.clock.now());
    if (layouts.size) await repo.setLayouts(trx, id, row.widgets, layouts);
    await audit(trx, ctx, 'base.dashboard.update', { type: 'base_dashboard', id });
  });
  return toDto((await repo.findById(deps.db, id))!, true);
}

export async function deleteDashboard(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  await load(deps.db, ctx, id, 'editor');
  await inTransaction(deps.db, async (trx) => {
    await repo.remove(trx, id);
    await audit(trx, ctx, 'base.dashboard.delete', { type: 'base_dashboard', id });
  });
}

/** Adds a widget at the end (base editors and owners). */
export async function addWidget(deps: Deps, ctx: RequestContext, dashboardId: string, input: WidgetSpecInput): Promise<WidgetDto> {
  const spec = widgetSpec.parse(input);
  const { row } = await load(deps.db, ctx, dashboardId, 'editor');
  await checkWidget(deps, deps.db, ctx, tableLoader(deps.db, row.baseId), spec);
  const id = newId('wdg', 12);
  await inTransaction(deps.db, async (trx) => {
    await repo.insertWidget(trx, dashboardId, id, spec, row.widgets.length);
    await repo.touch(trx, dashboardId, deps.clock.now());
  });
  return { ...spec, id };
}

export async function updateWidget(deps: Deps, ctx: RequestContext, dashboardId: string, widgetId: string, input: WidgetSpecInput): Promise<WidgetDto> {
  const spec = widgetSpec.parse(input);
  const { row } = await load(deps.db, ctx, dashboardId, 'editor');
  if (!row.widgets.some((w) => w.id === widgetId)) throw widgetNotFound(widgetId);
  await checkWidget(deps, deps.db, ctx, tableLoader(deps.db, row.baseId), spec);
  await inTransaction(deps.db, async (trx) => {
    await repo.updateWidget(trx, dashboardId, widgetId, spec);
    await repo.touch(trx, dashboardId, deps.clock.now());
  });
  return { ...spec, id: widgetId };
}

export async function deleteWidget(deps: Deps, ctx: RequestContext, dashboardId: string, widgetId: string): Promise<void> {
  await load(deps.db, ctx, dashboardId, 'editor');
  await inTransaction(deps.db, async (trx) => {
    if ((await repo.removeWidget(trx, dashboardId, widgetId)) === 0) throw widgetNotFound(widgetId);
    await repo.touch(trx, dashboardId, deps.clock.now());
  });
}

/**
 * Every widget's data with the viewer's filter values and permissions. A widget that cannot be computed (a table the
 * viewer may not see, a field deleted since) reports its own error; the rest still show.
 */
export async function dashboardData(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  values: Readonly<Record<string, DashboardFilterValue>>,
): Promise<{ widgets: WidgetResult[]; computedAt: string }> {
  const { row } = await load(deps.db, ctx, id, 'viewer');
  const now = deps.clock.now();
  const loads: TableLoads = new Map();
  const widgets = await Promise.all(row.widgets.map((w) => computeWidget(deps, ctx, row, w, values, now, loads)));
  return { widgets, computedAt: now.toISOString() };
}

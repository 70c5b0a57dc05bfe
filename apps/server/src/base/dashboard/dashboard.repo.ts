import { dashboardFilter, widgetSpec, type DashboardFilter, type WidgetDto, type WidgetLayout, type WidgetSpec } from '@concord/contracts';
import type { Db } from '../../platform/db/database.ts';
import './dashboard.db.ts';

/** A dashboard as stored, with its widgets in order. */
export interface DashboardRow {
  id: string;
  baseId: string;
  name: string;
  filters: DashboardFilter[];
  widgets: WidgetDto[];
  updatedAt: Date;
}

/** Stored specs are re-parsed so defaults added later apply; a spec that no longer parses is skipped rather than breaking the page. */
function toWidget(row: { id: string; spec: unknown }): WidgetDto[] {
  const parsed = widgetSpec.safeParse(row.spec);
  return parsed.success ? [{ ...parsed.data, id: row.id }] : [];
}

export async function findById(db: Db, id: string): Promise<DashboardRow | null> {
  const row = await db.selectFrom('base_dashboards').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const widgets = await db
    .selectFrom('base_dashboard_widgets')
    .select(['id', 'spec'])
    .where('dashboard_id', '=', id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return {
    id: row.id,
    baseId: row.base_id,
    name: row.name,
    filters: (Array.isArray(row.filters) ? row.filters : []).flatMap((f) => {
      const parsed = dashboardFilter.safeParse(f);
      return parsed.success ? [parsed.data] : [];
    }),
    widgets: widgets.flatMap(toWidget),
    updatedAt: row.updated_at,
  };
}

export async function listByBase(db: Db, baseId: string): Promise<{ id: string; baseId: string; name: string }[]> {
  const rows = await db
    .selectFrom('base_dashboards')
    .select(['id', 'base_id', 'name'])
    .where('base_id', '=', baseId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, baseId: r.base_id, name: r.name }));
}

export async function insert(db: Db, row: { id: string; baseId: string; name: string; filters: DashboardFilter[]; createdBy: string | null }): Promise<void> {
  const count = await db
    .selectFrom('base_dashboards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('base_id', '=', row.baseId)
    .executeTakeFirst();
  await db
    .insertInto('base_dashboards')
    .values({
      id: row.id,
      base_id: row.baseId,
      name: row.name,
      filters: JSON.stringify(row.filters),
      position: Number(count?.n ?? 0),
      created_by: row.createdBy,
    })
    .execute();
}

export async function update(db: Db, id: string, patch: { name?: string | undefined; filters?: DashboardFilter[] | undefined }, at: Date): Promise<void> {
  await db
    .updateTable('base_dashboards')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.filters !== undefined ? { filters: JSON.stringify(patch.filters) } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function remove(db: Db, id: string): Promise<void> {
  await db.deleteFrom('base_dashboards').where('id', '=', id).execute();
}

export async function insertWidget(db: Db, dashboardId: string, id: string, spec: WidgetSpec, position: number): Promise<void> {
  await db
    .insertInto('base_dashboard_widgets')
    .values({ id, dashboard_id: dashboardId, position, spec: JSON.stringify(spec) })
    .execute();
}

export async function updateWidget(db: Db, dashboardId: string, id: string, spec: WidgetSpec): Promise<number> {
  const res = await db
    .updateTable('base_dashboard_widgets')
    .set({ spec: JSON.stringify(spec) })
    .where('dashboard_id', '=', dashboardId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function removeWidget(db: Db, dashboardId: string, id: string): Promise<number> {
  const res = await db.deleteFrom('base_dashboard_widgets').where('dashboard_id', '=', dashboardId).where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function setLayouts(db: Db, dashboardId: string, widgets: WidgetDto[], layouts: Map<string, WidgetLayout>): Promise<void> {
  for (const w of widgets) {
    const layout = layouts.get(w.id);
    if (!layout) continue;
    const { id, ...spec } = w;
    await updateWidget(db, dashboardId, id, { ...spec, layout });
  }
}

/** Bumps the dashboard's change time after a widget change. */
export async function touch(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('base_dashboards').set({ updated_at: at }).where('id', '=', id).execute();
}

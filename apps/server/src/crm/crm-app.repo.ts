import type { CrmAppDto, CrmLocale, CrmTables } from '@concord/contracts';
import type { Db } from '../platform/db/database.ts';
import './crm.db.ts';

/** The in-app path of a CRM's sales dashboard (the base's own page when it has none). */
export function dashboardPath(baseId: string, dashboardId: string | null): string {
  return dashboardId ? `/base/${baseId}/dashboards/${dashboardId}` : `/base/${baseId}`;
}

export async function insertCrmApp(
  db: Db,
  row: { baseId: string; locale: CrmLocale; tables: CrmTables; dashboardId: string | null; demo: boolean; createdBy: string | null },
): Promise<void> {
  await db
    .insertInto('crm_apps')
    .values({
      base_id: row.baseId,
      locale: row.locale,
      customers_table_id: row.tables.customers,
      contacts_table_id: row.tables.contacts,
      opportunities_table_id: row.tables.opportunities,
      activities_table_id: row.tables.activities,
      dashboard_id: row.dashboardId,
      demo: row.demo,
      created_by: row.createdBy,
    })
    .execute();
}

/** CRMs on these bases (the ones the caller can open, with their names), oldest first. */
export async function listCrmApps(db: Db, bases: readonly { id: string; name: string }[]): Promise<CrmAppDto[]> {
  if (bases.length === 0) return [];
  const names = new Map(bases.map((b) => [b.id, b.name]));
  const rows = await db
    .selectFrom('crm_apps')
    .selectAll()
    .where(
      'base_id',
      'in',
      bases.map((b) => b.id),
    )
    .orderBy('created_at')
    .orderBy('base_id')
    .execute();
  return rows.map((r) => ({
    appToken: r.base_id,
    name: names.get(r.base_id) ?? '',
    locale: r.locale,
    tables: { customers: r.customers_table_id, contacts: r.contacts_table_id, opportunities: r.opportunities_table_id, activities: r.activities_table_id },
    dashboardId: r.dashboard_id,
    dashboardUrl: dashboardPath(r.base_id, r.dashboard_id),
    demo: r.demo,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** The demo CRM's base id, if the demo seed already made one. */
export async function findDemoCrm(db: Db): Promise<string | null> {
  const row = await db.selectFrom('crm_apps').select('base_id').where('demo', '=', true).executeTakeFirst();
  return row?.base_id ?? null;
}

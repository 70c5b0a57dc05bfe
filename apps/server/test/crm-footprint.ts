import { sql } from 'kysely';
import type { Db } from '../src/platform/db/database.ts';

const COUNTED = [
  'bases',
  'base_members',
  'base_tables',
  'base_fields',
  'base_views',
  'base_links',
  'base_record_history',
  'base_dedup_keys',
  'base_dedup_pairs',
  'base_automations',
  'base_dashboards',
  'base_dashboard_widgets',
  'crm_apps',
  'outbox',
] as const;

/** What building a CRM leaves in the database: rows of every table it writes to, and its record tables and indexes. */
export async function crmFootprint(db: Db): Promise<Record<(typeof COUNTED)[number] | 'physical', number>> {
  const out: Record<string, number> = {};
  for (const table of COUNTED) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  const physical = await sql<{ n: number }>`select count(*)::int as n from pg_class where relname like 'bt\\_%' or relname like 'ix\\_%'`.execute(db);
  out.physical = physical.rows[0]!.n;
  return out as Record<(typeof COUNTED)[number] | 'physical', number>;
}

/**
 * Makes the CRM's last write (recording the base as a CRM) fail, as a late crash would, until the returned function is
 * called: a real database error, so the rollback under test is the real one.
 */
export async function failCrmRegistration(db: Db): Promise<() => Promise<void>> {
  await sql`create or replace function test_refuse_crm_app() returns trigger language plpgsql as $$
    begin raise exception 'provoked late failure'; end $$`.execute(db);
  await sql`create trigger test_refuse_crm_app before insert on crm_apps for each row execute function test_refuse_crm_app()`.execute(db);
  return async () => {
    await sql`drop trigger test_refuse_crm_app on crm_apps`.execute(db);
    await sql`drop function test_refuse_crm_app()`.execute(db);
  };
}

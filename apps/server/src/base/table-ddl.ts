import { sql } from 'kysely';
import type { FieldMeta } from '@concord/table-engine';
import type { Db } from '../platform/db/database.ts';
import { columnSpecs } from './field-columns.ts';
import { physicalTable } from './table-meta.ts';
import { addRecordPosition } from './record-position.repo.ts';

/** Creates the record table of a Base table with its system columns. */
export async function createRecordTable(trx: Db, tableId: string): Promise<void> {
  await sql`create table ${physicalTable(tableId)} (
    id text primary key,
    seq bigint generated always as identity unique,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    created_by text,
    updated_at timestamptz not null default now(),
    updated_by text
  )`.execute(trx);
  await addRecordPosition(trx, tableId);
  // Dashboards' per-chunk caches learn what changed from these triggers (migration 2026-11-24-16-record-changes.sql).
  await sql`select base_track_record_changes(${tableId})`.execute(trx);
  await sql`select base_chunk_statistics(${tableId})`.execute(trx);
}

export async function dropRecordTable(trx: Db, tableId: string): Promise<void> {
  await sql`drop table if exists ${physicalTable(tableId)}`.execute(trx);
}

/** Adds the physical column of a stored field (no-op for links and computed fields). */
export async function addFieldColumn(trx: Db, tableId: string, field: Pick<FieldMeta, 'id' | 'type'>): Promise<void> {
  const type = columnSpecs[field.type].sqlType;
  if (!type) return;
  const notNull = field.type === 'checkbox' ? sql` not null default false` : sql``;
  await sql`alter table ${physicalTable(tableId)} add column ${sql.id(field.id)} ${sql.raw(type)}${notNull}`.execute(trx);
}

export async function dropFieldColumn(trx: Db, tableId: string, field: Pick<FieldMeta, 'id' | 'type'>): Promise<void> {
  if (!columnSpecs[field.type].sqlType) return;
  await sql`alter table ${physicalTable(tableId)} drop column if exists ${sql.id(field.id)}`.execute(trx);
}

import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { fieldTypeDefs, type FieldMeta, type FilterNode } from '@concord/table-engine';
import type { ViewConfig } from '@concord/contracts';
import type { Db } from '../platform/db/database.ts';
import { physicalTable, type TableMeta } from './table-meta.ts';
import { groupIndexColumn } from './group-sql.ts';

/** Field kinds whose sort key and equality filter are the stored column itself, so a btree on the column serves them. */
const PLAIN_KINDS = new Set(['text', 'number', 'boolean', 'date', 'select']);
const SYSTEM_COLUMN: Partial<Record<FieldMeta['type'], string>> = { autoNumber: 'seq', createdTime: 'created_at', modifiedTime: 'updated_at' };

function columnOf(field: FieldMeta | undefined): string | null {
  if (!field) return null;
  const system = SYSTEM_COLUMN[field.type];
  if (system) return system;
  return PLAIN_KINDS.has(fieldTypeDefs[field.type].valueKind) ? field.id : null;
}

/** Fields compared for equality by conditions every record must meet (the top-level AND). */
function equalityFields(filter: FilterNode | null | undefined): string[] {
  if (!filter) return [];
  if (filter.kind === 'condition') return filter.operator === 'is' ? [filter.fieldId] : [];
  return filter.conjunction === 'and' ? filter.children.flatMap(equalityFields) : [];
}

export interface ViewIndex {
  name: string;
  columns: RawBuilder<unknown>;
}

/**
 * The indexes that let PostgreSQL answer a view's page without reading the whole table: one matching the view's sort
 * (direction and blanks-last included, with seq as the final tie-break exactly as record pages order) and one per
 * equality condition. Select sorts follow option order, an expression that changes with the options: not indexed.
 */
export function viewIndexes(table: TableMeta, config: Pick<ViewConfig, 'sort' | 'filter' | 'groupBy'>): ViewIndex[] {
  const out: { key: string; columns: RawBuilder<unknown>[] }[] = [];
  const sortCols: { col: string; desc: boolean }[] = [];
  for (const s of config.sort ?? []) {
    const field = table.byId.get(s.fieldId);
    const col = columnOf(field);
    if (!col || field?.type === 'singleSelect') break;
    sortCols.push({ col, desc: s.desc });
  }
  const sortKey = sortCols.map((c) => `${c.col} ${c.desc ? 'd' : 'a'}`);
  const sortIx = sortCols.map((c) => sql`${sql.ref(c.col)} ${sql.raw(c.desc ? 'desc nulls last' : 'asc nulls last')}`);
  if (sortCols.length) out.push({ key: sortKey.join(','), columns: [...sortIx, sql`seq`] });
  // Grouped pages read one group at a time by equality on its values (group-sql.ts groupParts), in the in-group order:
  // the manual order, or the sort when all of it is indexable; otherwise the index only finds the group.
  const groupCols = (config.groupBy ?? []).map((g) => {
    const field = table.byId.get(g.fieldId);
    return field ? groupIndexColumn(field) : null;
  });
  if (groupCols.length && groupCols.every((c) => c !== null)) {
    const sorted = config.sort?.length ?? 0;
    let inner = { key: '', columns: [] as RawBuilder<unknown>[] };
    if (sorted === 0) inner = { key: 'position,seq', columns: [sql`position`, sql`seq`] };
    else if (sortCols.length === sorted) inner = { key: [...sortKey, 'seq'].join(','), columns: [...sortIx, sql`seq`] };
    out.push({ key: `group ${groupCols.join(',')} | ${inner.key}`, columns: [...groupCols.map((c) => sql.ref(c!)), ...inner.columns] });
  }
  for (const fieldId of new Set(equalityFields(config.filter))) {
    const col = columnOf(table.byId.get(fieldId));
    if (col) out.push({ key: `eq ${col}`, columns: [sql.ref(col)] });
  }
  return out.map((x) => ({
    name: `ix_${table.id}_${createHash('sha1').update(x.key).digest('hex').slice(0, 10)}`,
    columns: sql.join(x.columns),
  }));
}

/**
 * Creates the view's indexes that do not exist yet. On PostgreSQL it builds them CONCURRENTLY, so writes to the table go
 * on meanwhile; where that is refused (PGlite), it builds them the plain way. Dropping a field drops its indexes.
 * Inside a transaction (the CRM template) it builds them the plain way too: PostgreSQL refuses CONCURRENTLY there, and
 * the refusal would abort the caller's transaction.
 */
export async function ensureViewIndexes(db: Db, table: TableMeta, config: Pick<ViewConfig, 'sort' | 'filter' | 'groupBy'>): Promise<void> {
  for (const ix of viewIndexes(table, config)) {
    const target = physicalTable(table.id);
    const name = sql.id(ix.name);
    if (db.isTransaction) {
      await sql`create index if not exists ${name} on ${target} (${ix.columns})`.execute(db);
      continue;
    }
    try {
      await sql`create index concurrently if not exists ${name} on ${target} (${ix.columns})`.execute(db);
    } catch {
      // A failed concurrent build leaves an invalid index behind; replace it with a plain build.
      await sql`drop index if exists ${name}`.execute(db);
      await sql`create index if not exists ${name} on ${target} (${ix.columns})`.execute(db);
    }
  }
}

import { sql, type RawBuilder, type Selectable } from 'kysely';
import { fieldOptions, type FieldMeta, type FieldType, type OptionsOf } from '@concord/table-engine';
import { dedupRule, tableRule, viewConfig, type DedupRuleDto, type FieldDto, type TableDto, type TableRule, type ViewDto } from '@concord/contracts';
import type { Database, Db } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import type { Membership } from './access.ts';

/** A Base table's metadata, loaded once per request: the only source of identifiers for its dynamic SQL. */
export interface TableMeta {
  id: string;
  baseId: string;
  name: string;
  fields: FieldMeta[];
  primaryFieldId: string;
  byId: Map<string, FieldMeta>;
  byName: Map<string, FieldMeta>;
  views: ViewDto[];
  descriptions: Map<string, string | null>;
  rules: TableRule[];
  /** The duplicate rule, when the table has one. */
  dedup: DedupRuleDto | null;
  /** Bumped by the database on any change to the table's fields or views (results derived from them key on it). */
  metaVersion: number;
  /** Set when loaded for a record write ({@link loadTableForWrite}); otherwise writes look their subscribers up. */
  subscribers?: Subscribers;
}

/** Who hears about a table's record changes: its active webhooks and enabled automations. */
export interface Subscribers {
  webhooks: { id: string; events: string[] }[];
  automations: { id: string; trigger: unknown }[];
}

const SAFE_ID = /^[A-Za-z0-9]{4,64}$/;

/** The physical table holding a Base table's records (docs/decisions/0001-base-storage.md). */
export function physicalTable(tableId: string): RawBuilder<unknown> {
  if (!SAFE_ID.test(tableId)) throw new Error(`unsafe table id ${tableId}`);
  return sql.table(`bt_${tableId}`);
}

/** The column of a stored field, qualified by alias `t`. */
export function fieldColumn(fieldId: string): RawBuilder<unknown> {
  if (!SAFE_ID.test(fieldId)) throw new Error(`unsafe field id ${fieldId}`);
  return sql.ref(`t.${fieldId}`);
}

export const tableNotFound = (tableId: string) =>
  new AppError('not_found', 'base.table.not_found', { en: `Table ${tableId} not found`, zh: `数据表 ${tableId} 不存在` }, { feishuCode: 1254041 });

/** The part of a table's metadata that comes from its fields and views rows. Shared between requests: never mutate it. */
type FieldsAndViews = Pick<TableMeta, 'fields' | 'primaryFieldId' | 'byId' | 'byName' | 'views' | 'descriptions'>;
/** Fields and views of recently used tables, per database handle, valid while the table's meta_version is unchanged. */
const metaCache = new WeakMap<Db, Map<string, { version: number; meta: FieldsAndViews }>>();
const META_CACHE_SIZE = 500;

async function fieldsAndViews(db: Db, tableId: string, version: number): Promise<FieldsAndViews> {
  let cache = metaCache.get(db);
  const hit = cache?.get(tableId);
  if (hit && hit.version === version) return hit.meta;
  const [fieldRows, viewRows] = await Promise.all([
    db.selectFrom('base_fields').selectAll().where('table_id', '=', tableId).orderBy('position').orderBy('created_at').execute(),
    db.selectFrom('base_views').selectAll().where('table_id', '=', tableId).orderBy('position').execute(),
  ]);
  const fields = fieldRows.map((r) => toFieldMeta(r.id, r.name, r.type, r.options));
  const meta: FieldsAndViews = {
    fields,
    primaryFieldId: (fieldRows.find((r) => r.is_primary) ?? fieldRows[0])?.id ?? '',
    byId: new Map(fields.map((f) => [f.id, f])),
    byName: new Map(fields.map((f) => [f.name, f])),
    views: viewRows.map((v) => ({ id: v.id, tableId: v.table_id, name: v.name, type: v.type, config: viewConfig.parse(v.config) })),
    descriptions: new Map(fieldRows.map((r) => [r.id, r.description])),
  };
  if (!cache) metaCache.set(db, (cache = new Map()));
  cache.delete(tableId);
  if (cache.size >= META_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(tableId, { version, meta });
  return meta;
}

/**
 * Loads a table's metadata. The table row (name, rules, dedup rule) is always read; fields and views come from a
 * per-instance cache while the row's meta_version, which database triggers bump on every change to them, is unchanged.
 * Inside a transaction `trx` is its own cache key, so a version bumped by uncommitted work never leaks to others.
 */
export async function loadTable(db: Db, tableId: string): Promise<TableMeta> {
  const table = await db.selectFrom('base_tables').selectAll().where('id', '=', tableId).executeTakeFirst();
  if (!table) throw tableNotFound(tableId);
  return toTableMeta(db, table);
}

/**
 * {@link loadTable} for a record write, in one round trip with the caller's membership of the base (for
 * `tableAccess`) and the table's subscribers (for `changedEvent`). Subscribers are as of this read, just before the
 * write's transaction: a webhook or automation committed while the write runs is concurrent with it either way.
 */
export async function loadTableForWrite(db: Db, tableId: string, userId: string | null): Promise<{ table: TableMeta; membership: Membership }> {
  const row = await db
    .selectFrom('base_tables as t')
    .leftJoin('bases as b', 'b.id', 't.base_id')
    .leftJoin('base_members as m', (j) => j.onRef('m.base_id', '=', 't.base_id').on('m.user_id', '=', userId ?? ''))
    .selectAll('t')
    .select(['b.id as found_base_id', 'm.role as member_role'])
    .select(
      sql<
        Subscribers['webhooks']
      >`(select coalesce(json_agg(json_build_object('id', w.id, 'events', w.events)), '[]') from base_webhooks w where w.table_id = t.id and w.active)`.as(
        'webhooks',
      ),
    )
    .select(
      sql<
        Subscribers['automations']
      >`(select coalesce(json_agg(json_build_object('id', a.id, 'trigger', a.trigger)), '[]') from base_automations a where a.table_id = t.id and a.enabled)`.as(
        'automations',
      ),
    )
    .where('t.id', '=', tableId)
    .executeTakeFirst();
  if (!row) throw tableNotFound(tableId);
  const { found_base_id, member_role, webhooks, automations, ...table } = row;
  return {
    table: { ...(await toTableMeta(db, table)), subscribers: { webhooks, automations } },
    membership: { baseFound: found_base_id !== null, role: member_role },
  };
}

async function toTableMeta(db: Db, table: Selectable<Database['base_tables']>): Promise<TableMeta> {
  return {
    id: table.id,
    baseId: table.base_id,
    name: table.name,
    metaVersion: Number(table.meta_version),
    ...(await fieldsAndViews(db, table.id, Number(table.meta_version))),
    dedup: table.dedup ? (dedupRule.safeParse(table.dedup).data ?? null) : null,
    rules: (Array.isArray(table.rules) ? table.rules : []).flatMap((r) => {
      const parsed = tableRule.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    }),
  };
}

/** Re-validates stored options so code downstream can rely on defaults being present. */
export function toFieldMeta(id: string, name: string, type: FieldType, options: unknown): FieldMeta {
  const parsed = fieldOptions.safeParse({ type, options });
  return { id, name, type, options: (parsed.success ? parsed.data.options : options) as FieldMeta['options'] };
}

export function toTableDto(meta: TableMeta): TableDto {
  const fields: FieldDto[] = meta.fields.map((f) => ({
    id: f.id,
    tableId: meta.id,
    name: f.name,
    type: f.type,
    options: f.options as Record<string, unknown>,
    isPrimary: f.id === meta.primaryFieldId,
    description: meta.descriptions.get(f.id) ?? null,
  }));
  return { id: meta.id, baseId: meta.baseId, name: meta.name, primaryFieldId: meta.primaryFieldId, fields, views: meta.views };
}

/** The table plus every table its links point at, which lookups and rollups read. */
export async function loadRelated(db: Db, table: TableMeta): Promise<Map<string, TableMeta>> {
  const map = new Map<string, TableMeta>([[table.id, table]]);
  for (const f of table.fields) {
    if (f.type !== 'link') continue;
    const target = (f.options as OptionsOf<'link'>).tableId;
    if (!map.has(target)) map.set(target, await loadTable(db, target));
  }
  return map;
}

/** The table as a restricted member sees it: hidden fields are absent, so filters, sorts and metadata cannot name them. */
export function withoutFields(table: TableMeta, hidden: ReadonlySet<string>): TableMeta {
  const fields = table.fields.filter((f) => !hidden.has(f.id));
  return { ...table, fields, byId: new Map(fields.map((f) => [f.id, f])), byName: new Map(fields.map((f) => [f.name, f])) };
}

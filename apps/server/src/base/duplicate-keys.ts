import type { DedupRuleDto } from '@concord/contracts';
import type { FieldMeta } from '@concord/table-engine';
import type { Db } from '../platform/db/database.ts';
import { cellText } from './cell-text.ts';
import { columnSpecs } from './field-columns.ts';
import { blockingKeys } from './dedup/index.ts';
import type { TableMeta } from './table-meta.ts';

/** The rule's fields that still exist, with their metadata. */
export function ruleFields(table: TableMeta, rule: DedupRuleDto): { field: FieldMeta; comparator: DedupRuleDto['fields'][number]['comparator'] }[] {
  return rule.fields.flatMap((r) => {
    const field = table.byId.get(r.fieldId);
    return field ? [{ field, comparator: r.comparator }] : [];
  });
}

/** A stored (database-form) value as the text comparators read. */
export function dbValueText(field: FieldMeta, dbValue: unknown): string {
  return cellText(field, columnSpecs[field.type].fromDb(field, dbValue));
}

/**
 * Rewrites the normalised keys of some records for the rule's fields present in `values` (all of them for new
 * records), in the caller's transaction, so candidate lookup never scans the records themselves.
 */
export async function syncKeys(trx: Db, table: TableMeta, records: { id: string; values: Map<string, unknown> }[]): Promise<void> {
  if (!table.dedup || records.length === 0) return;
  const fields = ruleFields(table, table.dedup);
  const rows: { table_id: string; record_id: string; field_id: string; key: string }[] = [];
  const touched: { record: string; field: string }[] = [];
  for (const r of records) {
    for (const { field, comparator } of fields) {
      if (!r.values.has(field.id)) continue;
      touched.push({ record: r.id, field: field.id });
      for (const key of new Set(blockingKeys(comparator, dbValueText(field, r.values.get(field.id)))))
        rows.push({ table_id: table.id, record_id: r.id, field_id: field.id, key });
    }
  }
  for (const f of new Set(touched.map((t) => t.field))) {
    const ids = touched.filter((t) => t.field === f).map((t) => t.record);
    for (let i = 0; i < ids.length; i += 5000) {
      await trx
        .deleteFrom('base_dedup_keys')
        .where('table_id', '=', table.id)
        .where('field_id', '=', f)
        .where('record_id', 'in', ids.slice(i, i + 5000))
        .execute();
    }
  }
  for (let i = 0; i < rows.length; i += 5000)
    await trx
      .insertInto('base_dedup_keys')
      .values(rows.slice(i, i + 5000))
      .execute();
}

export async function dropKeys(trx: Db, tableId: string, recordIds: string[]): Promise<void> {
  if (recordIds.length) await trx.deleteFrom('base_dedup_keys').where('table_id', '=', tableId).where('record_id', 'in', recordIds).execute();
}

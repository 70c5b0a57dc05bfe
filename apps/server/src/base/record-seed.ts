import { sql } from 'kysely';
import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import type { OptionsOf } from '@concord/table-engine';
import { AppError } from '../platform/errors.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import { requireRole } from './access.ts';
import { loadTable, physicalTable } from './table-meta.ts';

/**
 * Bulk helpers for data that arrives with a past (the demo sales floor, a move from another system): set created times
 * and link thousands of records in a few statements. They skip history, webhooks and live events, so they are for
 * freshly seeded records nobody is watching yet.
 */

const CHUNK = 1000;

/**
 * Sets records' created and modified times, for data that has a past: the demo's months of history, or records moved
 * from another system. Base owners only; one transaction (the caller's when it has one); unknown ids are ignored. Returns how many records changed.
 * @example await backdateRecords(deps, ctx, tableId, [{ id: 'rec…', createdAt: new Date('2026-08-01T02:00:00Z') }])
 */
export async function backdateRecords(
  deps: Deps,
  ctx: RequestContext,
  tableId: string,
  items: readonly { id: string; createdAt: Date; updatedAt?: Date }[],
): Promise<number> {
  const table = await loadTable(deps.db, tableId);
  await requireRole(deps.db, ctx.actor, table.baseId, 'owner');
  if (items.length === 0) return 0;
  return inTransaction(deps.db, async (trx) => {
    let changed = 0;
    for (let i = 0; i < items.length; i += CHUNK) {
      const rows = items.slice(i, i + CHUNK).map((r) => sql`(${r.id}::text, ${r.createdAt}::timestamptz, ${r.updatedAt ?? r.createdAt}::timestamptz)`);
      const res = await sql`update ${physicalTable(tableId)} as t set created_at = v.c, updated_at = v.u
        from (values ${sql.join(rows)}) as v(id, c, u) where t.id = v.id`.execute(trx);
      changed += Number(res.numAffectedRows ?? 0);
    }
    return changed;
  });
}

/**
 * Links records through link field `fieldId` (and its reverse field), many pairs per statement; pairs already linked
 * are kept. Both ends must exist. Base owners only; one transaction (the caller's when it has one). Returns how many pairs were asked for.
 * @example await linkRecordsInBulk(deps, ctx, contactsCustomerFieldId, [{ fromId: contactId, toId: customerId }])
 */
export async function linkRecordsInBulk(deps: Deps, ctx: RequestContext, fieldId: string, pairs: readonly { fromId: string; toId: string }[]): Promise<number> {
  const row = await deps.db.selectFrom('base_fields').select(['table_id', 'type']).where('id', '=', fieldId).executeTakeFirst();
  const table = row ? await loadTable(deps.db, row.table_id) : null;
  const field = table?.byId.get(fieldId);
  if (!table || !field || field.type !== 'link')
    throw new AppError('validation', 'base.field.not_link', { en: `${fieldId} is not a link field`, zh: `${fieldId} 不是关联字段` });
  await requireRole(deps.db, ctx.actor, table.baseId, 'owner');
  const { tableId: targetId, reverseFieldId } = field.options as OptionsOf<'link'>;
  const missing = async (tableId: string, ids: string[]) => {
    const found = await sql<{ n: number }>`select count(*)::int as n from ${physicalTable(tableId)} where id = any(${sql.val(ids)}::text[])`.execute(deps.db);
    return Number(found.rows[0]?.n ?? 0) !== ids.length;
  };
  const froms = [...new Set(pairs.map((p) => p.fromId))];
  const tos = [...new Set(pairs.map((p) => p.toId))];
  if ((froms.length && (await missing(table.id, froms))) || (tos.length && (await missing(targetId, tos))))
    throw new AppError('validation', 'base.record.link_missing', { en: 'Some linked records do not exist', zh: '部分关联记录不存在' });
  const position = new Map<string, number>();
  await inTransaction(deps.db, async (trx) => {
    for (let i = 0; i < pairs.length; i += CHUNK) {
      const part = pairs.slice(i, i + CHUNK);
      const forward = part.map((p) => {
        const n = position.get(p.fromId) ?? 0;
        position.set(p.fromId, n + 1);
        return { field_id: fieldId, from_id: p.fromId, to_id: p.toId, position: n };
      });
      await trx
        .insertInto('base_links')
        .values(forward)
        .onConflict((oc) => oc.doNothing())
        .execute();
      if (reverseFieldId)
        await trx
          .insertInto('base_links')
          .values(part.map((p) => ({ field_id: reverseFieldId, from_id: p.toId, to_id: p.fromId, position: 0 })))
          .onConflict((oc) => oc.doNothing())
          .execute();
    }
  });
  return pairs.length;
}

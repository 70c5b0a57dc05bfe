import type { DuplicateMatch } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { audit } from '../platform/audit.ts';
import { getRecords } from './record.service.ts';
import { tableAccess } from './table-access.ts';
import { loadTable } from './table-meta.ts';

/** Open pairs, highest score first, with both records, for the "possible duplicates" review. */
export async function listPairs(deps: Deps, ctx: RequestContext, tableId: string, limit: number) {
  const table = await loadTable(deps.db, tableId);
  await tableAccess(deps.db, ctx.actor, table, 'edit');
  const open = deps.db.selectFrom('base_dedup_pairs').where('table_id', '=', tableId).where('status', '=', 'open');
  const [rows, count] = await Promise.all([
    open.selectAll().orderBy('score', 'desc').orderBy('created_at').limit(limit).execute(),
    open.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const records = new Map((await getRecords(deps, ctx, tableId, [...new Set(rows.flatMap((r) => [r.a, r.b]))])).map((r) => [r.id, r]));
  const items = rows.flatMap((r) => {
    const a = records.get(r.a);
    const b = records.get(r.b);
    return a && b ? [{ id: r.id, score: r.score, reasons: r.reasons as DuplicateMatch['reasons'], a, b, createdAt: r.created_at.toISOString() }] : [];
  });
  return { items, total: Number(count.n) };
}

/** "Not a duplicate": the pair stays dismissed and is never flagged or matched again. */
export async function dismissPair(deps: Deps, ctx: RequestContext, pairId: string): Promise<void> {
  const pair = await deps.db.selectFrom('base_dedup_pairs').selectAll().where('id', '=', pairId).executeTakeFirst();
  if (!pair) throw new AppError('not_found', 'base.dedup.pair_not_found', { en: 'No such pair', zh: '不存在该重复记录对' });
  const table = await loadTable(deps.db, pair.table_id);
  await tableAccess(deps.db, ctx.actor, table, 'edit');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('base_dedup_pairs')
      .set({ status: 'dismissed', decided_by: ctx.actor?.kind === 'user' ? ctx.actor.userId : null, decided_at: deps.clock.now() })
      .where('id', '=', pairId)
      .execute();
    await audit(trx, ctx, 'base.dedup.dismiss', { type: 'base_table', id: table.id }, { a: pair.a, b: pair.b });
  });
}

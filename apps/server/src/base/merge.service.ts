import type { RecordDto } from '@concord/contracts';
import type { OptionsOf } from '@concord/table-engine';
import type { Deps } from '../platform/deps.ts';
import { actorIdOf, type RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { dropKeys, syncKeys } from './duplicate-keys.ts';
import * as repo from './record.repo.ts';
import { writeHistory, type Changes } from './record-history.repo.ts';
import { convertInputs } from './record-values.ts';
import { changedEvent, getRecords, isRestorable, recordNotFound } from './record.service.ts';
import { loadRelated } from './table-meta.ts';
import { assertWritable, tableAccess } from './table-access.ts';
import { loadTable } from './table-meta.ts';

/**
 * Merges `otherIds` into `survivorId` in one transaction: the chosen values are written to the survivor, its links
 * gain the others' links, comments and history move over, the others are deleted, and their flagged pairs close.
 * The survivor's update and the deletions share one history batch, so one undo restores everything but comments.
 */
export async function mergeRecords(
  deps: Deps,
  ctx: RequestContext,
  tableId: string,
  survivorId: string,
  otherIds: string[],
  values: Record<string, unknown>,
): Promise<RecordDto> {
  const table = await loadTable(deps.db, tableId);
  const access = await tableAccess(deps.db, ctx.actor, table, 'edit');
  assertWritable(access, table, Object.keys(values));
  const others = [...new Set(otherIds)].filter((id) => id !== survivorId);
  if (others.length === 0)
    throw new AppError('validation', 'base.merge.nothing', { en: 'Pick at least two different records', zh: '请至少选择两条不同的记录' });
  const [chosen] = await convertInputs(deps.db, table, [values], ctx.locale);
  const related = await loadRelated(deps.db, table);
  const actorId = actorIdOf(ctx.actor);
  const linkFields = table.fields.filter((f) => f.type === 'link');
  await deps.db.transaction().execute(async (trx) => {
    const rows = await repo.findByIds(trx, table, related, table.fields, [survivorId, ...others], { lock: true, visible: access.rows });
    const survivor = rows.find((r) => r.id === survivorId);
    const missing = [survivorId, ...others].find((id) => !rows.some((r) => r.id === id));
    if (!survivor || missing) throw recordNotFound(missing ?? survivorId);
    const losers = rows.filter((r) => r.id !== survivorId);
    // Links the survivor does not set explicitly become the union of everyone's links.
    const links = new Map(chosen!.links);
    for (const f of linkFields) {
      if (links.has(f.id)) continue;
      const union = [...new Set([survivor, ...losers].flatMap((r) => (r.values[f.id] as string[] | null) ?? []))];
      if (union.length !== ((survivor.values[f.id] as string[] | null) ?? []).length) links.set(f.id, union);
    }
    const history: { id: string; changes: Changes }[] = losers.map((l) => ({
      id: l.id,
      changes: Object.fromEntries(
        Object.entries(l.values)
          .filter(([k, v]) => v !== null && isRestorable(table, k))
          .map(([k, v]) => [k, { old: v, new: null }]),
      ),
    }));
    // Links from other tables' records to a loser now point at the survivor (via the loser's own link fields).
    await repo.unlinkRecords(
      trx,
      losers.map((l) => l.id),
    );
    await dropKeys(
      trx,
      table.id,
      losers.map((l) => l.id),
    );
    await repo.deleteRecords(
      trx,
      table,
      losers.map((l) => l.id),
    );
    await repo.updateRecord(trx, table, survivorId, chosen!.values, actorId);
    for (const [fid, to] of links) {
      const reverse = (table.byId.get(fid)!.options as OptionsOf<'link'>).reverseFieldId ?? null;
      await repo.setLinks(
        trx,
        table.byId.get(fid)!,
        reverse,
        survivorId,
        to.filter((id) => !others.includes(id)),
      );
    }
    await syncKeys(trx, table, [{ id: survivorId, values: chosen!.values }]);
    await trx.updateTable('base_comments').set({ record_id: survivorId }).where('table_id', '=', table.id).where('record_id', 'in', others).execute();
    await trx.updateTable('base_record_history').set({ record_id: survivorId }).where('table_id', '=', table.id).where('record_id', 'in', others).execute();
    await trx
      .updateTable('base_dedup_pairs')
      .set({ status: 'merged', decided_by: actorId, decided_at: deps.clock.now() })
      .where('table_id', '=', table.id)
      .where('status', '=', 'open')
      .where((eb) => eb.or([eb('a', 'in', [survivorId, ...others]), eb('b', 'in', [survivorId, ...others])]))
      .execute();
    const fieldChanges: Changes = {};
    for (const [k, v] of chosen!.values) fieldChanges[k] = { old: survivor.values[k] ?? null, new: v };
    for (const [k, v] of links) fieldChanges[k] = { old: survivor.values[k] ?? [], new: v };
    // Not a field: tells the history reader which records were merged in.
    const survivorChanges: Changes = { ...fieldChanges, __merged: { old: null, new: others } };
    const batchId = newId('hb', 12);
    await writeHistory(trx, table.id, actorId, 'delete', history, batchId);
    await writeHistory(trx, table.id, actorId, 'merge', [{ id: survivorId, changes: survivorChanges }], batchId);
    await changedEvent(trx, ctx, table, 'deleted', others, deps.clock.now());
    // The survivor's changes, as an update passes them, so "field changed" automations fire on a merge too.
    await changedEvent(trx, ctx, table, 'updated', [survivorId], deps.clock.now(), [{ id: survivorId, changes: fieldChanges }]);
  });
  const [dto] = await getRecords(deps, ctx, tableId, [survivorId]);
  return dto!;
}

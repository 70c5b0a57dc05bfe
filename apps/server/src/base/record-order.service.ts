import type { RawBuilder } from 'kysely';
import type { RecordAnchor } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { Db } from '../platform/db/database.ts';
import { actorIdOf, type RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { publish } from '../platform/events.ts';
import * as pos from './record-position.repo.ts';
import { tableAccess } from './table-access.ts';
import { loadTable } from './table-meta.ts';
import { writeHistory } from './record-history.repo.ts';

const anchorNotFound = (id: string) =>
  new AppError('validation', 'base.record.anchor_not_found', {
    en: `Record ${id} to insert next to was not found; it may have been deleted`,
    zh: `要插入位置旁的记录 ${id} 不存在，可能已被删除`,
  });

/** Below this gap (relative to the positions' size) midpoints stop being exact enough in float8: renumber first. */
const MIN_RELATIVE_GAP = 1e-12;

/** Evenly spaced positions strictly between `lo` and `hi`, or null when they would be too close to tell apart. */
export function spread(lo: number, hi: number, n: number): number[] | null {
  const step = (hi - lo) / (n + 1);
  if (!(step > Math.max(1, Math.abs(lo), Math.abs(hi)) * MIN_RELATIVE_GAP)) return null;
  const out = Array.from({ length: n }, (_, i) => lo + step * (i + 1));
  return out.every((p, i) => p > (i === 0 ? lo : out[i - 1]!) && p < hi) ? out : null;
}

/**
 * Puts `ids`, in that order, right before or after the anchor record in the table's manual order, respacing the
 * records around it (or, rarely, renumbering the table) when the gap is used up. Runs inside the caller's transaction; the anchor must be visible to the caller.
 */
export async function placeRecords(trx: Db, tableId: string, ids: string[], anchor: RecordAnchor, visible: RawBuilder<boolean> | null): Promise<void> {
  if (ids.includes(anchor.recordId))
    throw new AppError('validation', 'base.record.anchor_in_move', {
      en: 'A record cannot be moved next to itself',
      zh: '不能把记录移动到它自己旁边',
    });
  await pos.lockOrder(trx, tableId);
  for (let attempt = 0; ; attempt++) {
    const slot = await pos.slotOf(trx, tableId, anchor.recordId, visible);
    if (!slot) throw anchorNotFound(anchor.recordId);
    const other = await pos.neighbourPosition(trx, tableId, slot, anchor.side, ids);
    const n = ids.length;
    const [lo, hi] = anchor.side === 'before' ? [other ?? slot.position - (n + 1), slot.position] : [slot.position, other ?? slot.position + (n + 1)];
    const positions = spread(lo, hi, n);
    if (positions) return pos.setPositions(trx, tableId, ids, positions);
    // First spread out the records around the anchor (about a hundred, whatever the table's size); only when they are
    // packed too densely, renumber the whole table, after which every gap is 1 and any call fits.
    if (attempt === 0) await respaceAround(trx, tableId, slot);
    else if (attempt === 1) await pos.renumber(trx, tableId);
    else throw new Error(`no room to place records in table ${tableId}`);
  }
}

/** How many records on each side of the anchor a local respacing moves. */
const WINDOW = 64;

/** Spreads the records near `slot` evenly between the nearest records outside that window, when that leaves room. */
async function respaceAround(trx: Db, tableId: string, slot: pos.Slot): Promise<void> {
  const before = await pos.around(trx, tableId, slot, 'before', WINDOW + 1);
  const from = await pos.around(trx, tableId, slot, 'from', WINDOW + 1);
  const lowBound = before.length > WINDOW ? before.pop()!.position : null;
  const highBound = from.length > WINDOW ? from.pop()!.position : null;
  const window = [...before.reverse(), ...from];
  if (window.length === 0) return;
  const lo = lowBound ?? window[0]!.position - 1;
  const hi = highBound ?? window[window.length - 1]!.position + 1;
  const positions = spread(lo, hi, window.length);
  if (positions)
    await pos.setPositions(
      trx,
      tableId,
      window.map((r) => r.id),
      positions,
    );
}

/**
 * Moves records next to another record (drag to reorder), all or nothing, for editors. Only the order changes: values,
 * versions and field history stay as they are, so a cell being edited elsewhere does not conflict. Open grids re-read.
 */
export async function moveRecords(deps: Deps, ctx: RequestContext, tableId: string, ids: string[], anchor: RecordAnchor): Promise<string[]> {
  const table = await loadTable(deps.db, tableId);
  const access = await tableAccess(deps.db, ctx.actor, table, 'edit');
  const unique = [...new Set(ids)];
  await deps.db.transaction().execute(async (trx) => {
    const found = await pos.positionsOf(trx, table.id, unique, access.rows);
    const missing = unique.find((id) => !found.has(id));
    if (missing) throw new AppError('not_found', 'base.record.not_found', { en: `Record ${missing} not found`, zh: `记录 ${missing} 不存在` });
    await placeRecords(trx, table.id, unique, anchor, access.rows);
    // Kept so the mover can undo it (Ctrl+Z); record history does not list moves.
    await writeHistory(
      trx,
      table.id,
      actorIdOf(ctx.actor),
      'move',
      unique.map((id) => ({ id, changes: {}, position: found.get(id) })),
    );
    await announceMove(trx, table.id, unique, actorIdOf(ctx.actor));
  });
  return unique;
}

/** Tells open grids that only the order of these records changed. */
export function announceMove(trx: Db, tableId: string, ids: string[], actorId: string | null): Promise<void> {
  return publish(trx, [`table:${tableId}`], { type: 'base.records.changed', tableId, change: 'moved', recordIds: ids, actorId });
}

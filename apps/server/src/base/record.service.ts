import type { DomainEvent, DuplicateMatch, RecordAnchor, RecordDto, Room } from '@concord/contracts';
import type { FieldMeta, FilterNode, OptionsOf, SortSpec } from '@concord/table-engine';
import type { Deps } from '../platform/deps.ts';
import type { Db } from '../platform/db/database.ts';
import { actorIdOf, type RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { outboxInsert, outboxNotify, publish } from '../platform/events.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import { assertWritable, tableAccess, type TableAccess } from './table-access.ts';
import { resolveGroupBy } from './record-groups.service.ts';
import * as repo from './record.repo.ts';
import type { GroupSpan } from './group-sql.ts';
import { convertInputs, toApiValues } from './record-values.ts';
import { columnSpecs } from './field-columns.ts';
import { enqueueWebhooks } from './webhook.service.ts';
import { dropKeys, syncKeys } from './duplicate-keys.ts';
import { findMatches, flagPairs, inputTexts } from './duplicate.service.ts';
import { loadRelated, loadTable, loadTableForWrite, type TableMeta } from './table-meta.ts';
import { HISTORY_CHUNK, changesFromEmpty, historyInsert, lastUndoableBatch, markUndone, writeHistory, type Changes } from './record-history.repo.ts';
import { queueAutomationRuns } from './automation/automation-capture.ts';
import { assertFieldsKnown, readScope } from './read-scope.ts';
import { announceMove, placeRecords } from './record-order.service.ts';
import { positionsOf, setPositions } from './record-position.repo.ts';

const actorUserId = (ctx: RequestContext) => (ctx.actor?.kind === 'user' ? ctx.actor.userId : null);
/** The fields this person may see, in table order. */
const seenFields = (table: TableMeta, access: TableAccess) => table.fields.filter((f) => !access.hidden.has(f.id));

export const recordNotFound = (id: string) =>
  new AppError('not_found', 'base.record.not_found', { en: `Record ${id} not found`, zh: `记录 ${id} 不存在` }, { feishuCode: 1254043, httpStatus: 200 });

async function toDtos(db: Db, fields: FieldMeta[], rows: repo.RecordRow[]): Promise<RecordDto[]> {
  const values = await toApiValues(db, fields, rows);
  return rows.map((r, i) => ({
    id: r.id,
    fields: values[i]!,
    version: r.version,
    seq: r.seq,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
    updatedAt: r.updated_at.toISOString(),
    updatedBy: r.updated_by,
  }));
}

export interface RecordQuery {
  viewId?: string;
  filter?: FilterNode | null;
  sort?: SortSpec[];
  groupBy?: SortSpec[];
  groupSpans?: GroupSpan[];
  offset: number;
  limit: number;
  fieldIds?: string[];
  withTotal?: boolean;
}

/** A page of records of a table, filtered and sorted in SQL (the view's settings unless overridden). */
export async function queryRecords(
  deps: Deps,
  ctx: RequestContext,
  tableId: string,
  q: RecordQuery,
): Promise<{ items: RecordDto[]; total: number; offset: number }> {
  const { table, visible: visibleTable, related, view, where } = await readScope(deps, ctx, tableId, q);
  const fields = visibleTable.fields.filter((f) => !q.fieldIds || q.fieldIds.includes(f.id));
  const sort = q.sort ?? view?.config.sort ?? [];
  assertFieldsKnown(visibleTable, sort, 'sort');
  const groupBy = resolveGroupBy(visibleTable, q.groupBy, view?.config.groupBy);
  const page = await repo.findPage(deps.db, table, related, fields, {
    where,
    sort,
    groupBy,
    groupSpans: q.groupSpans,
    offset: q.offset,
    limit: q.limit,
    withTotal: q.withTotal !== false,
  });
  return { items: await toDtos(deps.db, fields, page.rows), total: page.total, offset: q.offset };
}

export async function getRecords(deps: Deps, ctx: RequestContext, tableId: string, ids: string[]): Promise<RecordDto[]> {
  const table = await loadTable(deps.db, tableId);
  return recordsAsSeen(deps.db, table, await tableAccess(deps.db, ctx.actor, table, 'read'), ids);
}

/** Records as someone with `access` sees them; writes answer with this, reusing the metadata and access they checked. */
async function recordsAsSeen(db: Db, table: TableMeta, access: TableAccess, ids: string[]): Promise<RecordDto[]> {
  const fields = seenFields(table, access);
  const rows = await repo.findByIds(db, table, await loadRelated(db, table), fields, ids, { visible: access.rows });
  return toDtos(db, fields, rows);
}

/**
 * Announces changed records (webhooks, automations and live clients) in the writing transaction; nothing when `ids` is
 * empty. `changes` (per record, as in the history) lets field-change automations fire; without it only those that
 * need no field detail can.
 */
export async function changedEvent(
  trx: Db,
  ctx: RequestContext,
  table: TableMeta,
  change: 'created' | 'updated' | 'deleted',
  ids: string[],
  now: Date,
  changes?: readonly { id: string; changes: Changes }[],
) {
  if (ids.length === 0) return;
  await enqueueWebhooks(trx, table, change, ids, actorIdOf(ctx.actor), now);
  await queueAutomationRuns(trx, ctx, table, change, ids, now, changes);
  const { rooms, event } = changedMessage(ctx, table, change, ids);
  await publish(trx, rooms, event);
}

/** What live clients and the outbox hear about changed records. */
function changedMessage(
  ctx: RequestContext,
  table: TableMeta,
  change: 'created' | 'updated' | 'deleted',
  ids: string[],
): { rooms: Room[]; event: DomainEvent } {
  return {
    rooms: [`table:${table.id}`],
    event: { type: 'base.records.changed', tableId: table.id, change, recordIds: ids.slice(0, 1000), actorId: actorIdOf(ctx.actor) },
  };
}

/**
 * Whether a write to one record of this table touches nothing but its row, its history and the outbox: no links, no
 * duplicate keys, no webhooks or automations to queue (as loaded by loadTableForWrite). Such a write is one statement.
 */
function writesAlone(table: TableMeta): boolean {
  const s = table.subscribers;
  return !!s && s.webhooks.length === 0 && s.automations.length === 0 && !table.dedup && !table.fields.some((f) => f.type === 'link');
}

/** One record created in one statement, its own transaction (see {@link writesAlone}). */
async function createAlone(deps: Deps, ctx: RequestContext, table: TableMeta, access: TableAccess, input: Record<string, unknown>): Promise<RecordDto[]> {
  const [c] = await convertInputs(deps.db, table, [input], ctx.locale);
  const actorId = actorIdOf(ctx.actor);
  const id = newId('rec', 14);
  const seen = seenFields(table, access);
  const { rooms, event } = changedMessage(ctx, table, 'created', [id]);
  const row = await repo.insertRecordReturning(deps.db, table, seen, { id, values: c!.values }, actorId, {
    visible: access.rows,
    alongWith: [historyInsert(deps.db, table.id, actorId, 'create', [{ id, changes: {} }]), outboxInsert(rooms, event)],
    evaluate: outboxNotify(),
  });
  return row ? toDtos(deps.db, seen, [row]) : [];
}

/** The answer to a write with a stale `version`: a conflict showing the record as it is now. */
async function versionConflict(db: Db, table: TableMeta, access: TableAccess, current: repo.RecordRow): Promise<AppError> {
  const [now] = await toDtos(db, seenFields(table, access), [current]);
  return new AppError(
    'conflict',
    'base.record.conflict',
    { en: 'Someone else changed this record first; their value is shown', zh: '此记录已被他人修改，已显示最新内容' },
    { feishuCode: 1254291, current: now },
  );
}

/**
 * One record updated in one statement, without a lock or transaction (see {@link writesAlone}): read, then write only
 * if the record is still as read. Null when it changed in between; the caller then takes the locked path.
 */
async function updateAlone(
  deps: Deps,
  ctx: RequestContext,
  table: TableMeta,
  access: TableAccess,
  input: { id: string; version?: number },
  values: Map<string, unknown>,
): Promise<RecordDto[] | null> {
  const [before] = await repo.findByIds(deps.db, table, new Map([[table.id, table]]), table.fields, [input.id], { visible: access.rows });
  if (!before) throw recordNotFound(input.id);
  if (input.version !== undefined && input.version !== before.version) throw await versionConflict(deps.db, table, access, before);
  const changes: Changes = {};
  for (const [k, v] of values) changes[k] = { old: before.values[k] ?? null, new: v };
  const actorId = actorIdOf(ctx.actor);
  const seen = seenFields(table, access);
  const { rooms, event } = changedMessage(ctx, table, 'updated', [input.id]);
  const done = await repo.updateRecordIfUnchanged(deps.db, table, seen, before, values, actorId, {
    visible: access.rows,
    alongWith: (written) => [
      historyInsert(deps.db, table.id, actorId, 'update', [{ id: input.id, changes }], undefined, written),
      outboxInsert(rooms, event, written),
    ],
    evaluate: outboxNotify(),
  });
  return done && (done.row ? toDtos(deps.db, seen, [done.row]) : []);
}

const createdChanges = (r: { id: string; values: Map<string, unknown>; links: Map<string, string[]> }) => ({
  id: r.id,
  changes: changesFromEmpty([...r.values, ...r.links]),
});

function linkReverse(table: TableMeta, fieldId: string): string | null {
  return (table.byId.get(fieldId)!.options as OptionsOf<'link'>).reverseFieldId ?? null;
}

/** Creates up to 1,000 records, all or nothing. `fields` are keyed by field id. */
export async function createRecords(
  deps: Deps,
  ctx: RequestContext,
  tableId: string,
  inputs: Record<string, unknown>[],
  onDuplicate: 'ignore' | 'flag' | 'refuse' = 'ignore',
  /** Insert next to this record instead of at the end. */
  anchor?: RecordAnchor,
): Promise<RecordDto[]> {
  const { table, membership } = await loadTableForWrite(deps.db, tableId, actorUserId(ctx));
  const access = await tableAccess(deps.db, ctx.actor, table, 'edit', membership);
  assertWritable(
    access,
    table,
    inputs.flatMap((i) => Object.keys(i)),
  );
  let flag: ((trx: Db, ids: string[]) => Promise<void>) | undefined;
  if (onDuplicate !== 'ignore' && table.dedup) {
    const checks: DuplicateMatch[][] = [];
    for (const fields of inputs) checks.push(await findMatches(deps.db, table, await inputTexts(deps.db, table, fields, ctx.locale)));
    const blocked = checks.flatMap((m, index) => m.filter((x) => x.decision === 'merge').map((match) => ({ index, match })));
    if (onDuplicate === 'refuse' && blocked.length) {
      const title = blocked[0]!.match.title;
      throw new AppError(
        'conflict',
        'base.record.duplicate',
        { en: `This already exists: ${title}`, zh: `该记录已存在：${title}` },
        { duplicates: blocked, feishuCode: 1259001, httpStatus: 409 },
      );
    }
    flag = (trx, ids) =>
      flagPairs(
        trx,
        table.id,
        ids.flatMap((recordId, i) => (checks[i] ?? []).map((match) => ({ recordId, match }))),
      );
  }
  if (inputs.length === 1 && !flag && !anchor && writesAlone(table)) return createAlone(deps, ctx, table, access, inputs[0]!);
  const ids = await insertRecords(deps, ctx, table, inputs, async (trx, ids) => {
    await flag?.(trx, ids);
    if (anchor) await placeRecords(trx, table.id, ids, anchor, access.rows);
  });
  return recordsAsSeen(deps.db, table, access, ids);
}

/**
 * Converts, inserts, links, records history and announces new records, all in one transaction. Callers check access
 * first (the API by role and rules; a form by its own link).
 */
export async function insertRecords(
  deps: Deps,
  ctx: RequestContext,
  table: TableMeta,
  inputs: Record<string, unknown>[],
  /** More writes that belong to the same transaction (an audit entry). */
  also?: (trx: Db, ids: string[]) => Promise<void>,
): Promise<string[]> {
  const converted = await convertInputs(deps.db, table, inputs, ctx.locale);
  const actorId = actorIdOf(ctx.actor);
  const rows = converted.map((c) => ({ id: newId('rec', 14), ...c }));
  const ids = rows.map((r) => r.id);
  // Joins the caller's transaction when there is one (the demo seed inserts thousands of records as one change).
  await inTransaction(deps.db, async (trx) => {
    // A creation's values are the record itself; undo only needs the ids, so the entry stays small for bulk inserts.
    const history = ids.map((id) => ({ id, changes: {} }));
    const inline = history.length <= HISTORY_CHUNK;
    await repo.insertRecords(trx, table, rows, actorId, inline ? historyInsert(trx, table.id, actorId, 'create', history) : undefined);
    if (!inline) await writeHistory(trx, table.id, actorId, 'create', history);
    await syncKeys(trx, table, rows);
    for (const r of rows) for (const [fid, to] of r.links) await repo.setLinks(trx, table.byId.get(fid)!, linkReverse(table, fid), r.id, to);
    await changedEvent(trx, ctx, table, 'created', ids, deps.clock.now(), rows.map(createdChanges));
    await also?.(trx, ids);
  });
  return ids;
}

/** Updates records (only the fields given), all or nothing; a stale `version` is a conflict showing the current value. */
export async function updateRecords(
  deps: Deps,
  ctx: RequestContext,
  tableId: string,
  inputs: { id: string; fields: Record<string, unknown>; version?: number }[],
): Promise<RecordDto[]> {
  const { table, membership } = await loadTableForWrite(deps.db, tableId, actorUserId(ctx));
  const access = await tableAccess(deps.db, ctx.actor, table, 'edit', membership);
  assertWritable(
    access,
    table,
    inputs.flatMap((i) => Object.keys(i.fields)),
  );
  const converted = await convertInputs(
    deps.db,
    table,
    inputs.map((i) => i.fields),
    ctx.locale,
  );
  // One record alone (see writesAlone): no lock, no transaction, unless the record changes under the update.
  if (inputs.length === 1 && writesAlone(table)) {
    const done = await updateAlone(deps, ctx, table, access, inputs[0]!, converted[0]!.values);
    if (done) return done;
  }
  const actorId = actorIdOf(ctx.actor);
  const related = await loadRelated(deps.db, table);
  const ids = inputs.map((i) => i.id);
  // One record in a table without links: the update also writes the history and answers with the record.
  const single = inputs.length === 1 && !table.fields.some((f) => f.type === 'link');
  const seen = seenFields(table, access);
  let updated: repo.RecordRow[] | null = null;
  await deps.db.transaction().execute(async (trx) => {
    const current = new Map((await repo.findByIds(trx, table, related, table.fields, ids, { lock: true, visible: access.rows })).map((r) => [r.id, r]));
    const history: { id: string; changes: Record<string, { old: unknown; new: unknown }> }[] = [];
    for (const [i, input] of inputs.entries()) {
      const before = current.get(input.id);
      if (!before) throw recordNotFound(input.id);
      if (input.version !== undefined && input.version !== before.version) throw await versionConflict(trx, table, access, before);
      const c = converted[i]!;
      const changes: Record<string, { old: unknown; new: unknown }> = {};
      for (const [k, v] of [...c.values, ...c.links]) changes[k] = { old: before.values[k] ?? null, new: v };
      history.push({ id: input.id, changes });
      if (single) {
        const row = await repo.updateRecordReturning(trx, table, seen, input.id, c.values, actorId, {
          visible: access.rows,
          alongWith: historyInsert(trx, table.id, actorId, 'update', history),
        });
        updated = row ? [row] : [];
        continue;
      }
      await repo.updateRecord(trx, table, input.id, c.values, actorId);
      for (const [fid, to] of c.links) await repo.setLinks(trx, table.byId.get(fid)!, linkReverse(table, fid), input.id, to);
    }
    await syncKeys(
      trx,
      table,
      inputs.map((input, i) => ({ id: input.id, values: converted[i]!.values })),
    );
    if (!single) await writeHistory(trx, table.id, actorId, 'update', history);
    await changedEvent(trx, ctx, table, 'updated', ids, deps.clock.now(), history);
  });
  return updated ? toDtos(deps.db, seen, updated) : recordsAsSeen(deps.db, table, access, ids);
}

/** Deletes records and their links; the old values stay in the history so the deletion can be undone. */
export async function deleteRecords(deps: Deps, ctx: RequestContext, tableId: string, ids: string[]): Promise<string[]> {
  const { table, membership } = await loadTableForWrite(deps.db, tableId, actorUserId(ctx));
  const access = await tableAccess(deps.db, ctx.actor, table, 'edit', membership);
  const related = await loadRelated(deps.db, table);
  return deps.db.transaction().execute(async (trx) => {
    const before = await repo.findByIds(trx, table, related, table.fields, ids, { lock: true, visible: access.rows });
    const missing = ids.find((id) => !before.some((b) => b.id === id));
    if (missing) throw recordNotFound(missing);
    const positions = await positionsOf(trx, table.id, ids);
    await repo.unlinkRecords(trx, ids);
    await dropKeys(trx, table.id, ids);
    const deleted = await repo.deleteRecords(trx, table, ids);
    await writeHistory(
      trx,
      table.id,
      actorIdOf(ctx.actor),
      'delete',
      before.map((b) => ({
        id: b.id,
        position: positions.get(b.id),
        changes: Object.fromEntries(
          Object.entries(b.values)
            .filter(([k, v]) => v !== null && isRestorable(table, k))
            .map(([k, v]) => [k, { old: v, new: null }]),
        ),
      })),
    );
    await changedEvent(trx, ctx, table, 'deleted', deleted, deps.clock.now());
    return deleted;
  });
}

/** Stored and link fields can be written back by undo; computed ones follow from them. */
export function isRestorable(table: TableMeta, fieldId: string): boolean {
  const f = table.byId.get(fieldId);
  return !!f && (f.type === 'link' || columnSpecs[f.type].sqlType !== null);
}

/**
 * Undoes the caller's last change in a table: created records are deleted, updated values put back, deleted records
 * restored with their ids and links (a merge is an update plus deletes in one batch). The undo is kept in the history.
 */
export async function undoLastChange(deps: Deps, ctx: RequestContext, tableId: string): Promise<{ undone: number; action: string | null }> {
  const table = await loadTable(deps.db, tableId);
  await tableAccess(deps.db, ctx.actor, table, 'edit');
  const actorId = actorIdOf(ctx.actor);
  if (!actorId) return { undone: 0, action: null };
  const related = await loadRelated(deps.db, table);
  return deps.db.transaction().execute(async (trx) => {
    const batch = await lastUndoableBatch(trx, tableId, actorId);
    if (!batch) return { undone: 0, action: null };
    const restore: { id: string; changes: Changes }[] = [];
    const split = (changes: Changes, side: 'old' | 'new') => {
      const values = new Map<string, unknown>();
      const links = new Map<string, string[]>();
      for (const [k, v] of Object.entries(changes)) {
        if (!isRestorable(table, k)) continue;
        if (table.byId.get(k)!.type === 'link') links.set(k, (v[side] as string[] | null) ?? []);
        else values.set(k, v[side]);
      }
      return { values, links };
    };
    const of = (action: string) => batch.rows.filter((r) => r.action === action);
    // Deleted records come back first, so updates that restore links to them find them.
    const reinserted = of('delete').map((r) => ({ id: r.record_id, ...split(r.changes as Changes, 'old') }));
    if (reinserted.length) {
      await repo.insertRecords(trx, table, reinserted, actorId);
      // Back where they stood (deletions recorded before positions existed come back at the end).
      const placed = of('delete').filter((r) => r.position !== null);
      await setPositions(
        trx,
        table.id,
        placed.map((r) => r.record_id),
        placed.map((r) => r.position!),
      );
      await syncKeys(trx, table, reinserted);
      for (const r of reinserted) for (const [fid, to] of r.links) await repo.setLinks(trx, table.byId.get(fid)!, linkReverse(table, fid), r.id, to);
      for (const r of reinserted)
        restore.push({ id: r.id, changes: Object.fromEntries([...r.values, ...r.links].map(([k, v]) => [k, { old: null, new: v }])) });
    }
    const updates = [...of('update'), ...of('merge')];
    for (const r of updates) {
      const { values, links } = split(r.changes as Changes, 'old');
      await repo.updateRecord(trx, table, r.record_id, values, actorId);
      await syncKeys(trx, table, [{ id: r.record_id, values }]);
      for (const [fid, to] of links) await repo.setLinks(trx, table.byId.get(fid)!, linkReverse(table, fid), r.record_id, to);
      restore.push({ id: r.record_id, changes: Object.fromEntries(Object.entries(r.changes as Changes).map(([k, v]) => [k, { old: v.new, new: v.old }])) });
    }
    // A move goes back to where the records stood.
    const moved = of('move').filter((r) => r.position !== null);
    if (moved.length) {
      const movedIds = moved.map((r) => r.record_id);
      await setPositions(
        trx,
        table.id,
        movedIds,
        moved.map((r) => r.position!),
      );
      await announceMove(trx, table.id, movedIds, actorId);
    }
    const created = of('create').map((r) => r.record_id);
    if (created.length) {
      const existing = await repo.findByIds(trx, table, related, table.fields, created, { lock: true });
      await repo.unlinkRecords(trx, created);
      await dropKeys(trx, table.id, created);
      await repo.deleteRecords(trx, table, created);
      for (const b of existing) {
        const changes = Object.entries(b.values).filter(([k, v]) => v !== null && isRestorable(table, k));
        restore.push({ id: b.id, changes: Object.fromEntries(changes.map(([k, v]) => [k, { old: v, new: null }])) });
      }
    }
    await markUndone(trx, batch.batchId);
    await writeHistory(trx, table.id, actorId, 'restore', restore);
    const now = deps.clock.now();
    await changedEvent(
      trx,
      ctx,
      table,
      'created',
      reinserted.map((r) => r.id),
      now,
    );
    await changedEvent(
      trx,
      ctx,
      table,
      'updated',
      updates.map((r) => r.record_id),
      now,
    );
    await changedEvent(trx, ctx, table, 'deleted', created, now);
    return { undone: batch.rows.length, action: of('merge').length ? 'merge' : batch.rows[0]!.action };
  });
}

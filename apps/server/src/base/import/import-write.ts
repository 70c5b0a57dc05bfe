import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorIdOf, type RequestContext } from '../../platform/http/actor.ts';
import { audit } from '../../platform/audit.ts';
import { insertKeys, syncKeys, type KeyRow } from '../duplicate-keys.ts';
import { flagPairs } from '../duplicate.service.ts';
import { columnSpecs } from '../field-columns.ts';
import * as repo from '../record.repo.ts';
import { changesFromEmpty, writeHistory } from '../record-history.repo.ts';
import { changedEvent } from '../record.service.ts';
import { loadRelated, physicalTable, type TableMeta } from '../table-meta.ts';

export interface ImportWrites {
  created: { id: string; values: Map<string, unknown> }[];
  /** Values merged rows bring to existing records, by record id; only fields the record has empty are written. */
  fills: Map<string, Map<string, unknown>>;
  pairs: Parameters<typeof flagPairs>[2];
  /**
   * The created records' key rows when already made (while deciding duplicates), and the fields later rows filled into
   * them, which still need theirs; without them the keys are made from `created`.
   */
  createdKeys?: KeyRow[];
  createdFills?: { id: string; values: Map<string, unknown> }[];
}

/**
 * Writes a decided import in ONE transaction: a failure leaves the table as it was. Every step is a multi-row
 * statement (records, keys, history, fills grouped by the fields they fill), never one round trip per row.
 */
export async function writeImport(
  deps: Deps,
  ctx: RequestContext,
  table: TableMeta,
  w: ImportWrites,
  /** Told the share of the work done (0…1) after each step; the shares are rough, from timing large imports. */
  onProgress?: (share: number) => void,
): Promise<void> {
  const actorId = actorIdOf(ctx.actor);
  const related = await loadRelated(deps.db, table);
  await deps.db.transaction().execute(async (trx) => {
    onProgress?.(0);
    await repo.insertRecords(trx, table, w.created, actorId);
    onProgress?.(0.4);
    if (w.createdKeys) {
      await insertKeys(trx, table.id, w.createdKeys);
      await syncKeys(trx, table, w.createdFills ?? [], { fresh: true });
    } else await syncKeys(trx, table, w.created, { fresh: true });
    onProgress?.(0.6);
    await writeHistory(
      trx,
      table.id,
      actorId,
      'create',
      w.created.map((c) => ({ id: c.id, changes: {} })),
    );
    // Existing records only gain values in fields they have empty.
    onProgress?.(0.7);
    const existing = await repo.findByIds(trx, table, related, table.fields, [...w.fills.keys()], { lock: true });
    const updates: { id: string; values: Map<string, unknown> }[] = [];
    for (const rec of existing) {
      const add = new Map([...w.fills.get(rec.id)!].filter(([k]) => isEmpty(rec.values[k])));
      if (add.size) updates.push({ id: rec.id, values: add });
    }
    await fillRecords(trx, table, updates, actorId);
    await syncKeys(trx, table, updates);
    // Fills only ever go into empty fields, so each change is from empty; automations see them like a single update's.
    const filled = updates.map((u) => ({ id: u.id, changes: changesFromEmpty(u.values) }));
    await writeHistory(trx, table.id, actorId, 'update', filled);
    await flagPairs(trx, table.id, w.pairs);
    onProgress?.(0.85);
    const now = deps.clock.now();
    // Per-field changes as createRecords and updateRecords give them, so "field changed" automations fire for imports.
    await changedEvent(
      trx,
      ctx,
      table,
      'created',
      w.created.map((c) => c.id),
      now,
      w.created.map((c) => ({ id: c.id, changes: changesFromEmpty(c.values) })),
    );
    await changedEvent(
      trx,
      ctx,
      table,
      'updated',
      updates.map((u) => u.id),
      now,
      filled,
    );
    onProgress?.(0.95);
    await audit(trx, ctx, 'base.import', { type: 'base_table', id: table.id }, { created: w.created.length, merged: updates.length, flagged: w.pairs.length });
  });
  onProgress?.(1);
}

const isEmpty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/**
 * Sets the given fields of existing records, one UPDATE … FROM (VALUES …) per group of records filling the same
 * fields (and per chunk under PostgreSQL's parameter limit), bumping version and updated_* like a single update.
 */
async function fillRecords(trx: Db, table: TableMeta, updates: { id: string; values: Map<string, unknown> }[], actorId: string | null): Promise<void> {
  const groups = new Map<string, { fields: string[]; rows: typeof updates }>();
  for (const u of updates) {
    const fields = [...u.values.keys()].filter((f) => columnSpecs[table.byId.get(f)!.type].sqlType).sort();
    if (fields.length === 0) continue;
    const key = fields.join(',');
    const g = groups.get(key) ?? { fields, rows: [] };
    g.rows.push(u);
    groups.set(key, g);
  }
  for (const { fields, rows } of groups.values()) {
    const types = fields.map((f) => sql.raw(columnSpecs[table.byId.get(f)!.type].sqlType!));
    const chunk = Math.floor(60_000 / (fields.length + 1));
    const sets = sql.join([
      ...fields.map((f) => sql`${sql.id(f)} = v.${sql.id(f)}`),
      sql`version = t.version + 1`,
      sql`updated_at = now()`,
      sql`updated_by = ${actorId}`,
    ]);
    const names = sql.join([sql.id('id'), ...fields.map((f) => sql.id(f))]);
    for (let i = 0; i < rows.length; i += chunk) {
      const values: RawBuilder<unknown>[] = rows
        .slice(i, i + chunk)
        .map((r) => sql`(${sql.join([sql`${r.id}::text`, ...fields.map((f, j) => sql`${r.values.get(f)}::${types[j]!}`)])})`);
      await sql`update ${physicalTable(table.id)} t set ${sets} from (values ${sql.join(values)}) as v(${names}) where t.id = v.id`.execute(trx);
    }
  }
}

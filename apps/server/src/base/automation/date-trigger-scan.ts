import { sql } from 'kysely';
import { automationTrigger } from '@concord/contracts';
import { validateFilter } from '@concord/table-engine';
import type { Deps } from '../../platform/deps.ts';
import { newId } from '../../platform/ids.ts';
import { filterToSql } from '../filter-to-sql.ts';
import { fieldColumn, loadRelated, loadTable, physicalTable } from '../table-meta.ts';
import { publishRuns } from './automation-capture.ts';
import { RUN_TEXT } from './run-text.ts';
import './automation.db.ts';

/** At most this many records fire per automation per scan; the watermark then stops at the last one, and the next scan goes on. */
const BATCH = 2000;

/**
 * Queues runs of date automations whose moment (date + offset) passed since the last scan. Each automation is
 * row-locked while scanned and its watermark moves in the same transaction, so several instances fire each record
 * once. Returns how many runs were queued.
 */
export async function scanDateTriggers(deps: Deps): Promise<number> {
  const candidates = await deps.db
    .selectFrom('base_automations')
    .select('id')
    .where('enabled', '=', true)
    .where(sql<boolean>`trigger->>'kind' = 'date_reached'`)
    .execute();
  let queued = 0;
  for (const { id } of candidates) {
    queued += await deps.db.transaction().execute(async (trx) => {
      const a = await trx
        .selectFrom('base_automations')
        .select(['id', 'table_id', 'trigger', 'scanned_until', 'created_at'])
        .where('id', '=', id)
        .where('enabled', '=', true)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!a) return 0;
      const trigger = automationTrigger.safeParse(a.trigger);
      if (!trigger.success || trigger.data.kind !== 'date_reached') return 0;
      const now = deps.clock.now();
      const from = a.scanned_until ?? a.created_at;
      if (from >= now) return 0;
      const table = await loadTable(trx, a.table_id);
      const field = table.byId.get(trigger.data.fieldId);
      if (!field || field.type !== 'date') return 0;
      const offsetMs = trigger.data.offsetMinutes * 60_000;
      // date + offset in (from, now]  ⇔  date in (from - offset, now - offset]
      const lo = new Date(from.getTime() - offsetMs);
      const hi = new Date(now.getTime() - offsetMs);
      const col = fieldColumn(field.id);
      if (trigger.data.filter && validateFilter(trigger.data.filter, table.byId).length) return 0;
      const filter = trigger.data.filter
        ? filterToSql(trigger.data.filter, { table, related: await loadRelated(trx, table), now, userId: null })
        : sql<boolean>`true`;
      const due = await sql<{ id: string; at: Date }>`
        select t.id, ${col} as at from ${physicalTable(table.id)} t
        where ${col} > ${lo} and ${col} <= ${hi} and ${filter}
        order by ${col}, t.id limit ${BATCH}`.execute(trx);
      const rows = due.rows;
      const summary = RUN_TEXT.dateReached(field.name, trigger.data.offsetMinutes);
      // A full batch may have cut through records sharing one instant: stop just before the last one's moment, so
      // the next scan takes all of them.
      const full = rows.length === BATCH;
      const until = full ? new Date(new Date(rows[rows.length - 1]!.at).getTime() + offsetMs - 1) : now;
      const kept = full ? rows.filter((r) => new Date(r.at).getTime() + offsetMs <= until.getTime()) : rows;
      if (kept.length)
        await trx
          .insertInto('base_automation_runs')
          .values(
            kept.map((r) => ({
              id: newId('arn', 14),
              automation_id: a.id,
              table_id: table.id,
              record_id: r.id,
              trigger_summary: summary.zh,
              trigger_text: JSON.stringify(summary),
              next_attempt_at: now,
              created_at: now,
            })),
          )
          .execute();
      if (kept.length) await publishRuns(trx, table.id, [a.id]);
      await trx.updateTable('base_automations').set({ scanned_until: until }).where('id', '=', a.id).execute();
      return kept.length;
    });
  }
  return queued;
}

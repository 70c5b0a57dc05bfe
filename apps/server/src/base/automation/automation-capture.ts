import { sql } from 'kysely';
import { automationTrigger, type AutomationTrigger } from '@concord/contracts';
import { validateFilter } from '@concord/table-engine';
import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { publish } from '../../platform/events.ts';
import { filterToSql } from '../filter-to-sql.ts';
import { loadRelated, physicalTable, type TableMeta } from '../table-meta.ts';
import { triggerVerdict, type FieldChanges } from './trigger-match.ts';
import { RUN_TEXT, type RunText } from './run-text.ts';
import './automation.db.ts';

/** NOTIFY channel that wakes the automation workers as soon as runs are queued (on commit). */
export const AUTOMATION_CHANNEL = 'concord_automations';

/** Writes made by automations may fire further automations this many times in a row, then the chain stops. */
export const MAX_AUTOMATION_DEPTH = 3;

// The depth travels with the request context the worker builds, without widening RequestContext for every caller.
const depths = new WeakMap<RequestContext, number>();

/** A context for an automation's own writes: `depth` automations led to them. */
export function automationContext(ctx: RequestContext, depth: number): RequestContext {
  const out = { ...ctx };
  depths.set(out, depth);
  return out;
}
export const automationDepth = (ctx: RequestContext): number => depths.get(ctx) ?? 0;

/** How the log names what fired; a field change reads "阶段 → 方案报价" in any language, so it needs none. */
const TRIGGER_TEXT: Partial<Record<AutomationTrigger['kind'], RunText>> = {
  record_created: RUN_TEXT.recordCreated,
  record_matches: RUN_TEXT.recordMatches,
};

interface QueuedRun {
  id: string;
  automation_id: string;
  table_id: string;
  record_id: string;
  trigger_summary: string;
  trigger_text: string | null;
  depth: number;
  next_attempt_at: Date;
  created_at: Date;
  status?: 'skipped';
  error?: string;
  error_text?: string;
  finished_at?: Date;
}

/**
 * Queues runs for the table's enabled automations that this write fires, in the writing transaction (so a rollback
 * queues nothing). The actions run later in the worker. No lookup when the table was loaded for a write (its
 * subscribers came with it), else one indexed lookup.
 */
export async function queueAutomationRuns(
  trx: Db,
  ctx: RequestContext,
  table: TableMeta,
  change: 'created' | 'updated' | 'deleted',
  ids: readonly string[],
  now: Date,
  changes?: readonly { id: string; changes: FieldChanges }[],
): Promise<void> {
  if (change === 'deleted' || ids.length === 0) return;
  const automations =
    table.subscribers?.automations ??
    (await trx.selectFrom('base_automations').select(['id', 'trigger']).where('table_id', '=', table.id).where('enabled', '=', true).execute());
  if (automations.length === 0) return;
  const depth = automationDepth(ctx);
  const byRecord = new Map(changes?.map((c) => [c.id, c.changes]));
  const runs: QueuedRun[] = [];
  let related: Awaited<ReturnType<typeof loadRelated>> | null = null;
  for (const a of automations) {
    const parsed = automationTrigger.safeParse(a.trigger);
    if (!parsed.success) continue;
    const fired: { id: string; summary: string }[] = [];
    const triggerText = TRIGGER_TEXT[parsed.data.kind];
    let filter = null;
    for (const id of ids) {
      const verdict = triggerVerdict(parsed.data, { change, changes: byRecord.get(id) ?? null }, table.byId);
      if (!verdict.fires) continue;
      filter = verdict.filter;
      fired.push({ id, summary: verdict.summary });
    }
    if (fired.length === 0) continue;
    let matching = fired;
    if (filter) {
      // A field the condition names was deleted: skip rather than fail the user's write.
      if (validateFilter(filter, table.byId).length) continue;
      related ??= await loadRelated(trx, table);
      const where = filterToSql(filter, { table, related, now, userId: null });
      const ok = await sql<{
        id: string;
      }>`select t.id from ${physicalTable(table.id)} t where t.id = any(${sql.val(fired.map((f) => f.id))}::text[]) and ${where}`.execute(trx);
      const hit = new Set(ok.rows.map((r) => r.id));
      matching = fired.filter((f) => hit.has(f.id));
    }
    for (const f of matching) {
      const run: QueuedRun = {
        id: newId('arn', 14),
        automation_id: a.id,
        table_id: table.id,
        record_id: f.id,
        trigger_summary: f.summary,
        trigger_text: triggerText ? JSON.stringify(triggerText) : null,
        depth,
        next_attempt_at: now,
        created_at: now,
      };
      // Logged but not run, so a loop between automations shows up in the run log instead of spinning forever.
      if (depth >= MAX_AUTOMATION_DEPTH) {
        const stopped = RUN_TEXT.loopStopped(depth);
        Object.assign(run, { status: 'skipped', error: stopped.zh, error_text: JSON.stringify(stopped), finished_at: now });
      }
      runs.push(run);
    }
  }
  if (runs.length === 0) return;
  for (let i = 0; i < runs.length; i += 1000)
    await trx
      .insertInto('base_automation_runs')
      .values(runs.slice(i, i + 1000))
      .execute();
  await sql`select pg_notify(${AUTOMATION_CHANNEL}, '')`.execute(trx);
  await publishRuns(
    trx,
    table.id,
    runs.map((r) => r.automation_id),
  );
}

/** Tells open run logs of these automations to re-read (on commit, with the runs written in `trx`). */
export async function publishRuns(trx: Db, tableId: string, automationIds: readonly string[]): Promise<void> {
  await publish(trx, [`table:${tableId}`], { type: 'base.automation.runs', tableId, automationIds: [...new Set(automationIds)] });
}

import { sql, type Selectable } from 'kysely';
import { automationAction, type RecordDto } from '@concord/contracts';
import type { Deps } from '../../platform/deps.ts';
import type { DbHandle } from '../../platform/db/connect.ts';
import type { RequestContext } from '../../platform/http/actor.ts';
import { localize } from '../../platform/errors.ts';
import { outboundFetch } from '../../platform/outbound-url.ts';
import { failureText, RUN_TEXT, runFailure, stepFailed, type RunText } from './run-text.ts';
import { getRecords } from '../record.service.ts';
import { loadTable, type TableMeta } from '../table-meta.ts';
import type { AutomationRunsTable, StoredStep } from './automation.db.ts';
import type { AutomationRow } from './automation.service.ts';
import { AUTOMATION_CHANNEL, automationContext, publishRuns } from './automation-capture.ts';
import { scanDateTriggers } from './date-trigger-scan.ts';
import { actionRunners, type ActionEnv } from './actions/index.ts';

/** Seconds before attempt n+1; after the last, the run is marked failed. */
const BACKOFF_S = [5, 30, 120, 600, 3600];
/** A claimed run not finished by then (its instance died) is taken again. */
const LEASE_S = 120;

type RunRow = Selectable<AutomationRunsTable>;

/** The automation's creator as the actor of its writes; they still need edit access to the table. */
async function creatorContext(deps: Deps, automation: AutomationRow, depth: number): Promise<RequestContext> {
  const user = automation.created_by
    ? await deps.db.selectFrom('users').select(['id', 'name', 'role', 'locale', 'active']).where('id', '=', automation.created_by).executeTakeFirst()
    : undefined;
  if (!user || !user.active) throw runFailure(RUN_TEXT.creatorInactive);
  return automationContext(
    {
      actor: { kind: 'user', userId: user.id, name: user.name, role: user.role, locale: user.locale, via: 'token', csrfToken: null, sessionId: null },
      ip: 'automation',
      locale: user.locale ?? 'zh-CN',
    },
    depth + 1,
  );
}

interface Outcome {
  status: 'succeeded' | 'failed' | 'skipped';
  steps: StoredStep[];
  error: RunText | null;
}

/** A step for the log: `detail` in the creator's language (what older readers show), `text` in both. */
function logged(kind: StoredStep['kind'], status: StoredStep['status'], detail: string | RunText, ctx: RequestContext): StoredStep {
  return typeof detail === 'string' ? { kind, status, detail } : { kind, status, detail: localize(detail, ctx.locale), text: detail };
}

/** Runs the actions not yet done (a retry resumes at the step that failed). */
async function execute(deps: Deps, run: RunRow, fetchImpl: typeof fetch): Promise<Outcome> {
  const steps = run.steps.filter((s) => s.status !== 'failed');
  const automation = await deps.db.selectFrom('base_automations').selectAll().where('id', '=', run.automation_id).executeTakeFirst();
  if (!automation || !automation.enabled) return { status: 'skipped', steps, error: RUN_TEXT.turnedOff };
  let ctx: RequestContext | null = null;
  try {
    ctx = await creatorContext(deps, automation, run.depth);
    const table: TableMeta = await loadTable(deps.db, run.table_id);
    const actorCtx = ctx;
    const recordId = run.record_id;
    if (!recordId) return { status: 'skipped', steps, error: RUN_TEXT.noRecord };
    const read = async (): Promise<RecordDto | undefined> => (await getRecords(deps, actorCtx, table.id, [recordId]))[0];
    if (!(await read())) return { status: 'skipped', steps, error: RUN_TEXT.recordDeleted };
    const env: ActionEnv = {
      deps,
      ctx: actorCtx,
      table,
      automation,
      runId: run.id,
      recordId,
      record: async () => {
        const r = await read();
        if (!r) throw runFailure(RUN_TEXT.recordDeleted);
        return r;
      },
      assignedFields: new Set(),
      fetch: fetchImpl,
    };
    const actions = automation.actions;
    for (let i = 0; i < steps.length; i++) if (actions[i]?.kind === 'assign') env.assignedFields.add((actions[i] as { fieldId: string }).fieldId);
    for (let i = steps.length; i < actions.length; i++) {
      const parsed = automationAction.safeParse(actions[i]);
      if (!parsed.success) throw runFailure(RUN_TEXT.actionInvalid(i + 1));
      const action = parsed.data;
      try {
        // The registry is keyed by kind, so the runner always matches the action it gets.
        const runner = actionRunners[action.kind] as (e: ActionEnv, a: typeof action) => ReturnType<(typeof actionRunners)['notify']>;
        const outcome = await runner(env, action);
        steps.push(logged(action.kind, outcome.status, outcome.detail, actorCtx));
      } catch (err) {
        const why = failureText(err);
        steps.push(logged(action.kind, 'failed', why, actorCtx));
        return { status: 'failed', steps, error: stepFailed(i + 1, action.kind, why) };
      }
    }
    return { status: 'succeeded', steps, error: null };
  } catch (err) {
    return { status: 'failed', steps, error: failureText(err) };
  }
}

/**
 * Claims due runs (skip locked, so several instances never run the same one), runs their actions outside any
 * transaction and records the outcome. Failures are retried with back-off; they never touch the edit that fired them.
 * Also queues date-triggered runs first. Returns how many runs it processed. Tests call it by hand.
 */
export async function runDueAutomations(deps: Deps, options: { fetch?: typeof fetch; limit?: number; scan?: boolean } = {}): Promise<number> {
  if (options.scan !== false) await scanDateTriggers(deps);
  const now = deps.clock.now();
  const claimed = await sql<RunRow>`
    update base_automation_runs r set status = 'running', attempts = r.attempts + 1, next_attempt_at = ${new Date(now.getTime() + LEASE_S * 1000)}
    where r.id in (
      select id from base_automation_runs where status in ('queued', 'running') and next_attempt_at <= ${now}
      order by next_attempt_at, created_at, id limit ${options.limit ?? 20} for update skip locked)
    returning r.*`.execute(deps.db);
  // One at a time, oldest first: runs on the same record then apply in the order their edits happened.
  const runs = [...claimed.rows].sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id));
  for (const run of runs) {
    const outcome = await execute(deps, run, options.fetch ?? outboundFetch(deps.config.webhookTargets));
    const after = deps.clock.now();
    const retry = outcome.status === 'failed' && run.attempts < BACKOFF_S.length;
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('base_automation_runs')
        .set({
          status: retry ? 'queued' : outcome.status,
          steps: JSON.stringify(outcome.steps),
          // The plain column keeps one language for older readers; the log is read from error_text.
          error: outcome.error?.zh ?? null,
          error_text: outcome.error ? JSON.stringify(outcome.error) : null,
          next_attempt_at: new Date(after.getTime() + (retry ? BACKOFF_S[run.attempts - 1]! * 1000 : 0)),
          finished_at: retry ? null : after,
        })
        .where('id', '=', run.id)
        .execute();
      await publishRuns(trx, run.table_id, [run.automation_id]);
    });
  }
  return runs.length;
}

/** How often date triggers are scanned; record writes wake the worker at once. */
const SCAN_EVERY_MS = 15_000;

/**
 * Runs automations in the background: woken by NOTIFY when a write queues runs, with a 1 s poll as a backstop for
 * retries and lost notifications.
 */
export function startAutomationWorker(deps: Deps & { handle?: DbHandle }): () => void {
  let busy = false;
  let again = false;
  let lastScan = 0;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    const scan = Date.now() - lastScan >= SCAN_EVERY_MS;
    if (scan) lastScan = Date.now();
    runDueAutomations(deps, { scan })
      .then((n) => {
        if (n > 0) again = true;
      })
      .catch((err: unknown) => console.error('automation run failed', err))
      .finally(() => {
        busy = false;
        if (again) {
          again = false;
          setImmediate(tick);
        }
      });
  };
  const timer = setInterval(tick, 1000);
  timer.unref();
  let unlisten: (() => Promise<void>) | null = null;
  deps.handle
    ?.listen(AUTOMATION_CHANNEL, () => tick())
    .then((u) => {
      if (stopped) void u();
      else unlisten = u;
    })
    .catch((err: unknown) => console.error('automation listen failed', err));
  return () => {
    stopped = true;
    clearInterval(timer);
    void unlisten?.();
  };
}

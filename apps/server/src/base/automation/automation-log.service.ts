import type { AutomationRunDto } from '@concord/contracts';
import type { Deps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/http/actor.ts';
import { automationFor } from './automation.service.ts';
import { RUN_TEXT, runTextIn, type RunText } from './run-text.ts';

/** What runs logged before texts were stored say for the triggers that have no field to name. */
const LEGACY_TRIGGERS: Record<string, RunText> = { created: RUN_TEXT.recordCreated, matches: RUN_TEXT.recordMatches };

/** An automation's run log, newest first, in the reader's language; `pageToken` is the offset of the next page. */
export async function listRuns(
  deps: Deps,
  ctx: RequestContext,
  automationId: string,
  page: { pageSize: number; pageToken?: string },
): Promise<{ items: AutomationRunDto[]; nextPageToken: string | null; total: number }> {
  await automationFor(deps, ctx, automationId);
  const offset = Math.max(0, Number.parseInt(page.pageToken ?? '0', 10) || 0);
  const [rows, count] = await Promise.all([
    deps.db
      .selectFrom('base_automation_runs')
      .selectAll()
      .where('automation_id', '=', automationId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .offset(offset)
      .limit(page.pageSize)
      .execute(),
    deps.db
      .selectFrom('base_automation_runs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('automation_id', '=', automationId)
      .executeTakeFirst(),
  ]);
  const total = Number(count?.n ?? 0);
  return {
    items: rows.map((r) => ({
      id: r.id,
      automationId: r.automation_id,
      recordId: r.record_id,
      trigger: runTextIn(r.trigger_text, LEGACY_TRIGGERS[r.trigger_summary], r.trigger_summary, ctx.locale),
      status: r.status,
      attempts: r.attempts,
      steps: r.steps.map((s) => ({ kind: s.kind, status: s.status, detail: runTextIn(s.text, undefined, s.detail, ctx.locale) })),
      error: r.error === null ? null : runTextIn(r.error_text, undefined, r.error, ctx.locale),
      createdAt: r.created_at.toISOString(),
      nextAttemptAt: r.status === 'queued' || r.status === 'running' ? r.next_attempt_at.toISOString() : null,
      finishedAt: r.finished_at?.toISOString() ?? null,
    })),
    nextPageToken: offset + rows.length < total ? String(offset + rows.length) : null,
    total,
  };
}

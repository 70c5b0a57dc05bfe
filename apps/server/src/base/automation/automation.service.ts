import type { Selectable } from 'kysely';
import {
  createAutomationInput,
  updateAutomationInput,
  type AutomationAction,
  type AutomationDto,
  type AutomationTrigger,
  type CreateAutomationInput,
  type UpdateAutomationInput,
} from '@concord/contracts';
import type { Deps } from '../../platform/deps.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { RequestContext } from '../../platform/http/actor.ts';
import { actorIdOf } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { newId, newSecret } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { requireRole } from '../access.ts';
import { loadTable, type TableMeta } from '../table-meta.ts';
import type { AutomationsTable } from './automation.db.ts';
import { validateAction, validateTrigger, type ActionCheckOptions } from './automation-validate.ts';
import './automation.db.ts';

export const automationNotFound = (id: string) =>
  new AppError('not_found', 'base.automation.not_found', { en: `Automation ${id} not found`, zh: `自动化 ${id} 不存在` });

export type AutomationRow = Selectable<AutomationsTable>;
type Row = AutomationRow;

function toDto(r: Row): AutomationDto {
  return {
    id: r.id,
    tableId: r.table_id,
    name: r.name,
    enabled: r.enabled,
    trigger: r.trigger,
    actions: r.actions,
    secret: r.secret,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

async function checked(db: Db, table: TableMeta, trigger: AutomationTrigger, actions: AutomationAction[], opts: ActionCheckOptions) {
  const t = validateTrigger(table, trigger);
  const a: AutomationAction[] = [];
  for (const [i, action] of actions.entries()) a.push(await validateAction(db, table, action, i, opts));
  return { trigger: t, actions: a };
}

/**
 * Creates an automation on a table (base editors and owners). Its actions run as the creator.
 * @example await createAutomation(deps, ctx, tableId, { name: '方案报价负责人', trigger: { kind: 'field_changed', fieldId: stage, to: ['方案报价'] },
 *   actions: [{ kind: 'assign', fieldId: owner, pool: { departmentId }, strategy: 'round_robin' }] })
 */
export async function createAutomation(deps: Deps, ctx: RequestContext, tableId: string, input: CreateAutomationInput): Promise<AutomationDto> {
  const parsed = createAutomationInput.parse(input);
  const table = await loadTable(deps.db, tableId);
  await requireRole(deps.db, ctx.actor, table.baseId, 'editor');
  const { trigger, actions } = await checked(deps.db, table, parsed.trigger, parsed.actions, {
    locale: ctx.locale,
    enabled: parsed.enabled,
    outbound: deps.config.webhookTargets,
  });
  const now = deps.clock.now();
  const row = await inTransaction(deps.db, async (trx) => {
    const r = await trx
      .insertInto('base_automations')
      .values({
        id: newId('aut', 12),
        table_id: tableId,
        name: parsed.name,
        enabled: parsed.enabled,
        trigger: JSON.stringify(trigger),
        actions: JSON.stringify(actions),
        secret: newSecret(24),
        // Dates that passed before the automation existed do not fire it.
        scanned_until: now,
        created_by: actorIdOf(ctx.actor),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, 'base.automation.create', { type: 'base_automation', id: r.id }, { name: parsed.name, trigger: trigger.kind });
    return r;
  });
  return toDto(row);
}

/** A table's automations, oldest first (base editors and owners). */
export async function listAutomations(deps: Deps, ctx: RequestContext, tableId: string): Promise<AutomationDto[]> {
  const table = await loadTable(deps.db, tableId);
  await requireRole(deps.db, ctx.actor, table.baseId, 'editor');
  const rows = await deps.db.selectFrom('base_automations').selectAll().where('table_id', '=', tableId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toDto);
}

/** Loads an automation after checking the caller may manage automations of its base. */
export async function automationFor(deps: Deps, ctx: RequestContext, automationId: string): Promise<{ row: Row; table: TableMeta }> {
  const row = await deps.db.selectFrom('base_automations').selectAll().where('id', '=', automationId).executeTakeFirst();
  if (!row) throw automationNotFound(automationId);
  const table = await loadTable(deps.db, row.table_id);
  await requireRole(deps.db, ctx.actor, table.baseId, 'editor');
  return { row, table };
}

export async function getAutomation(deps: Deps, ctx: RequestContext, automationId: string): Promise<AutomationDto> {
  return toDto((await automationFor(deps, ctx, automationId)).row);
}

/** Changes name, enabled, trigger or actions; a new date trigger starts from now, so it never fires for past dates. */
export async function updateAutomation(deps: Deps, ctx: RequestContext, automationId: string, input: UpdateAutomationInput): Promise<AutomationDto> {
  const patch = updateAutomationInput.parse(input);
  const { row, table } = await automationFor(deps, ctx, automationId);
  const enabled = patch.enabled ?? row.enabled;
  const { trigger, actions } = await checked(deps.db, table, patch.trigger ?? row.trigger, patch.actions ?? row.actions, {
    locale: ctx.locale,
    enabled,
    outbound: deps.config.webhookTargets,
  });
  const now = deps.clock.now();
  const updated = await deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('base_automations')
      .set({
        name: patch.name ?? row.name,
        enabled,
        trigger: JSON.stringify(trigger),
        actions: JSON.stringify(actions),
        updated_at: now,
        ...(JSON.stringify(trigger) !== JSON.stringify(row.trigger) || (patch.enabled && !row.enabled) ? { scanned_until: now } : {}),
      })
      .where('id', '=', automationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, 'base.automation.update', { type: 'base_automation', id: automationId }, { changed: Object.keys(patch) });
    return r;
  });
  return toDto(updated);
}

export async function deleteAutomation(deps: Deps, ctx: RequestContext, automationId: string): Promise<void> {
  await automationFor(deps, ctx, automationId);
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('base_automations').where('id', '=', automationId).execute();
    await audit(trx, ctx, 'base.automation.delete', { type: 'base_automation', id: automationId });
  });
}

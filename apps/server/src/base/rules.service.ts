import type { TableRule } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { audit } from '../platform/audit.ts';
import { publish } from '../platform/events.ts';
import { requireRole } from './access.ts';
import { loadTable } from './table-meta.ts';

export async function getRules(deps: Deps, ctx: RequestContext, tableId: string): Promise<TableRule[]> {
  const table = await loadTable(deps.db, tableId);
  await requireRole(deps.db, ctx.actor, table.baseId, 'owner');
  return table.rules;
}

/** Replaces a table's per-role rules; every field they name must exist, and a row rule needs a person field. */
export async function setRules(deps: Deps, ctx: RequestContext, tableId: string, rules: TableRule[]): Promise<TableRule[]> {
  const table = await loadTable(deps.db, tableId);
  await requireRole(deps.db, ctx.actor, table.baseId, 'owner');
  const roles = new Set<string>();
  for (const r of rules) {
    if (roles.has(r.role)) throw new AppError('validation', 'base.rules.duplicate_role', { en: `Two rules for ${r.role}`, zh: `角色 ${r.role} 有两条规则` });
    roles.add(r.role);
    if (r.rows && table.byId.get(r.rows.personFieldId)?.type !== 'person') {
      throw new AppError('validation', 'base.rules.not_person', { en: 'Row rules need a person field', zh: '行权限需要选择人员字段' });
    }
    const unknown = Object.keys(r.fields).find((id) => !table.byId.has(id));
    if (unknown) throw new AppError('validation', 'base.rules.unknown_field', { en: `Unknown field ${unknown}`, zh: `字段 ${unknown} 不存在` });
    if (r.access === 'edit' && r.role !== 'editor') {
      throw new AppError('validation', 'base.rules.role_cannot_edit', { en: `${r.role}s cannot be given edit access`, zh: `不能授予 ${r.role} 编辑权限` });
    }
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('base_tables')
      .set({ rules: JSON.stringify(rules) })
      .where('id', '=', tableId)
      .execute();
    await audit(trx, ctx, 'base.rules.set', { type: 'base_table', id: tableId }, { rules });
    await publish(trx, [`table:${tableId}`], { type: 'base.table.changed', baseId: table.baseId, tableId, change: 'updated' });
  });
  return rules;
}

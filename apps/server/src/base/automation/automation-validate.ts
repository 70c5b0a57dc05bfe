import { fieldTypeDefs, validateFilter, type FieldMeta, type FieldType, type FilterNode, type OptionsOf } from '@concord/table-engine';
import type { AutomationAction, AutomationTrigger } from '@concord/contracts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { checkOutboundUrl, outboundRefused, type OutboundPolicy } from '../../platform/outbound-url.ts';
import { findOption } from '../field-columns.ts';
import { convertInputs } from '../record-values.ts';
import { loadTable, type TableMeta } from '../table-meta.ts';

const unknownField = (where: string, fieldId: string) =>
  new AppError(
    'validation',
    'base.automation.unknown_field',
    { en: `${where}: unknown field ${fieldId}`, zh: `${where}：字段 ${fieldId} 不存在` },
    { fieldId, where },
  );
const invalid = (where: string, en: string, zh: string) =>
  new AppError('validation', 'base.automation.invalid', { en: `${where}: ${en}`, zh: `${where}：${zh}` }, { where });

function fieldOf(table: TableMeta, fieldId: string, where: string, types?: readonly FieldType[]): FieldMeta {
  const field = table.byId.get(fieldId);
  if (!field) throw unknownField(where, fieldId);
  if (types && !types.includes(field.type))
    throw invalid(where, `${field.name} must be a ${types.join(' or ')} field`, `${field.name} 必须是 ${types.join(' 或 ')} 类型的字段`);
  return field;
}

function checkFilter(table: TableMeta, filter: FilterNode, where: string): void {
  const problem = validateFilter(filter, table.byId)[0];
  if (!problem) return;
  if (!table.byId.has(problem.fieldId)) throw unknownField(where, problem.fieldId);
  throw invalid(where, problem.message, problem.message);
}

/** Checks a trigger against the table's fields; select values in `to` are stored as option ids. */
export function validateTrigger(table: TableMeta, trigger: AutomationTrigger): AutomationTrigger {
  switch (trigger.kind) {
    case 'record_created':
      if (trigger.filter) checkFilter(table, trigger.filter, 'trigger.filter');
      return trigger;
    case 'record_matches':
      checkFilter(table, trigger.filter, 'trigger.filter');
      return trigger;
    case 'field_changed': {
      const field = fieldOf(table, trigger.fieldId, 'trigger.fieldId');
      if (!fieldTypeDefs[field.type].writable && field.type !== 'formula')
        throw invalid('trigger.fieldId', `${field.name} is computed and never changes by itself`, `${field.name} 是计算字段`);
      if (!trigger.to || (field.type !== 'singleSelect' && field.type !== 'multiSelect')) return trigger;
      const to = trigger.to.map((v) => {
        const option = findOption(field, v);
        if (!option) throw invalid('trigger.to', `${field.name} has no option ${v}`, `${field.name} 没有选项 ${v}`);
        return option.id;
      });
      return { ...trigger, to };
    }
    case 'date_reached':
      fieldOf(table, trigger.fieldId, 'trigger.fieldId', ['date']);
      if (trigger.filter) checkFilter(table, trigger.filter, 'trigger.filter');
      return trigger;
  }
}

async function checkPeople(db: Db, ids: readonly string[], where: string): Promise<void> {
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...ids])
    .where('active', '=', true)
    .execute();
  const missing = ids.find((id) => !found.some((f) => f.id === id));
  if (missing) throw invalid(where, `no active person ${missing}`, `不存在在职人员 ${missing}`);
}

function checkWritable(table: TableMeta, values: Record<string, unknown>, where: string): void {
  for (const fieldId of Object.keys(values)) {
    const field = fieldOf(table, fieldId, where);
    if (!fieldTypeDefs[field.type].writable) throw invalid(where, `${field.name} is read-only`, `${field.name} 为只读字段`);
  }
}

const PEOPLE_FIELDS = ['person', 'createdBy', 'modifiedBy'] as const;

export interface ActionCheckOptions {
  locale: 'en' | 'zh-CN';
  /** Whether the automation is (being turned) on: only then must its pools name someone and its webhooks be callable. */
  enabled: boolean;
  /** Which addresses webhooks may call (`config.webhookTargets`). */
  outbound: OutboundPolicy;
}

/**
 * Checks one action against the table (and linked table); values are converted once to catch bad input early. A
 * disabled automation may keep an empty assign pool (a stage nobody owns yet, as a CRM made by an app leaves it) or a
 * webhook the outbound policy refuses (so it can still be turned off); both are refused when it is turned on.
 */
export async function validateAction(db: Db, table: TableMeta, action: AutomationAction, index: number, opts: ActionCheckOptions): Promise<AutomationAction> {
  const { locale, enabled } = opts;
  const at = `actions[${index}]`;
  switch (action.kind) {
    case 'assign': {
      fieldOf(table, action.fieldId, `${at}.fieldId`, ['person']);
      if (enabled && action.pool.userIds.length === 0 && !action.pool.departmentId)
        throw invalid(`${at}.pool`, 'name people or a department', '请指定人员或部门');
      await checkPeople(db, action.pool.userIds, `${at}.pool.userIds`);
      if (action.pool.departmentId) {
        const dept = await db.selectFrom('departments').select('id').where('id', '=', action.pool.departmentId).executeTakeFirst();
        if (!dept) throw invalid(`${at}.pool.departmentId`, `no department ${action.pool.departmentId}`, `部门 ${action.pool.departmentId} 不存在`);
      }
      return action;
    }
    case 'update_fields':
      if (Object.keys(action.values).length === 0) throw invalid(`${at}.values`, 'set at least one field', '请至少设置一个字段');
      checkWritable(table, action.values, `${at}.values`);
      await convertInputs(db, table, [action.values], locale);
      return action;
    case 'create_linked_record': {
      const link = fieldOf(table, action.fieldId, `${at}.fieldId`, ['link']);
      const target = await loadTable(db, (link.options as OptionsOf<'link'>).tableId);
      checkWritable(target, action.values, `${at}.values`);
      await convertInputs(db, target, [action.values], locale);
      return action;
    }
    case 'notify':
      for (const f of action.to.fieldIds) fieldOf(table, f, `${at}.to.fieldIds`, PEOPLE_FIELDS);
      await checkPeople(db, action.to.userIds, `${at}.to.userIds`);
      if (action.to.fieldIds.length + action.to.userIds.length === 0) throw invalid(`${at}.to`, 'name who to notify', '请指定通知对象');
      return action;
    case 'email':
      for (const f of action.to.fieldIds) fieldOf(table, f, `${at}.to.fieldIds`, ['email', ...PEOPLE_FIELDS]);
      if (action.to.fieldIds.length + action.to.addresses.length === 0) throw invalid(`${at}.to`, 'name recipients', '请指定收件人');
      return action;
    case 'webhook': {
      const target = enabled ? checkOutboundUrl(action.url, opts.outbound) : ({ ok: true } as const);
      if (!target.ok) throw outboundRefused(target, `${at}.url`);
      return action;
    }
  }
}

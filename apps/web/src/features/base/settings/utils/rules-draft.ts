import type { TableRule } from '@concord/contracts';

export type RuleRole = TableRule['role'];
export type RowInclude = NonNullable<TableRule['rows']>['include'][number];

export const RULE_ROLES: readonly RuleRole[] = ['editor', 'commenter', 'viewer'];
export const ROW_INCLUDES: readonly RowInclude[] = ['self', 'reports', 'departmentsHeaded'];

/** The rule being edited for each role; null = the role is not restricted in this table. */
export type RulesDraft = Record<RuleRole, TableRule | null>;

export function rulesByRole(rules: readonly TableRule[]): RulesDraft {
  const draft: RulesDraft = { editor: null, commenter: null, viewer: null };
  for (const r of rules) draft[r.role] = r;
  return draft;
}

/** What a role may do with no rule: editors edit, the others read. */
export function defaultAccess(role: RuleRole): TableRule['access'] {
  return role === 'editor' ? 'edit' : 'read';
}

/** A fresh rule that restricts nothing yet, so ticking "restrict" changes nothing until something is chosen. */
export function blankRule(role: RuleRole): TableRule {
  return { role, access: defaultAccess(role), rows: null, fields: {} };
}

/** Sets one field's access; the role's table-wide access is stored as no entry. */
export function withFieldAccess(rule: TableRule, fieldId: string, access: 'none' | 'read' | null): TableRule {
  const fields = { ...rule.fields };
  if (access) fields[fieldId] = access;
  else delete fields[fieldId];
  return { ...rule, fields };
}

/** Adds or removes one kind of person from the row rule. */
export function toggleInclude(rule: TableRule, kind: RowInclude, on: boolean): TableRule {
  if (!rule.rows) return rule;
  const include = on ? [...new Set([...rule.rows.include, kind])] : rule.rows.include.filter((k) => k !== kind);
  return { ...rule, rows: { ...rule.rows, include: ROW_INCLUDES.filter((k) => include.includes(k)) } };
}

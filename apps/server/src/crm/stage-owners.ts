import type { CreateAutomationInput, CrmLocale } from '@concord/contracts';
import type { Db } from '../platform/db/database.ts';
import { findDepartmentsByName, type NamedDepartment } from '../org/index.ts';
import { say, STAGES, type StageDef, type StageKey } from './crm-template.ts';

/** Who a stage is assigned to: a whole department (new members join the rotation) or a list of people. */
export interface StagePool {
  userIds: string[];
  departmentId: string | null;
  /** For people reading the automation list: "大客户部 · 售前解决方案工程师". */
  label: string;
  /** Everyone the pool can pick today, in a stable order (the demo assigns without running automations). */
  members: string[];
}

const SALES_DEPARTMENTS = [...new Set(STAGES.flatMap((s) => s.owner.departments))];

/**
 * The default pool of each stage from the directory: the stage role's department narrowed to people with the role's
 * titles when any have them, else the whole department; the initialising person when the directory has no such
 * department (a fresh instance without the demo company); empty when an app initialises it (`fallbackUserId` null).
 */
export async function defaultStagePools(db: Db, fallbackUserId: string | null): Promise<Map<StageKey, StagePool>> {
  const depts = await findDepartmentsByName(db, SALES_DEPARTMENTS);
  const pools = new Map<StageKey, StagePool>();
  for (const stage of STAGES) pools.set(stage.key, poolFor(stage, depts, fallbackUserId));
  return pools;
}

/** A stage's pool from the directory's sales departments (pure; `defaultStagePools` loads them). */
export function poolFor(stage: StageDef, depts: readonly NamedDepartment[], fallbackUserId: string | null): StagePool {
  for (const name of stage.owner.departments) {
    const d = depts.find((x) => x.name === name);
    if (!d || d.members.length === 0) continue;
    const titled = d.members.filter((m) => m.title !== null && stage.owner.titles.includes(m.title));
    if (titled.length) {
      const ids = titled.map((m) => m.id);
      return { userIds: ids, departmentId: null, label: `${d.name} · ${stage.owner.titles.join('/')}`, members: ids };
    }
    return { userIds: [], departmentId: d.id, label: d.name, members: d.members.map((m) => m.id) };
  }
  const me = fallbackUserId ? [fallbackUserId] : [];
  return { userIds: me, departmentId: null, label: '', members: me };
}

export interface StageOwnerFields {
  stage: string;
  stageOwner: string;
  company: string;
}

/**
 * One automation per stage: when 阶段 changes to the stage, assign the stage owner from its pool (round robin) and tell
 * them, with a link to the customer. Names follow the CRM's language. A stage whose pool is empty (a CRM made by an
 * Open Platform app in a directory without sales departments: no person to fall back on) gets its automation turned
 * off, stage owner unassigned, until someone names a department or people for it (the CRM's stage-owner panel).
 */
export function stageOwnerAutomations(
  locale: CrmLocale,
  fields: StageOwnerFields,
  companyFieldName: string,
  pools: Map<StageKey, StagePool>,
): CreateAutomationInput[] {
  return STAGES.map((stage) => {
    const name = say(stage.name, locale);
    const pool = pools.get(stage.key) ?? { userIds: [], departmentId: null };
    const role = say(stage.owner.role, locale);
    return {
      name: locale === 'zh-CN' ? `阶段负责人：${name}（${role}）` : `Stage owner: ${name} (${role})`,
      enabled: pool.userIds.length > 0 || pool.departmentId !== null,
      trigger: { kind: 'field_changed', fieldId: fields.stage, to: [name] },
      actions: [
        { kind: 'assign', fieldId: fields.stageOwner, pool: { userIds: pool.userIds, departmentId: pool.departmentId }, strategy: 'round_robin' },
        {
          kind: 'notify',
          to: { fieldIds: [fields.stageOwner], userIds: [] },
          title: locale === 'zh-CN' ? `客户进入「${name}」：{{${companyFieldName}}}` : `Customer moved to ${name}: {{${companyFieldName}}}`,
          body:
            locale === 'zh-CN'
              ? `你是「${name}」阶段的负责人（${role}），请跟进 {{${companyFieldName}}}。`
              : `You own the ${name} stage (${role}); please follow up with {{${companyFieldName}}}.`,
        },
      ],
    };
  });
}

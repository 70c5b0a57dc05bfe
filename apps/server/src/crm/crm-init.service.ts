import type { CrmLocale, CrmTables } from '@concord/contracts';
import { f, type OptionsOf } from '@concord/table-engine';
import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import {
  createAutomation,
  createBase,
  createDashboard,
  createField,
  createTable,
  createView,
  customerRuleTemplate,
  loadTable,
  setDedupRule,
  type TableMeta,
} from '../base/index.ts';
import { BASE_NAME, FIELD_NAMES, say, STAGES, TABLE_NAMES, templateFields, VIEW_NAMES, type CrmTableKey, type StageKey, type Text } from './crm-template.ts';
import { defaultStagePools, stageOwnerAutomations, type StagePool } from './stage-owners.ts';
import { salesDashboard } from './sales-dashboard.ts';
import { dashboardPath, insertCrmApp } from './crm-app.repo.ts';

type FieldKeys<T extends CrmTableKey> = keyof (typeof FIELD_NAMES)[T];
/** Field ids of a CRM by table and role, so callers never look fields up by their (renamable) names. */
export type CrmFieldIds = { [T in CrmTableKey]: Record<FieldKeys<T>, string> };

/** A CRM base as built: ids of everything the demo and the tests need. */
export interface CrmStructure {
  baseId: string;
  locale: CrmLocale;
  tables: CrmTables;
  fields: CrmFieldIds;
  /** Option ids of the customers' 阶段, by stage. */
  stageOptions: Record<StageKey, string>;
  pools: Map<StageKey, StagePool>;
}

export interface InitializedCrm extends CrmStructure {
  dashboardId: string;
  dashboardUrl: string;
}

function idsByName<T extends CrmTableKey>(key: T, table: TableMeta, locale: CrmLocale): Record<FieldKeys<T>, string> {
  const out: Record<string, string> = {};
  for (const [role, text] of Object.entries(FIELD_NAMES[key] as Record<string, Text>)) {
    const field = table.byName.get(say(text, locale));
    if (!field)
      throw new AppError('invariant', 'crm.template.missing_field', { en: `Template field ${text.en} was not created`, zh: `模板字段 ${text.zh} 未创建` });
    out[role] = field.id;
  }
  return out as Record<FieldKeys<T>, string>;
}

/**
 * Builds the CRM base: four tables with their fields, links both ways, views and the customers' duplicate rule. Base
 * functions join the transaction of `deps.db` when it is one (as in `initCrm`), else commit step by step; stage owners
 * and the dashboard are added by `finishCrm`.
 */
export async function buildCrmBase(deps: Deps, ctx: RequestContext, locale: CrmLocale): Promise<CrmStructure> {
  const base = await createBase(deps, ctx, say(BASE_NAME, locale));
  const fields = templateFields(locale);
  const view = (key: keyof typeof VIEW_NAMES) => say(VIEW_NAMES[key], locale);
  const make = (key: CrmTableKey, viewName: string) =>
    createTable(deps, ctx, base.id, { name: say(TABLE_NAMES[key], locale), fields: fields[key].map((x) => x.input), viewName });
  const tables: CrmTables = {
    customers: (await make('customers', view('all'))).id,
    contacts: (await make('contacts', view('grid'))).id,
    opportunities: (await make('opportunities', view('grid'))).id,
    activities: (await make('activities', view('grid'))).id,
  };
  // Links go from the customers' side, so each reverse field is named after the customers table (客户); the contacts'
  // link to activities gives activities a 联系人 field.
  const link = (from: string, to: string, name: Text) =>
    createField(deps, ctx, from, { name: say(name, locale), type: 'link', options: { tableId: to, multiple: true, reverseFieldId: null } });
  const n = FIELD_NAMES;
  await link(tables.customers, tables.contacts, n.customers.contacts);
  await link(tables.customers, tables.opportunities, n.customers.opportunities);
  await link(tables.customers, tables.activities, n.customers.activities);
  await link(tables.contacts, tables.activities, n.contacts.activities);

  const meta = {
    customers: await loadTable(deps.db, tables.customers),
    contacts: await loadTable(deps.db, tables.contacts),
    opportunities: await loadTable(deps.db, tables.opportunities),
    activities: await loadTable(deps.db, tables.activities),
  };
  const ids: CrmFieldIds = {
    customers: idsByName('customers', meta.customers, locale),
    contacts: idsByName('contacts', meta.contacts, locale),
    opportunities: idsByName('opportunities', meta.opportunities, locale),
    activities: idsByName('activities', meta.activities, locale),
  };
  const c = ids.customers;
  await createView(deps, ctx, tables.customers, { name: view('mine'), type: 'grid', config: { filter: f.and(f.cond(c.owner, 'contains', ['me'])) } });
  await createView(deps, ctx, tables.customers, { name: view('byStage'), type: 'kanban', config: { groupFieldId: c.stage } });
  await createView(deps, ctx, tables.customers, {
    name: view('followUps'),
    type: 'grid',
    config: {
      filter: f.and(f.cond(c.nextFollowUp, 'is', [], { kind: 'relative', name: 'CurrentWeek' })),
      sort: [{ fieldId: c.nextFollowUp, desc: false }],
    },
  });
  await createView(deps, ctx, tables.customers, {
    name: view('duplicates'),
    type: 'grid',
    config: { filter: f.and(f.cond(c.possibleDuplicate, 'is', ['true'])) },
  });
  await createView(deps, ctx, tables.opportunities, { name: view('pipeline'), type: 'kanban', config: { groupFieldId: ids.opportunities.stage } });
  await createView(deps, ctx, tables.activities, { name: view('calendar'), type: 'calendar', config: { dateFieldId: ids.activities.at } });
  await setDedupRule(
    deps,
    ctx,
    tables.customers,
    customerRuleTemplate({ company: c.company, creditCode: c.creditCode, phone: c.phone, email: c.email, contact: c.contact }),
  );

  const stageField = meta.customers.byId.get(c.stage)!;
  const choices = (stageField.options as OptionsOf<'singleSelect'>).choices;
  const stageOptions = Object.fromEntries(STAGES.map((s, i) => [s.key, choices[i]!.id!])) as Record<StageKey, string>;
  const userId = ctx.actor?.kind === 'user' ? ctx.actor.userId : null;
  return { baseId: base.id, locale, tables, fields: ids, stageOptions, pools: await defaultStagePools(deps.db, userId) };
}

/** Adds the stage-owner automations and the sales dashboard, and records the base as a CRM. */
export async function finishCrm(deps: Deps, ctx: RequestContext, crm: CrmStructure, opts: { demo: boolean }): Promise<InitializedCrm> {
  const c = crm.fields.customers;
  const companyName = say(FIELD_NAMES.customers.company, crm.locale);
  for (const automation of stageOwnerAutomations(crm.locale, { stage: c.stage, stageOwner: c.stageOwner, company: c.company }, companyName, crm.pools)) {
    await createAutomation(deps, ctx, crm.tables.customers, automation);
  }
  const dashboard = await createDashboard(
    deps,
    ctx,
    crm.baseId,
    salesDashboard(crm.locale, {
      tableId: crm.tables.customers,
      stage: c.stage,
      owner: c.owner,
      amount: c.amount,
      source: c.source,
      nextFollowUp: c.nextFollowUp,
      created: c.created,
      company: c.company,
      stageOptionIds: STAGES.map((s) => crm.stageOptions[s.key]),
    }),
  );
  await insertCrmApp(deps.db, {
    baseId: crm.baseId,
    locale: crm.locale,
    tables: crm.tables,
    dashboardId: dashboard.id,
    demo: opts.demo,
    createdBy: ctx.actor?.kind === 'user' ? ctx.actor.userId : null,
  });
  return { ...crm, dashboardId: dashboard.id, dashboardUrl: dashboardPath(crm.baseId, dashboard.id) };
}

/**
 * Creates a CRM from the template in the caller's language (or the one asked for): base 客户管理 with customers,
 * contacts, opportunities and activities, views, duplicate rule, stage owners and 销售看板. One transaction: when a
 * step fails nothing is left behind, and the realtime events of the new base go out only on commit.
 * @example const crm = await initCrm(deps, req.ctx, 'zh-CN') // crm.tables.customers, crm.dashboardUrl
 */
export async function initCrm(deps: Deps, ctx: RequestContext, locale: CrmLocale): Promise<InitializedCrm> {
  return inTransaction(deps.db, async (trx) => {
    const inTrx = { ...deps, db: trx };
    return finishCrm(inTrx, ctx, await buildCrmBase(inTrx, ctx, locale), { demo: false });
  });
}

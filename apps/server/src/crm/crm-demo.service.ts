import { sql } from 'kysely';
import type { Deps } from '../platform/deps.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { findDepartmentsByName, firstAdministrator, nameKeys } from '../org/index.ts';
import { backdateRecords, createRecords, linkRecordsInBulk, queryRecords } from '../base/index.ts';
import { f } from '@concord/table-engine';
import { ACTIVITY_TYPES, INDUSTRIES, say, SOURCES, STAGES, TIERS, type StageKey } from './crm-template.ts';
import { buildCrmBase, finishCrm, type CrmStructure } from './crm-init.service.ts';
import { generateCrmDemo, type CrmDemoData } from './crm-demo-data.ts';
import { dashboardPath, findDemoCrm, listCrmApps } from './crm-app.repo.ts';

const BATCH = 1000;
/** The demo company's salespeople own the demo customers. */
const SALES_FLOOR = ['大客户部', '渠道销售部'];

export interface CrmDemoResult {
  appToken: string;
  created: boolean;
  customers: number;
  flagged: number;
  dashboardUrl: string;
}

/** The caller, or the first administrator when the seed runs at start-up (`npm start -- --demo`). */
async function actingContext(deps: Deps, ctx: RequestContext | null): Promise<RequestContext> {
  if (ctx?.actor) return ctx;
  const admin = await firstAdministrator(deps.db);
  if (!admin)
    throw new AppError('conflict', 'crm.demo.no_admin', {
      en: 'Create the administrator first; the demo CRM belongs to them',
      zh: '请先创建管理员，演示客户管理归管理员所有',
    });
  const actor = { kind: 'user', userId: admin.id, name: admin.name, role: 'admin', locale: 'zh-CN', via: 'token', csrfToken: null, sessionId: null } as const;
  return { actor, ip: '127.0.0.1', locale: 'zh-CN' };
}

/** Inserts in batches; returns the new ids in input order (records come back in insertion order). */
async function insertAll(
  deps: Deps,
  ctx: RequestContext,
  tableId: string,
  rows: Record<string, unknown>[],
  onDuplicate: 'ignore' | 'flag' = 'ignore',
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const created = await createRecords(deps, ctx, tableId, rows.slice(i, i + BATCH), onDuplicate);
    ids.push(...created.map((r) => r.id));
  }
  return ids;
}

const zh = (list: readonly { name: { zh: string; en: string } }[], i: number) => say(list[i]!.name, 'zh-CN');
const stageName = (key: StageKey) => say(STAGES.find((s) => s.key === key)!.name, 'zh-CN');

async function fill(deps: Deps, ctx: RequestContext, crm: CrmStructure, data: CrmDemoData, owners: string[]): Promise<void> {
  const { customers: c, contacts: p, opportunities: o, activities: a } = crm.fields;
  const owner = (slot: number) => [owners[slot % owners.length]!];
  const turn = new Map<StageKey, number>();
  const stageOwner = (stage: StageKey) => {
    const members = crm.pools.get(stage)?.members ?? [];
    const k = turn.get(stage) ?? 0;
    turn.set(stage, k + 1);
    return members.length ? [members[k % members.length]!] : null;
  };
  const customerRows = data.customers.map((x) => ({
    [c.company]: x.company,
    [c.creditCode]: x.creditCode,
    [c.city]: x.city,
    [c.industry]: zh(INDUSTRIES, x.industry),
    [c.tier]: zh(TIERS, x.tier),
    [c.stage]: stageName(x.stage),
    [c.owner]: owner(x.ownerSlot),
    [c.stageOwner]: stageOwner(x.stage),
    [c.contact]: x.contact || null,
    [c.phone]: x.phone || null,
    [c.email]: x.email || null,
    [c.amount]: x.amount,
    [c.source]: zh(SOURCES, x.source),
    [c.nextFollowUp]: x.nextFollowUp?.getTime() ?? null,
    [c.possibleDuplicate]: x.duplicateOf !== null,
  }));
  // Originals first; near-duplicates after them with "flag", so each waits in the review list beside its original.
  const originals = data.customers.filter((x) => x.duplicateOf === null).length;
  const customerIds = [
    ...(await insertAll(deps, ctx, crm.tables.customers, customerRows.slice(0, originals))),
    ...(await insertAll(deps, ctx, crm.tables.customers, customerRows.slice(originals), 'flag')),
  ];
  const contactIds = await insertAll(
    deps,
    ctx,
    crm.tables.contacts,
    data.contacts.map((x) => ({
      [p.name]: x.name,
      [p.title]: x.title,
      [p.phone]: x.phone,
      [p.email]: x.email,
      [p.decisionMaker]: x.decisionMaker,
    })),
  );
  const opportunityIds = await insertAll(
    deps,
    ctx,
    crm.tables.opportunities,
    data.opportunities.map((x) => ({
      [o.name]: x.name,
      [o.amount]: x.amount,
      [o.closeDate]: x.closeDate.getTime(),
      [o.stage]: stageName(x.stage),
      [o.probability]: x.probability,
      [o.owner]: owner(x.ownerSlot),
    })),
  );
  const activityIds = await insertAll(
    deps,
    ctx,
    crm.tables.activities,
    data.activities.map((x) => ({
      [a.subject]: x.subject,
      [a.type]: zh(ACTIVITY_TYPES, x.type),
      [a.at]: x.at.getTime(),
      [a.notes]: x.notes,
      [a.by]: owner(x.ownerSlot),
    })),
  );
  // Links in bulk: one statement per thousand pairs instead of four per record.
  const toCustomer = (ids: string[], list: { customer: number }[]) => ids.map((fromId, i) => ({ fromId, toId: customerIds[list[i]!.customer]! }));
  await linkRecordsInBulk(deps, ctx, p.customer, toCustomer(contactIds, data.contacts));
  await linkRecordsInBulk(deps, ctx, o.customer, toCustomer(opportunityIds, data.opportunities));
  await linkRecordsInBulk(deps, ctx, a.customer, toCustomer(activityIds, data.activities));
  await linkRecordsInBulk(
    deps,
    ctx,
    a.contact,
    activityIds.flatMap((fromId, i) => {
      const contact = data.activities[i]!.contact;
      return contact === null ? [] : [{ fromId, toId: contactIds[contact]! }];
    }),
  );
  // Months of history: created times drive the dashboard's "new customers per week".
  const when = <T extends { createdAt: Date }>(ids: string[], list: T[]) => ids.map((id, i) => ({ id, createdAt: list[i]!.createdAt }));
  await backdateRecords(deps, ctx, crm.tables.customers, when(customerIds, data.customers));
  await backdateRecords(deps, ctx, crm.tables.contacts, when(contactIds, data.contacts));
  await backdateRecords(deps, ctx, crm.tables.opportunities, when(opportunityIds, data.opportunities));
  await backdateRecords(
    deps,
    ctx,
    crm.tables.activities,
    activityIds.map((id, i) => ({ id, createdAt: data.activities[i]!.at })),
  );
}

async function counts(deps: Deps, ctx: RequestContext, customersTableId: string, flaggedFieldId: string | null) {
  const all = await queryRecords(deps, ctx, customersTableId, { offset: 0, limit: 1, filter: null, fieldIds: [] });
  const flagged = flaggedFieldId
    ? await queryRecords(deps, ctx, customersTableId, { offset: 0, limit: 1, filter: f.cond(flaggedFieldId, 'is', ['true']), fieldIds: [] })
    : { total: 0 };
  return { customers: all.total, flagged: flagged.total };
}

/**
 * Adds the demo CRM (zh-CN): ~2,000 enterprise customers across every stage, owned by the demo company's salespeople
 * (or the acting person on an instance without them), contacts, opportunities, four months of activities, and
 * near-duplicates flagged for review. One transaction, like `initCrm`: a failure half way leaves nothing, and the
 * outbox rows (realtime events) of the new base go out only on commit. Idempotent: when the demo CRM exists it is
 * returned unchanged; concurrent runs wait for each other, and the later one finds the first one's CRM.
 */
export async function seedCrmDemo(deps: Deps, ctx: RequestContext | null): Promise<CrmDemoResult> {
  const acting = await actingContext(deps, ctx);
  return inTransaction(deps.db, async (trx) => {
    const inTrx = { ...deps, db: trx };
    // Serialises concurrent seeds (two `concord demo` at once): the second waits, then sees the demo CRM below.
    await sql`select pg_advisory_xact_lock(hashtext('concord:crm-demo'))`.execute(trx);
    const existing = await findDemoCrm(trx);
    if (existing) {
      const [app] = await listCrmApps(trx, [{ id: existing, name: '' }]);
      const c = await counts(inTrx, acting, app!.tables.customers, null);
      return { appToken: existing, created: false, customers: c.customers, flagged: 0, dashboardUrl: app!.dashboardUrl };
    }
    const crm = await buildCrmBase(inTrx, acting, 'zh-CN');
    const floor = (await findDepartmentsByName(trx, SALES_FLOOR)).flatMap((d) => d.members.map((m) => m.id));
    const owners = floor.length ? floor : [acting.actor!.kind === 'user' ? acting.actor!.userId : ''];
    const data = generateCrmDemo({ now: deps.clock.now(), owners: owners.length, romanize: (s) => nameKeys(s).pinyin });
    await fill(inTrx, acting, crm, data, owners);
    // Stage owners come last, so seeding assigns nobody and notifies nobody.
    const done = await finishCrm(inTrx, acting, crm, { demo: true });
    const c = await counts(inTrx, acting, crm.tables.customers, crm.fields.customers.possibleDuplicate);
    return { appToken: crm.baseId, created: true, customers: c.customers, flagged: c.flagged, dashboardUrl: dashboardPath(crm.baseId, done.dashboardId) };
  });
}

import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { id, isoDateTime } from '../common.ts';

/** The language a CRM is created in: table, field, option and view names follow it. */
export const crmLocale = z.enum(['zh-CN', 'en']);
export type CrmLocale = z.infer<typeof crmLocale>;

/** The four linked tables of a CRM base, by role. */
export const crmTables = z.object({ customers: id, contacts: id, opportunities: id, activities: id });
export type CrmTables = z.infer<typeof crmTables>;

/** A CRM: a base made from the CRM template, its tables and its 销售看板 dashboard. */
export const crmAppDto = z.object({
  /** The base id (Feishu calls it app_token). */
  appToken: id,
  name: z.string(),
  locale: crmLocale,
  tables: crmTables,
  dashboardId: id.nullable(),
  /** In-app path of the sales dashboard (the base itself when there is no dashboard). */
  dashboardUrl: z.string(),
  /** Made by the demo seed (at most one per instance). */
  demo: z.boolean(),
  createdAt: isoDateTime,
});
export type CrmAppDto = z.infer<typeof crmAppDto>;

/** Creates a CRM base from the template: linked tables, views, duplicate rule, stage-owner automations and the sales dashboard. */
export const initCrm = defineRoute({
  method: 'post',
  path: '/crm/init',
  access: 'user',
  body: z.object({ locale: crmLocale.optional() }),
  output: z.object({ appToken: id, tables: crmTables, dashboardUrl: z.string() }),
  status: 201,
});

/** CRMs the caller can open, oldest first. */
export const listCrms = defineRoute({ method: 'get', path: '/crm/apps', access: 'user', output: z.object({ items: z.array(crmAppDto) }) });

/** Adds the demo CRM (~2,000 enterprise customers, activities, near-duplicates); a second call changes nothing. */
export const seedCrmDemo = defineRoute({
  method: 'post',
  path: '/admin/demo/crm',
  access: 'admin',
  output: z.object({
    appToken: id,
    /** False when the demo CRM already existed (nothing was added). */
    created: z.boolean(),
    customers: z.number().int(),
    /** Near-duplicates this call added for review (0 when nothing was added). */
    flagged: z.number().int(),
    dashboardUrl: z.string(),
  }),
  status: 201,
});

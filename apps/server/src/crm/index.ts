/**
 * The CRM slice: enterprise-client sales on Base. A template (customers, contacts, opportunities, activities), stage
 * owners as Base automations, the 销售看板 dashboard, and the demo sales floor.
 */
import './crm.db.ts';

export { crmRoutes } from './crm.routes.ts';
/**
 * Creates a CRM base from the template.
 * @example const crm = await initCrm(deps, ctx, 'zh-CN') // { baseId, tables: { customers, … }, dashboardUrl, fields, … }
 */
export { initCrm, type InitializedCrm, type CrmFieldIds } from './crm-init.service.ts';
/**
 * Adds the demo CRM once (idempotent); `ctx` null acts as the first administrator.
 * @example await seedCrmDemo(deps, null) // { appToken, created: true, customers: 2044, … }
 */
export { seedCrmDemo, type CrmDemoResult } from './crm-demo.service.ts';

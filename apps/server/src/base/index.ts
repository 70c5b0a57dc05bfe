/**
 * The base slice: multi-dimensional tables (bases, tables, typed fields, views, records) and their live updates.
 * CRM and later slices build on these functions.
 */
import './base.db.ts';

export { baseRoutes } from './base.routes.ts';
export { baseOpenApiRoutes } from './open-api/bitable.routes.ts';
export { canJoinBaseRoom } from './rooms.ts';
export { createBase, getBase, listBases } from './base.service.ts';
export { createTable, createField, deleteField, deleteTable, renameTable, readableTable } from './table.service.ts';
export { queryRecords, getRecords, createRecords, updateRecords, deleteRecords } from './record.service.ts';
export { previewFieldChange, updateField } from './field-change.service.ts';
export { createView, updateView, deleteView } from './view.service.ts';
export { cellText } from './cell-text.ts';
export { customerRuleTemplate, withCheckChar } from './dedup/index.ts';
export { setRule as setDedupRule } from './duplicate.service.ts';
export { startWebhookWorker, deliverDue, signPayload } from './webhook.service.ts';
export { undoLastChange } from './record.service.ts';
export { addComment, listComments } from './comment.service.ts';
export { loadTable, toTableDto, type TableMeta } from './table-meta.ts';
export {
  createDashboard,
  addWidget,
  updateWidget,
  deleteWidget,
  getDashboard,
  listDashboards,
  updateDashboard,
  deleteDashboard,
  dashboardData,
} from './dashboard/dashboard.service.ts';
export { backdateRecords, linkRecordsInBulk } from './record-seed.ts';
export { createAutomation, listAutomations, updateAutomation } from './automation/automation.service.ts';
export { startAutomationWorker, runDueAutomations } from './automation/automation-runs.ts';
export { pruneRecordChanges } from './dashboard/chunk-cache.ts';

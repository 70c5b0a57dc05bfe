import type { FastifyInstance } from 'fastify';
import * as c from '@concord/contracts';
import type { AppDeps } from '../platform/deps.ts';
import { route } from '../platform/http/route.ts';
import { AppError } from '../platform/errors.ts';
import * as bases from './base.service.ts';
import * as tables from './table.service.ts';
import * as records from './record.service.ts';
import * as groups from './record-groups.service.ts';
import * as order from './record-order.service.ts';
import * as fieldChange from './field-change.service.ts';
import * as views from './view.service.ts';
import * as comments from './comment.service.ts';
import * as members from './member.service.ts';
import * as rules from './rules.service.ts';
import * as webhooks from './webhook.service.ts';
import * as forms from './form.service.ts';
import * as formDuplicates from './form-duplicates.service.ts';
import * as files from './attachment.service.ts';
import * as duplicates from './duplicate.service.ts';
import * as review from './duplicate-review.service.ts';
import { mergeRecords } from './merge.service.ts';
import * as tableImport from './import/import.service.ts';
import { importProgress } from './import/import-progress.ts';
import { exportCsv, exportXlsx } from './export.service.ts';
import { historyOf } from './record-history.service.ts';
import { toTableDto } from './table-meta.ts';
import { dashboardRoutes } from './dashboard/dashboard.routes.ts';
import { automationRoutes } from './automation/automation.routes.ts';

/** /api/v1/base: bases, tables, fields and records for the web app and scripts. */
export async function baseRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  route(app, c.createBase, async ({ body, req }) => bases.createBase(deps, req.ctx, body.name));
  route(app, c.listBases, async ({ req }) => {
    if (!req.ctx.actor) throw new AppError('unauthorized', 'auth.required', { en: 'Please sign in', zh: '请先登录' });
    return { items: await bases.listBases(deps, req.ctx.actor) };
  });
  route(app, c.getBase, async ({ params, req }) => bases.getBase(deps, req.ctx.actor, params.baseId));
  route(app, c.listBaseMembers, async ({ params, req }) => ({ items: await members.listMembers(deps, req.ctx, params.baseId) }));
  route(app, c.setBaseMembers, async ({ params, body, req }) => ({ items: await members.setMembers(deps, req.ctx, params.baseId, body.members) }));
  route(app, c.removeBaseMember, async ({ params, req }) => ({ items: await members.removeMember(deps, req.ctx, params.baseId, params.userId) }));
  route(app, c.getTableRules, async ({ params, req }) => ({ rules: await rules.getRules(deps, req.ctx, params.tableId) }));
  route(app, c.setTableRules, async ({ params, body, req }) => ({ rules: await rules.setRules(deps, req.ctx, params.tableId, body.rules) }));
  route(app, c.createWebhook, async ({ params, body, req }) => webhooks.createWebhook(deps, req.ctx, params.tableId, body));
  route(app, c.listWebhooks, async ({ params, req }) => ({ items: await webhooks.listWebhooks(deps, req.ctx, params.tableId) }));
  route(app, c.deleteWebhook, async ({ params, req }) => {
    await webhooks.deleteWebhook(deps, req.ctx, params.webhookId);
    return { ok: true as const };
  });
  route(app, c.listWebhookDeliveries, async ({ params, req }) => ({ items: await webhooks.listDeliveries(deps, req.ctx, params.webhookId) }));
  route(app, c.getForm, async ({ params, req }) => forms.getForm(deps, req.ctx, params.token));
  route(app, c.submitForm, async ({ params, body, req }) => forms.submitForm(deps, req.ctx, params.token, body.fields));
  route(app, c.checkFormDuplicates, async ({ params, body, req }) => formDuplicates.checkFormDuplicates(deps, req.ctx, params.token, body.fields));
  route(app, c.uploadAttachment, async ({ params, query, raw, req }) => files.uploadAttachment(deps, req.ctx, params.tableId, query.filename, raw));
  // Downloads stream bytes, so this one route sits outside the JSON contract helper.
  app.get('/api/v1/base/files/:token', async (req, reply) => {
    const { token } = req.params as { token: string };
    if (!req.ctx.actor) throw new AppError('unauthorized', 'auth.required', { en: 'Please sign in', zh: '请先登录' });
    const f = await files.openAttachment(deps, req.ctx, token);
    const download = (req.query as { download?: string }).download === '1';
    reply
      .header('content-type', f.mime)
      .header('content-length', f.size)
      .header('content-disposition', `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(f.name)}`);
    reply.header('x-content-type-options', 'nosniff').header('content-security-policy', "default-src 'none'; sandbox");
    return reply.send(f.stream);
  });
  route(app, c.getDedupRule, async ({ params, req }) => ({ rule: await duplicates.getRule(deps, req.ctx, params.tableId) }));
  route(app, c.setDedupRule, async ({ params, body, req }) => ({ rule: body.rule, keyed: await duplicates.setRule(deps, req.ctx, params.tableId, body.rule) }));
  route(app, c.checkDuplicates, async ({ params, body, req }) => ({
    matches: await duplicates.checkDuplicates(deps, req.ctx, params.tableId, body.fields, body.recordId),
  }));
  route(app, c.listDuplicatePairs, async ({ params, query, req }) => review.listPairs(deps, req.ctx, params.tableId, query.limit));
  route(app, c.dismissDuplicatePair, async ({ params, req }) => {
    await review.dismissPair(deps, req.ctx, params.pairId);
    return { ok: true as const };
  });
  route(app, c.mergeRecords, async ({ params, body, req }) => mergeRecords(deps, req.ctx, params.tableId, body.survivorId, body.otherIds, body.values));
  route(app, c.previewImport, async ({ params, query, raw, req }) => tableImport.previewImport(deps, req.ctx, params.tableId, raw, query));
  route(app, c.importTable, async ({ params, query, raw, req }) =>
    tableImport.importTable(deps, req.ctx, params.tableId, raw, query, importProgress(deps, req.ctx, params.tableId, query.progressId)),
  );
  // Exports are files, not JSON: like downloads they sit outside the contract helper.
  app.get('/api/v1/base/tables/:tableId/export', async (req, reply) => {
    const { tableId } = req.params as { tableId: string };
    const q = req.query as { viewId?: string; format?: string };
    if (!req.ctx.actor) throw new AppError('unauthorized', 'auth.required', { en: 'Please sign in', zh: '请先登录' });
    const file = q.format === 'xlsx' ? await exportXlsx(deps, req.ctx, tableId, q.viewId) : await exportCsv(deps, req.ctx, tableId, q.viewId);
    const type = q.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8';
    return reply
      .header('content-type', type)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .send(file.body);
  });
  route(app, c.createTable, async ({ params, body, req }) => tables.createTable(deps, req.ctx, params.baseId, body));
  route(app, c.getTable, async ({ params, req }) => toTableDto(await tables.readableTable(deps, req.ctx, params.tableId)));
  route(app, c.renameTable, async ({ params, body, req }) => tables.renameTable(deps, req.ctx, params.tableId, body.name));
  route(app, c.deleteTable, async ({ params, req }) => {
    await tables.deleteTable(deps, req.ctx, params.tableId);
    return { ok: true as const };
  });
  route(app, c.createField, async ({ params, body, req }) => tables.createField(deps, req.ctx, params.tableId, body));
  route(app, c.deleteField, async ({ params, req }) => {
    await tables.deleteField(deps, req.ctx, params.fieldId);
    return { ok: true as const };
  });
  route(app, c.previewFieldChange, async ({ params, body, req }) => fieldChange.previewFieldChange(deps, req.ctx, params.fieldId, body));
  route(app, c.updateField, async ({ params, body, req }) => fieldChange.updateField(deps, req.ctx, params.fieldId, body));
  route(app, c.createView, async ({ params, body, req }) => views.createView(deps, req.ctx, params.tableId, body));
  route(app, c.updateView, async ({ params, body, req }) => views.updateView(deps, req.ctx, params.viewId, body));
  route(app, c.deleteView, async ({ params, req }) => {
    await views.deleteView(deps, req.ctx, params.viewId);
    return { ok: true as const };
  });
  route(app, c.recordHistory, async ({ params, req }) => ({ items: await historyOf(deps, req.ctx, params.tableId, params.recordId) }));
  route(app, c.undoLastChange, async ({ params, req }) => records.undoLastChange(deps, req.ctx, params.tableId));
  route(app, c.listComments, async ({ params, req }) => ({ items: await comments.listComments(deps, req.ctx, params.tableId, params.recordId) }));
  route(app, c.addComment, async ({ params, body, req }) => comments.addComment(deps, req.ctx, params.tableId, params.recordId, body));
  route(app, c.queryRecords, async ({ params, body, req }) => records.queryRecords(deps, req.ctx, params.tableId, body));
  route(app, c.queryRecordGroups, async ({ params, body, req }) => groups.queryGroups(deps, req.ctx, params.tableId, body));
  route(app, c.getRecord, async ({ params, req }) => {
    const [rec] = await records.getRecords(deps, req.ctx, params.tableId, [params.recordId]);
    if (!rec) throw records.recordNotFound(params.recordId);
    return rec;
  });
  route(app, c.createRecords, async ({ params, body, req }) => ({
    items: await records.createRecords(
      deps,
      req.ctx,
      params.tableId,
      body.records.map((r) => r.fields),
      body.onDuplicate,
      body.anchor,
    ),
  }));
  route(app, c.moveRecords, async ({ params, body, req }) => ({ moved: await order.moveRecords(deps, req.ctx, params.tableId, body.ids, body.anchor) }));
  route(app, c.updateRecords, async ({ params, body, req }) => ({ items: await records.updateRecords(deps, req.ctx, params.tableId, body.records) }));
  route(app, c.deleteRecords, async ({ params, body, req }) => ({ deleted: await records.deleteRecords(deps, req.ctx, params.tableId, body.ids) }));
  await dashboardRoutes(app, deps);
  await automationRoutes(app, deps);
}

import { viewConfig, type ViewConfig, type ViewDto } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { Db } from '../platform/db/database.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { audit } from '../platform/audit.ts';
import { publish } from '../platform/events.ts';
import { requireRole } from './access.ts';
import { fieldTypeDefs, validateFilter } from '@concord/table-engine';
import { loadTable, type TableMeta } from './table-meta.ts';
import { ensureViewIndexes } from './view-indexes.ts';

type ViewType = ViewDto['type'];

const viewNotFound = (id: string) =>
  new AppError('not_found', 'base.view.not_found', { en: `View ${id} not found`, zh: `视图 ${id} 不存在` }, { feishuCode: 1254000 });

/** Checks a view's settings refer only to fields of its table. */
function checkConfig(table: TableMeta, config: ViewConfig, type: ViewType): void {
  const problems = config.filter ? validateFilter(config.filter, table.byId) : [];
  const refs = [
    ...config.sort.map((s) => s.fieldId),
    ...config.groupBy.map((s) => s.fieldId),
    ...config.hiddenFieldIds,
    ...(config.groupFieldId ? [config.groupFieldId] : []),
    ...(config.dateFieldId ? [config.dateFieldId] : []),
  ];
  const unknown = refs.find((id) => !table.byId.has(id));
  if (problems[0] || unknown) {
    const what = problems[0]?.message ?? `unknown field ${unknown}`;
    throw new AppError('validation', 'base.view.invalid', { en: `Invalid view settings: ${what}`, zh: `视图设置无效：${what}` }, { feishuCode: 1254000 });
  }
  for (const f of config.form?.fields ?? []) {
    const field = table.byId.get(f.fieldId);
    if (!field || !fieldTypeDefs[field.type].writable) {
      throw new AppError('validation', 'base.view.form_field', {
        en: `A form cannot ask for ${field?.name ?? f.fieldId}`,
        zh: `表单不能包含字段 ${field?.name ?? f.fieldId}`,
      });
    }
  }
  if (type === 'kanban' && config.groupFieldId && table.byId.get(config.groupFieldId)?.type !== 'singleSelect') {
    throw new AppError('validation', 'base.view.kanban_field', { en: 'A kanban groups by a single-select field', zh: '看板需按单选字段分组' });
  }
}

async function changed(trx: Db, ctx: RequestContext, table: TableMeta, action: string, viewId: string) {
  await audit(trx, ctx, action, { type: 'base_view', id: viewId });
  await publish(trx, [`table:${table.id}`], { type: 'base.table.changed', baseId: table.baseId, tableId: table.id, change: 'updated' });
}

export async function createView(
  deps: Deps,
  ctx: RequestContext,
  tableId: string,
  input: { name: string; type: ViewType; config?: Partial<ViewConfig> },
): Promise<ViewDto> {
  const table = await loadTable(deps.db, tableId);
  await requireRole(deps.db, ctx.actor, table.baseId, 'editor');
  const config = viewConfig.parse(input.config ?? {});
  if (input.type === 'kanban' && !config.groupFieldId) config.groupFieldId = table.fields.find((f) => f.type === 'singleSelect')?.id ?? null;
  if (input.type === 'calendar' && !config.dateFieldId) config.dateFieldId = table.fields.find((f) => f.type === 'date')?.id ?? null;
  if (input.type === 'form') config.form = formSettings(table, input.name, config.form);
  checkConfig(table, config, input.type);
  const id = newId('vew', 10);
  await inTransaction(deps.db, async (trx) => {
    await trx
      .insertInto('base_views')
      .values({ id, table_id: tableId, name: input.name, type: input.type, config: JSON.stringify(config), position: table.views.length })
      .execute();
    await changed(trx, ctx, table, 'base.view.create', id);
  });
  await ensureViewIndexes(deps.db, table, config);
  return { id, tableId, name: input.name, type: input.type, config };
}

async function loadView(deps: Deps, viewId: string) {
  const row = await deps.db.selectFrom('base_views').selectAll().where('id', '=', viewId).executeTakeFirst();
  if (!row) throw viewNotFound(viewId);
  return { row, table: await loadTable(deps.db, row.table_id) };
}

/** Changes a view's name or some of its settings; settings not given stay as they are. */
export async function updateView(deps: Deps, ctx: RequestContext, viewId: string, patch: { name?: string; config?: Partial<ViewConfig> }): Promise<ViewDto> {
  const { row, table } = await loadView(deps, viewId);
  await requireRole(deps.db, ctx.actor, table.baseId, 'editor');
  const stored = viewConfig.parse(row.config);
  const config = viewConfig.parse({ ...stored, ...(patch.config ?? {}) });
  // A form's link token is the server's: a client cannot change or clear it.
  if (row.type === 'form') config.form = formSettings(table, patch.name ?? row.name, config.form && { ...config.form, token: stored.form?.token ?? null });
  checkConfig(table, config, row.type);
  const name = patch.name ?? row.name;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('base_views')
      .set({ name, config: JSON.stringify(config) })
      .where('id', '=', viewId)
      .execute();
    await changed(trx, ctx, table, 'base.view.update', viewId);
  });
  if (patch.config?.sort !== undefined || patch.config?.filter !== undefined || patch.config?.groupBy !== undefined) await ensureViewIndexes(deps.db, table, config);
  return { id: viewId, tableId: table.id, name, type: row.type, config };
}

export async function deleteView(deps: Deps, ctx: RequestContext, viewId: string): Promise<void> {
  const { table } = await loadView(deps, viewId);
  await requireRole(deps.db, ctx.actor, table.baseId, 'editor');
  if (table.views.length <= 1) throw new AppError('invariant', 'base.view.last', { en: 'A table keeps at least one view', zh: '数据表至少保留一个视图' });
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('base_views').where('id', '=', viewId).execute();
    await changed(trx, ctx, table, 'base.view.delete', viewId);
  });
}

/** A form keeps its link token for life; a new form asks for every writable field, the primary one required. */
function formSettings(table: TableMeta, name: string, form: ViewConfig['form']): NonNullable<ViewConfig['form']> {
  const fields = form?.fields.length
    ? form.fields
    : table.fields
        // Links and attachments need pickers an anonymous visitor cannot use; a designer can still add them.
        .filter((f) => fieldTypeDefs[f.type].writable && f.type !== 'link' && f.type !== 'attachment')
        .map((f) => ({ fieldId: f.id, required: f.id === table.primaryFieldId, hint: '' }));
  return {
    title: form?.title || name,
    description: form?.description ?? '',
    fields,
    access: form?.access ?? 'internal',
    token: form?.token ?? newId('shr', 16),
    submitMessage: form?.submitMessage ?? '',
  };
}

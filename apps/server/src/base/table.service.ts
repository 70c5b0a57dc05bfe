import { sql } from 'kysely';
import type { FieldDto, FieldInput, TableDto } from '@concord/contracts';
import type { OptionsOf } from '@concord/table-engine';
import type { Deps } from '../platform/deps.ts';
import type { Db } from '../platform/db/database.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { audit } from '../platform/audit.ts';
import { publish } from '../platform/events.ts';
import { requireRole } from './access.ts';
import { tableAccess } from './table-access.ts';
import { touchBase } from './base.service.ts';
import { addField, fieldDtoOf } from './field.service.ts';
import { createRecordTable, dropFieldColumn, dropRecordTable } from './table-ddl.ts';
import { loadTable, toTableDto, withoutFields, type TableMeta } from './table-meta.ts';

const DEFAULT_VIEW_CONFIG = {
  filter: null,
  sort: [],
  groupBy: [],
  hiddenFieldIds: [],
  frozenFieldCount: 1,
  fieldOrder: [],
  columnWidths: {},
  rowHeight: 'short',
  groupFieldId: null,
  dateFieldId: null,
};

async function assertTableNameFree(trx: Db, baseId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await trx
    .selectFrom('base_tables')
    .select('id')
    .where('base_id', '=', baseId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
  if (clash && clash.id !== exceptId)
    throw new AppError(
      'conflict',
      'base.table.name_taken',
      { en: `A table named ${name} already exists`, zh: `数据表 ${name} 已存在` },
      { feishuCode: 1254013 },
    );
}

async function changed(
  trx: Db,
  ctx: RequestContext,
  table: { baseId: string; id: string },
  change: 'created' | 'updated' | 'deleted',
  action: string,
  details: Record<string, unknown>,
) {
  await touchBase(trx, table.baseId);
  await audit(trx, ctx, action, { type: 'base_table', id: table.id }, details);
  await publish(trx, [`base:${table.baseId}`, `table:${table.id}`], { type: 'base.table.changed', baseId: table.baseId, tableId: table.id, change });
}

/**
 * Creates a table with its fields (the first becomes the primary field; a text "名称/Name" field is made when none
 * is given) and a default grid view, in one transaction.
 */
export async function createTable(
  deps: Deps,
  ctx: RequestContext,
  baseId: string,
  input: { name: string; fields?: FieldInput[]; viewName?: string },
): Promise<TableDto> {
  await requireRole(deps.db, ctx.actor, baseId, 'editor');
  const fields: FieldInput[] = input.fields?.length ? input.fields : [{ name: ctx.locale === 'zh-CN' ? '名称' : 'Name', type: 'text', options: {} }];
  const id = newId('tbl', 14);
  return inTransaction(deps.db, async (trx) => {
    await assertTableNameFree(trx, baseId, input.name);
    const position = await trx
      .selectFrom('base_tables')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('base_id', '=', baseId)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('base_tables')
      .values({ id, base_id: baseId, name: input.name, position: Number(position.n) })
      .execute();
    await createRecordTable(trx, id);
    let table = await loadTable(trx, id);
    for (const [i, f] of fields.entries()) table = (await addField(trx, table, f, { isPrimary: i === 0 })).table;
    await trx
      .insertInto('base_views')
      .values({
        id: newId('vew', 10),
        table_id: id,
        name: input.viewName ?? (ctx.locale === 'zh-CN' ? '表格' : 'Grid'),
        type: 'grid',
        config: JSON.stringify(DEFAULT_VIEW_CONFIG),
      })
      .execute();
    await changed(trx, ctx, table, 'created', 'base.table.create', { name: input.name });
    return toTableDto(await loadTable(trx, id));
  });
}

/** Loads a table the actor may read. */
export async function readableTable(deps: Deps, ctx: RequestContext, tableId: string): Promise<TableMeta> {
  const table = await loadTable(deps.db, tableId);
  const access = await tableAccess(deps.db, ctx.actor, table, 'read');
  // Restricted members see neither the hidden fields nor the rules that hide them.
  return access.hidden.size === 0 ? table : { ...withoutFields(table, access.hidden), rules: [] };
}

export async function renameTable(deps: Deps, ctx: RequestContext, tableId: string, name: string): Promise<TableDto> {
  const table = await loadTable(deps.db, tableId);
  await requireRole(deps.db, ctx.actor, table.baseId, 'editor');
  return deps.db.transaction().execute(async (trx) => {
    await assertTableNameFree(trx, table.baseId, name, tableId);
    await trx.updateTable('base_tables').set({ name }).where('id', '=', tableId).execute();
    await changed(trx, ctx, table, 'updated', 'base.table.rename', { from: table.name, to: name });
    return toTableDto(await loadTable(trx, tableId));
  });
}

/** Deletes a table, its records, and the link fields of other tables that pointed at it. */
export async function deleteTable(deps: Deps, ctx: RequestContext, tableId: string): Promise<void> {
  const table = await loadTable(deps.db, tableId);
  await requireRole(deps.db, ctx.actor, table.baseId, 'editor');
  await deps.db.transaction().execute(async (trx) => {
    const reverse = table.fields
      .filter((f) => f.type === 'link')
      .map((f) => (f.options as OptionsOf<'link'>).reverseFieldId)
      .filter((x): x is string => !!x);
    if (reverse.length) await trx.deleteFrom('base_fields').where('id', 'in', reverse).execute();
    await trx.deleteFrom('base_tables').where('id', '=', tableId).execute();
    await dropRecordTable(trx, tableId);
    await changed(trx, ctx, table, 'deleted', 'base.table.delete', { name: table.name });
  });
}

export async function createField(deps: Deps, ctx: RequestContext, tableId: string, input: FieldInput): Promise<FieldDto> {
  const table = await loadTable(deps.db, tableId);
  await requireRole(deps.db, ctx.actor, table.baseId, 'editor');
  return inTransaction(deps.db, async (trx) => {
    const { table: after, field } = await addField(trx, await loadTable(trx, tableId), input);
    await changed(trx, ctx, table, 'updated', 'base.field.create', { fieldId: field.id, name: field.name, type: field.type });
    return fieldDtoOf(after, field.id);
  });
}

/** Deletes a field (and the reverse side of a link). The primary field and fields that lookups read stay. */
export async function deleteField(deps: Deps, ctx: RequestContext, fieldId: string): Promise<void> {
  const row = await deps.db.selectFrom('base_fields').select('table_id').where('id', '=', fieldId).executeTakeFirst();
  if (!row)
    throw new AppError('not_found', 'base.field.not_found', { en: `Field ${fieldId} not found`, zh: `字段 ${fieldId} 不存在` }, { feishuCode: 1254044 });
  const table = await loadTable(deps.db, row.table_id);
  await requireRole(deps.db, ctx.actor, table.baseId, 'editor');
  const field = table.byId.get(fieldId)!;
  if (fieldId === table.primaryFieldId) {
    throw new AppError(
      'invariant',
      'base.field.primary',
      { en: 'The primary field cannot be deleted', zh: '主字段不能删除' },
      { feishuCode: 1254000, httpStatus: 200 },
    );
  }
  await deps.db.transaction().execute(async (trx) => {
    const users = await trx
      .selectFrom('base_fields')
      .select(['name'])
      .where('type', 'in', ['lookup', 'rollup'])
      .where(sql<boolean>`options->>'linkFieldId' = ${fieldId} or options->>'targetFieldId' = ${fieldId}`)
      .execute();
    if (users.length) {
      const names = users.map((u) => u.name).join(', ');
      throw new AppError('conflict', 'base.field.in_use', { en: `Used by ${names}; delete those first`, zh: `被字段 ${names} 引用，请先删除它们` });
    }
    const reverseId = field.type === 'link' ? (field.options as OptionsOf<'link'>).reverseFieldId : null;
    await trx
      .deleteFrom('base_fields')
      .where('id', 'in', reverseId ? [fieldId, reverseId] : [fieldId])
      .execute();
    await dropFieldColumn(trx, table.id, field);
    await changed(trx, ctx, table, 'updated', 'base.field.delete', { fieldId, name: field.name });
  });
}

import type { FieldDto, FieldInput } from '@concord/contracts';
import { analyzeFormula, fieldOptions, type FieldMeta, type FieldOptions, type OptionsOf } from '@concord/table-engine';
import type { Db } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { addFieldColumn } from './table-ddl.ts';
import { loadTable, toFieldMeta, toTableDto, type TableMeta } from './table-meta.ts';

const fieldError = (code: string, en: string, zh: string, feishuCode = 1254000) => new AppError('validation', `base.field.${code}`, { en, zh }, { feishuCode });

/** Gives every new select option an id, so renaming an option later never rewrites records. */
function withOptionIds(input: FieldOptions): FieldOptions {
  if (input.type !== 'singleSelect' && input.type !== 'multiSelect') return input;
  const seen = new Set<string>();
  const choices = input.options.choices.map((c) => {
    const key = c.name.toLowerCase();
    if (seen.has(key)) throw fieldError('duplicate_option', `Option ${c.name} appears twice`, `选项 ${c.name} 重复`);
    seen.add(key);
    return { ...c, id: c.id ?? newId('opt', 8) };
  });
  return { ...input, options: { ...input.options, choices } };
}

/** Checks references a field makes to other fields/tables in the same base. */
async function checkReferences(trx: Db, table: TableMeta, f: FieldOptions): Promise<void> {
  if (f.type === 'link') {
    const target = await trx.selectFrom('base_tables').select(['id', 'base_id']).where('id', '=', f.options.tableId).executeTakeFirst();
    if (!target || target.base_id !== table.baseId)
      throw fieldError('bad_link_table', `Linked table ${f.options.tableId} is not in this base`, `关联的数据表 ${f.options.tableId} 不在此多维表格中`);
  }
  if (f.type === 'formula') {
    const checked = analyzeFormula(f.options.expression, { fields: (name) => table.byName.get(name) });
    if (!checked.ok) {
      const e = checked.error[0]!;
      throw new AppError(
        'validation',
        'base.field.formula_invalid',
        { en: `Formula error at ${e.start}: ${e.message.en}`, zh: `公式错误（位置 ${e.start}）：${e.message.zh}` },
        { feishuCode: 1254000, errors: checked.error },
      );
    }
  }
  if (f.type === 'lookup' || f.type === 'rollup') {
    const link = table.byId.get(f.options.linkFieldId);
    if (link?.type !== 'link')
      throw fieldError('bad_lookup', `${f.options.linkFieldId} is not a link field of this table`, `${f.options.linkFieldId} 不是本表的关联字段`);
    const targetTable = await loadTable(trx, (link.options as OptionsOf<'link'>).tableId);
    const target = targetTable.byId.get(f.options.targetFieldId);
    if (!target)
      throw fieldError('bad_lookup', `Field ${f.options.targetFieldId} not found in the linked table`, `关联表中不存在字段 ${f.options.targetFieldId}`);
    if (target.type === 'lookup' || target.type === 'rollup' || target.type === 'link') {
      throw fieldError('bad_lookup', `A lookup cannot read another ${target.type} field`, `查找引用不能读取另一个${target.type}字段`);
    }
  }
}

function assertNameFree(table: TableMeta, name: string, exceptId?: string): void {
  const clash = table.fields.find((f) => f.name.toLowerCase() === name.toLowerCase() && f.id !== exceptId);
  if (clash)
    throw new AppError(
      'conflict',
      'base.field.name_taken',
      { en: `A field named ${name} already exists`, zh: `字段名 ${name} 已存在` },
      { feishuCode: 1254014 },
    );
}

/**
 * Adds a field to a table inside the caller's transaction: metadata row, physical column, and for a link field the
 * reverse link on the other table. Returns the table as it now is.
 */
export async function addField(
  trx: Db,
  table: TableMeta,
  input: FieldInput,
  opts: { isPrimary?: boolean } = {},
): Promise<{ table: TableMeta; field: FieldMeta }> {
  assertNameFree(table, input.name);
  const parsed = withOptionIds(fieldOptions.parse({ type: input.type, options: input.options }));
  await checkReferences(trx, table, parsed);
  const id = newId('fld', 10);
  const position = table.fields.length;
  let options: Record<string, unknown> = parsed.options;
  if (parsed.type === 'link' && parsed.options.reverseFieldId === null) {
    // The reverse field shows the same links from the other side.
    const other = await loadTable(trx, parsed.options.tableId);
    const reverseId = newId('fld', 10);
    let reverseName = other.id === table.id ? `${input.name} (reverse)` : table.name;
    for (let i = 2; other.fields.some((f) => f.name.toLowerCase() === reverseName.toLowerCase()); i++) reverseName = `${table.name} ${i}`;
    options = { ...parsed.options, reverseFieldId: reverseId };
    await trx
      .insertInto('base_fields')
      .values({
        id: reverseId,
        table_id: other.id,
        name: reverseName,
        type: 'link',
        options: JSON.stringify({ tableId: table.id, multiple: true, reverseFieldId: id }),
        description: null,
        position: other.fields.length,
      })
      .execute();
  }
  await trx
    .insertInto('base_fields')
    .values({
      id,
      table_id: table.id,
      name: input.name,
      type: input.type,
      options: JSON.stringify(options),
      is_primary: opts.isPrimary ?? false,
      description: input.description ?? null,
      position,
    })
    .execute();
  const field = toFieldMeta(id, input.name, input.type, options);
  await addFieldColumn(trx, table.id, field);
  return { table: await loadTable(trx, table.id), field };
}

export function fieldDtoOf(table: TableMeta, fieldId: string): FieldDto {
  const dto = toTableDto(table).fields.find((f) => f.id === fieldId);
  if (!dto)
    throw new AppError('not_found', 'base.field.not_found', { en: `Field ${fieldId} not found`, zh: `字段 ${fieldId} 不存在` }, { feishuCode: 1254044 });
  return dto;
}

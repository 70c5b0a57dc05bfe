import { sql } from 'kysely';
import type { ConversionPreview, FieldDto, FieldInput } from '@concord/contracts';
import { choicesOf, fieldOptions, fieldTypeDefs, type FieldMeta, type FieldOptions } from '@concord/table-engine';
import type { Deps } from '../platform/deps.ts';
import type { Db } from '../platform/db/database.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { audit } from '../platform/audit.ts';
import { publish } from '../platform/events.ts';
import { requireRole } from './access.ts';
import { touchBase } from './base.service.ts';
import { cellText } from './cell-text.ts';
import { columnSpecs } from './field-columns.ts';
import { fieldDtoOf } from './field.service.ts';
import { valueExpr } from './field-sql.ts';
import { loadRelated, loadTable, physicalTable, toFieldMeta, type TableMeta } from './table-meta.ts';

const BATCH = 5000;
const isStored = (f: Pick<FieldMeta, 'type'>) => columnSpecs[f.type].sqlType !== null;

const unsupported = () =>
  new AppError(
    'validation',
    'base.field.unsupported_conversion',
    { en: 'Link fields cannot change type; add a new field instead', zh: '关联字段不能转换类型，请新建字段' },
    { feishuCode: 1254000 },
  );

interface Plan {
  table: TableMeta;
  before: FieldMeta;
  after: FieldMeta;
  preview: ConversionPreview;
  /** New database values by record id when the column is rebuilt. */
  values: Map<string, unknown> | null;
}

async function findField(deps: Deps, ctx: RequestContext, fieldId: string): Promise<{ table: TableMeta; field: FieldMeta }> {
  const row = await deps.db.selectFrom('base_fields').select('table_id').where('id', '=', fieldId).executeTakeFirst();
  if (!row)
    throw new AppError('not_found', 'base.field.not_found', { en: `Field ${fieldId} not found`, zh: `字段 ${fieldId} 不存在` }, { feishuCode: 1254044 });
  const table = await loadTable(deps.db, row.table_id);
  await requireRole(deps.db, ctx.actor, table.baseId, 'editor');
  return { table, field: table.byId.get(fieldId)! };
}

/** Keeps option ids of options that keep their name, gives new ones ids, and adds options for values seen in the data. */
function mergeOptions(before: FieldMeta, parsed: FieldOptions, seen: string[]): { options: FieldOptions; added: string[] } {
  if (parsed.type !== 'singleSelect' && parsed.type !== 'multiSelect') return { options: parsed, added: [] };
  const old = choicesOf(before);
  const choices = parsed.options.choices.map((c) => ({ ...c, id: c.id ?? old.find((o) => o.name === c.name)?.id ?? newId('opt', 8) }));
  const added: string[] = [];
  for (const name of seen) {
    if (!choices.some((c) => c.name.toLowerCase() === name.toLowerCase() || c.aliases.some((a) => a.toLowerCase() === name.toLowerCase()))) {
      choices.push({ id: newId('opt', 8), name, color: 'blue', aliases: [] });
      added.push(name);
    }
  }
  return { options: { ...parsed, options: { ...parsed.options, choices } }, added };
}

/** Reads every record's current value of a field as text, in batches by seq. */
async function readTexts(db: Db, table: TableMeta, field: FieldMeta): Promise<{ id: string; text: string }[]> {
  const related = await loadRelated(db, table);
  const out: { id: string; text: string }[] = [];
  for (let after = 0; ;) {
    const res = await sql<{
      id: string;
      seq: number;
      v: unknown;
    }>`select t.id, t.seq, ${valueExpr(field, related)} as v from ${physicalTable(table.id)} t where t.seq > ${after} order by t.seq limit ${BATCH}`.execute(
      db,
    );
    for (const r of res.rows) out.push({ id: r.id, text: cellText(field, columnSpecs[field.type].fromDb(field, r.v)) });
    if (res.rows.length < BATCH) return out;
    after = Number(res.rows[res.rows.length - 1]!.seq);
  }
}

async function plan(deps: Deps, table: TableMeta, before: FieldMeta, input: FieldInput): Promise<Plan> {
  const parsed = fieldOptions.parse({ type: input.type, options: input.options });
  const typeChanges = parsed.type !== before.type;
  if (typeChanges && (before.type === 'link' || parsed.type === 'link')) throw unsupported();
  const rebuild = typeChanges && isStored(parsed);
  const texts = typeChanges && (isStored(before) || rebuild) ? await readTexts(deps.db, table, before) : [];
  const distinct =
    parsed.type === 'singleSelect' || parsed.type === 'multiSelect'
      ? [
          ...new Set(
            texts
              .flatMap((t) => (parsed.type === 'multiSelect' ? t.text.split(/[,，;；、]/) : [t.text]))
              .map((s) => s.trim())
              .filter(Boolean),
          ),
        ]
      : [];
  const { options, added } = mergeOptions(before, parsed, typeChanges ? distinct.slice(0, 500) : []);
  const after = toFieldMeta(before.id, input.name, options.type, options.options);
  const failures: { recordId: string; value: string }[] = [];
  let values: Map<string, unknown> | null = null;
  if (rebuild) {
    values = new Map();
    for (const t of texts) {
      if (!t.text) continue;
      const r = columnSpecs[after.type].toDb(after, t.text);
      if (r.ok) values.set(t.id, r.value);
      else failures.push({ recordId: t.id, value: t.text });
    }
  } else if (typeChanges) {
    // Becoming computed: stored values are replaced by what the field computes.
    for (const t of texts) if (t.text) failures.push({ recordId: t.id, value: t.text });
  }
  const nonEmpty = texts.filter((t) => t.text).length;
  return {
    table,
    before,
    after,
    values,
    preview: { total: texts.length, converted: nonEmpty - failures.length, failures: failures.slice(0, 50), failureCount: failures.length, newOptions: added },
  };
}

/** What changing a field to `input` would do, without doing it. */
export async function previewFieldChange(deps: Deps, ctx: RequestContext, fieldId: string, input: FieldInput): Promise<ConversionPreview> {
  const { table, field } = await findField(deps, ctx, fieldId);
  return (await plan(deps, table, field, input)).preview;
}

/**
 * Renames a field, changes its options, or converts its type. Values that cannot be converted are cleared, but only
 * when the caller has seen the preview and passes `confirmLoss`; otherwise nothing changes and the preview is returned.
 */
export async function updateField(deps: Deps, ctx: RequestContext, fieldId: string, input: FieldInput & { confirmLoss?: boolean }): Promise<FieldDto> {
  const { table, field } = await findField(deps, ctx, fieldId);
  const clash = table.fields.find((f) => f.id !== fieldId && f.name.toLowerCase() === input.name.toLowerCase());
  if (clash)
    throw new AppError(
      'conflict',
      'base.field.name_taken',
      { en: `A field named ${input.name} already exists`, zh: `字段名 ${input.name} 已存在` },
      { feishuCode: 1254014 },
    );
  if (fieldId === table.primaryFieldId && !fieldTypeDefs[input.type].writable && input.type !== 'formula' && input.type !== 'autoNumber') throw unsupported();
  const p = await plan(deps, table, field, input);
  if (p.preview.failureCount > 0 && !input.confirmLoss) {
    throw new AppError(
      'conflict',
      'base.field.lossy_conversion',
      {
        en: `${p.preview.failureCount} values cannot be converted and would be cleared; confirm to go ahead`,
        zh: `有 ${p.preview.failureCount} 个值无法转换，将被清空；确认后继续`,
      },
      { preview: p.preview },
    );
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('base_fields')
      .set({
        name: input.name,
        type: p.after.type,
        options: JSON.stringify(p.after.options),
        ...(input.description !== undefined ? { description: input.description } : {}),
      })
      .where('id', '=', fieldId)
      .execute();
    const t = physicalTable(table.id);
    if (p.after.type !== field.type) {
      if (isStored(field)) await sql`alter table ${t} drop column ${sql.id(fieldId)}`.execute(trx);
      if (isStored(p.after)) {
        const type = sql.raw(columnSpecs[p.after.type].sqlType!);
        await sql`alter table ${t} add column ${sql.id(fieldId)} ${type}${p.after.type === 'checkbox' ? sql` not null default false` : sql``}`.execute(trx);
        const entries = [...(p.values ?? [])];
        for (let i = 0; i < entries.length; i += 1000) {
          const rows = entries.slice(i, i + 1000).map(([id, v]) => sql`(${id}, ${v}::${type})`);
          await sql`update ${t} as x set ${sql.id(fieldId)} = v.val from (values ${sql.join(rows)}) as v(id, val) where x.id = v.id`.execute(trx);
        }
      }
    } else if (field.type === 'singleSelect' || field.type === 'multiSelect') {
      const removed = choicesOf(field)
        .filter((o) => !choicesOf(p.after).some((n) => n.id === o.id))
        .map((o) => o.id);
      if (removed.length && field.type === 'singleSelect')
        await sql`update ${t} set ${sql.id(fieldId)} = null where ${sql.id(fieldId)} = any(${sql.val(removed)}::text[])`.execute(trx);
      if (removed.length && field.type === 'multiSelect') {
        await sql`update ${t} set ${sql.id(fieldId)} = (select array_agg(x) from unnest(${sql.id(fieldId)}) x where x <> all(${sql.val(removed)}::text[])) where ${sql.id(fieldId)} && ${sql.val(removed)}::text[]`.execute(
          trx,
        );
      }
    }
    await touchBase(trx, table.baseId);
    await audit(
      trx,
      ctx,
      'base.field.update',
      { type: 'base_field', id: fieldId },
      { from: { name: field.name, type: field.type }, to: { name: input.name, type: p.after.type }, cleared: p.preview.failureCount },
    );
    await publish(trx, [`base:${table.baseId}`, `table:${table.id}`], {
      type: 'base.table.changed',
      baseId: table.baseId,
      tableId: table.id,
      change: 'updated',
    });
  });
  return fieldDtoOf(await loadTable(deps.db, table.id), fieldId);
}

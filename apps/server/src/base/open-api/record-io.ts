import type { FieldInput, RecordDto } from '@concord/contracts';
import { choicesOf, toHalfWidth, type FieldMeta, type OptionsOf } from '@concord/table-engine';
import type { Deps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { getPeopleByIds } from '../../org/index.ts';
import { getBase } from '../base.service.ts';
import { updateField } from '../field-change.service.ts';
import { loadTable, tableNotFound, type TableMeta } from '../table-meta.ts';
import { FEISHU, feishuError } from './feishu-errors.ts';
import { feishuTypeOf } from './field-mapping.ts';
import { CONVERSION_CODE, fromFeishuValue, toFeishuValue, type ReadStyle } from './value-mapping.ts';

/**
 * The table `tableId` of the base `appToken`, readable by the caller. A wrong app_token is 1254040, a table that is
 * missing or belongs to another base is 1254041.
 */
export async function resolveTable(deps: Deps, ctx: RequestContext, appToken: string, tableId: string): Promise<TableMeta> {
  await getBase(deps, ctx.actor, appToken);
  const table = await loadTable(deps.db, tableId);
  if (table.baseId !== appToken) throw tableNotFound(tableId);
  return table;
}

export const fieldNameNotFound = (name: string) =>
  feishuError(FEISHU.FieldNameNotFound, 'FieldNameNotFound', { en: `no field named ${JSON.stringify(name)}`, zh: `字段 ${JSON.stringify(name)} 不存在` });

/** `field_names` → field ids; an unknown name is Feishu's InvalidFieldNames (1254024). */
export function fieldIdsOf(table: TableMeta, names: readonly string[] | undefined): string[] | undefined {
  if (!names || names.length === 0) return undefined;
  return names.map((n) => {
    const f = table.byName.get(n);
    if (!f)
      throw feishuError(FEISHU.InvalidFieldNames, 'InvalidFieldNames', { en: `no field named ${JSON.stringify(n)}`, zh: `字段 ${JSON.stringify(n)} 不存在` });
    return f.id;
  });
}

const sameOption = (a: string, b: string) => toHalfWidth(a).trim().toLowerCase() === toHalfWidth(b).trim().toLowerCase();

/**
 * Feishu `fields` (by name, write shapes) of many records → Concord inputs keyed by field id. Every cell is checked
 * before anything is written. Option names a select field lacks are added to it first, as Feishu does.
 */
export async function toConcordInputs(
  deps: Deps,
  ctx: RequestContext,
  table: TableMeta,
  records: Record<string, unknown>[],
): Promise<{ table: TableMeta; inputs: Record<string, unknown>[] }> {
  const newOptions = new Map<string, string[]>();
  const inputs = records.map((fields) => {
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      const field = table.byName.get(name);
      if (!field) throw fieldNameNotFound(name);
      const r = fromFeishuValue(field, value);
      if (!r.ok) throw feishuError(r.code, r.code === FEISHU.FieldTypeValueNotMatch ? 'FieldTypeValueNotMatch' : 'FieldConvFail', r.error);
      out[field.id] = r.value;
      if ((field.type === 'singleSelect' || field.type === 'multiSelect') && r.value !== null) {
        const names = Array.isArray(r.value) ? (r.value as string[]) : [r.value as string];
        const known = choicesOf(field);
        const pending = newOptions.get(field.id) ?? [];
        for (const n of names)
          if (n.trim() && !known.some((c) => sameOption(c.name, n) || c.aliases.some((a) => sameOption(a, n))) && !pending.some((p) => sameOption(p, n)))
            pending.push(n.trim());
        if (pending.length) newOptions.set(field.id, pending);
      }
    }
    return out;
  });
  if (newOptions.size === 0) return { table, inputs };
  for (const [fieldId, names] of newOptions) {
    const field = table.byId.get(fieldId)!;
    const choices = [...choicesOf(field), ...names.map((name) => ({ name, color: 'blue' as const, aliases: [] }))];
    const input: FieldInput = {
      name: field.name,
      description: table.descriptions.get(fieldId) ?? null,
      type: field.type as 'singleSelect',
      options: { choices },
    };
    await updateField(deps, ctx, fieldId, input);
  }
  return { table: await loadTable(deps.db, table.id), inputs };
}

/** Concord's own value errors (unknown person, missing linked record, …) as Feishu's per-type conversion codes. */
export function toConversionFailure(err: unknown, table: TableMeta): unknown {
  if (!(err instanceof AppError) || err.code !== 'base.record.invalid_value') return err;
  const problems = (err.details as { problems?: { field: string }[] } | undefined)?.problems ?? [];
  const field = table.byName.get(problems[0]?.field ?? '') ?? table.byId.get(problems[0]?.field ?? '');
  const code = field ? CONVERSION_CODE[field.type] : FEISHU.FieldTypeValueNotMatch;
  return new AppError(err.kind, err.code, err.text, { ...(err.details as object), feishuCode: code });
}

export interface FeishuRecord {
  record_id: string;
  id: string;
  fields: Record<string, unknown>;
  created_time?: number;
  last_modified_time?: number;
  created_by?: { id: string; name: string; en_name: string; email: string };
  last_modified_by?: { id: string; name: string; en_name: string; email: string };
}

export interface RecordOutput extends ReadStyle {
  /** Add created_time, last_modified_time, created_by and last_modified_by. */
  automatic: boolean;
}

/** Feishu type numbers of lookup targets, loaded once per request. */
async function lookupTypes(deps: Deps, table: TableMeta): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const f of table.fields) {
    if (f.type !== 'lookup') continue;
    const o = f.options as OptionsOf<'lookup'>;
    const link = table.byId.get(o.linkFieldId);
    if (link?.type !== 'link') continue;
    const target = (await loadTable(deps.db, (link.options as OptionsOf<'link'>).tableId)).byId.get(o.targetFieldId);
    if (target) out.set(f.id, feishuTypeOf(target));
  }
  return out;
}

/** Concord records → Feishu records keyed by field name, in the requested read style. */
export async function toFeishuRecords(deps: Deps, table: TableMeta, records: RecordDto[], out: RecordOutput): Promise<FeishuRecord[]> {
  const lookups = table.fields.some((f) => f.type === 'lookup') ? await lookupTypes(deps, table) : new Map<string, number>();
  const style: ReadStyle = { ...out, lookupType: (f: FieldMeta) => lookups.get(f.id) ?? 1 };
  const actorIds = out.automatic ? records.flatMap((r) => [r.createdBy, r.updatedBy]).filter((x): x is string => !!x) : [];
  const people = new Map((actorIds.length ? await getPeopleByIds(deps.db, actorIds) : []).map((p) => [p.id, p]));
  const who = (id: string | null) => {
    const p = id ? people.get(id) : undefined;
    return { id: id ?? '', name: p?.name ?? id ?? '', en_name: p?.name ?? id ?? '', email: p?.email ?? '' };
  };
  return records.map((r) => {
    const fields: Record<string, unknown> = {};
    for (const [fieldId, value] of Object.entries(r.fields)) {
      const field = table.byId.get(fieldId);
      const v = field ? toFeishuValue(field, value, style) : undefined;
      if (field && v !== undefined) fields[field.name] = v;
    }
    const rec: FeishuRecord = { record_id: r.id, id: r.id, fields };
    if (out.automatic) {
      rec.created_time = Date.parse(r.createdAt);
      rec.last_modified_time = Date.parse(r.updatedAt);
      rec.created_by = who(r.createdBy);
      rec.last_modified_by = who(r.updatedBy);
    }
    return rec;
  });
}

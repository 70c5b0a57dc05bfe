import type { LocalizedText } from '@concord/contracts';
import type { FieldMeta, OptionsOf } from '@concord/table-engine';
import type { Db } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { columnSpecs } from './field-columns.ts';
import { existingIds, type RecordRow } from './record.repo.ts';
import { knownFiles } from './attachment.service.ts';
import type { TableMeta } from './table-meta.ts';

export interface CellProblem {
  /** Index of the record in the request. */
  index: number;
  /** The field's name, for people. */
  field: string;
  /** The field's id, for programs (absent when the id itself was unknown). */
  fieldId?: string;
  message: string;
}

/** Converted input of one record: stored values by field id, and link targets by link field id. */
export interface RecordInput {
  values: Map<string, unknown>;
  links: Map<string, string[]>;
}

/**
 * Converts API values of many records at once, collecting every problem instead of stopping at the first, then checks
 * people, departments and linked records exist with one query each. Throws one validation error listing them all.
 */
export async function convertInputs(db: Db, table: TableMeta, inputs: Record<string, unknown>[], locale: 'en' | 'zh-CN'): Promise<RecordInput[]> {
  const problems: CellProblem[] = [];
  const say = (t: LocalizedText) => (locale === 'zh-CN' ? t.zh : t.en);
  const out: RecordInput[] = inputs.map((fields, index) => {
    const rec: RecordInput = { values: new Map(), links: new Map() };
    for (const [fieldId, value] of Object.entries(fields)) {
      const field = table.byId.get(fieldId);
      if (!field) {
        problems.push({ index, field: fieldId, message: say({ en: `Unknown field ${fieldId}`, zh: `字段 ${fieldId} 不存在` }) });
        continue;
      }
      const r = columnSpecs[field.type].toDb(field, value);
      if (!r.ok) problems.push({ index, field: field.name, fieldId: field.id, message: say(r.error) });
      else if (field.type === 'link') rec.links.set(field.id, r.value as string[]);
      else rec.values.set(field.id, r.value);
    }
    return rec;
  });
  if (problems.length === 0) await checkReferences(db, table, out, problems, say);
  if (problems.length) {
    const first = problems[0]!;
    throw new AppError(
      'validation',
      'base.record.invalid_value',
      {
        en: `Record ${first.index + 1}, ${first.field}: ${first.message}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}`,
        zh: `第 ${first.index + 1} 条记录，${first.field}：${first.message}${problems.length > 1 ? `（另有 ${problems.length - 1} 处）` : ''}`,
      },
      { problems, feishuCode: 1254015, httpStatus: 400 },
    );
  }
  return out;
}

async function checkReferences(db: Db, table: TableMeta, recs: RecordInput[], problems: CellProblem[], say: (t: LocalizedText) => string): Promise<void> {
  const wanted = { person: new Set<string>(), department: new Set<string>() };
  for (const r of recs) {
    for (const [fid, v] of r.values) {
      const t = table.byId.get(fid)!.type;
      if ((t === 'person' || t === 'department') && Array.isArray(v)) for (const id of v) wanted[t].add(String(id));
    }
  }
  const [people, depts] = await Promise.all([
    wanted.person.size
      ? db
          .selectFrom('users')
          .select('id')
          .where('id', 'in', [...wanted.person])
          .execute()
      : [],
    wanted.department.size
      ? db
          .selectFrom('departments')
          .select('id')
          .where('id', 'in', [...wanted.department])
          .execute()
      : [],
  ]);
  const known = new Set([...people, ...depts].map((r) => r.id));
  const tokens = recs.flatMap((r) =>
    [...r.values]
      .filter(([fid]) => table.byId.get(fid)!.type === 'attachment')
      .flatMap(([, v]) => (typeof v === 'string' ? (JSON.parse(v) as { file_token: string }[]).map((a) => a.file_token) : [])),
  );
  const files = await knownFiles(db, table.id, [...new Set(tokens)]);
  const linkKnown = new Map<string, Set<string>>();
  for (const f of table.fields.filter((x) => x.type === 'link')) {
    const ids = recs.flatMap((r) => r.links.get(f.id) ?? []);
    linkKnown.set(f.id, await existingIds(db, (f.options as OptionsOf<'link'>).tableId, [...new Set(ids)]));
  }
  recs.forEach((r, index) => {
    for (const [fid, v] of r.values) {
      const f = table.byId.get(fid)!;
      if ((f.type === 'person' || f.type === 'department') && Array.isArray(v)) {
        for (const id of v)
          if (!known.has(String(id)))
            problems.push({
              index,
              field: f.name,
              fieldId: f.id,
              message: say({ en: `No ${f.type} with id ${id}`, zh: `不存在 ID 为 ${id} 的${f.type === 'person' ? '人员' : '部门'}` }),
            });
      }
    }
    for (const [fid, v] of r.values) {
      const f = table.byId.get(fid)!;
      if (f.type !== 'attachment' || typeof v !== 'string') continue;
      for (const a of JSON.parse(v) as { file_token: string }[]) {
        if (!files.has(a.file_token))
          problems.push({
            index,
            field: f.name,
            fieldId: f.id,
            message: say({ en: `File ${a.file_token} was not uploaded to this table`, zh: `文件 ${a.file_token} 未上传到此数据表` }),
          });
      }
    }
    for (const [fid, ids] of r.links) {
      const f = table.byId.get(fid)!;
      for (const id of ids)
        if (!linkKnown.get(fid)?.has(id))
          problems.push({ index, field: f.name, fieldId: f.id, message: say({ en: `Linked record ${id} does not exist`, zh: `关联记录 ${id} 不存在` }) });
    }
  });
}

/** Raw row → API values by field id, with people and departments expanded to {id, name}. */
export async function toApiValues(db: Db, fields: FieldMeta[], rows: RecordRow[]): Promise<Record<string, unknown>[]> {
  const userIds = new Set<string>();
  const deptIds = new Set<string>();
  const converted = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const v = columnSpecs[f.type].fromDb(f, row.values[f.id]);
      if (v === null || v === undefined) continue;
      out[f.id] = v;
      if (f.type === 'person' || f.type === 'createdBy' || f.type === 'modifiedBy') for (const p of v as { id: string }[]) userIds.add(p.id);
      if (f.type === 'department') for (const p of v as { id: string }[]) deptIds.add(p.id);
    }
    return out;
  });
  if (userIds.size === 0 && deptIds.size === 0) return converted;
  const [users, depts] = await Promise.all([
    userIds.size
      ? db
          .selectFrom('users')
          .select(['id', 'name', 'email'])
          .where('id', 'in', [...userIds])
          .execute()
      : [],
    deptIds.size
      ? db
          .selectFrom('departments')
          .select(['id', 'name'])
          .where('id', 'in', [...deptIds])
          .execute()
      : [],
  ]);
  const names = new Map<string, { id: string; name: string; email?: string }>([...users, ...depts].map((r) => [r.id, r]));
  for (const rec of converted) {
    for (const f of fields) {
      const v = rec[f.id];
      if (Array.isArray(v) && ['person', 'department', 'createdBy', 'modifiedBy'].includes(f.type))
        rec[f.id] = (v as { id: string }[]).map((p) => names.get(p.id) ?? { id: p.id, name: p.id });
    }
  }
  return converted;
}

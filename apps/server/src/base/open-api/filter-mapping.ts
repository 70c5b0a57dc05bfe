import { z } from 'zod';
import {
  choicesOf,
  fieldTypeDefs,
  relativeDates,
  toHalfWidth,
  type DateOperand,
  type FieldMeta,
  type FilterCondition,
  type FilterNode,
  type SortSpec,
} from '@concord/table-engine';
import { FEISHU, feishuError } from './feishu-errors.ts';

/** Feishu's search filter: conditions by field name, values always string arrays, one level of children. */
const condition = z.object({
  field_name: z.string().max(1000),
  operator: z.string().max(40),
  value: z.array(z.string().max(1000)).max(10).optional(),
});
const group = z.object({ conjunction: z.string().max(10).optional(), conditions: z.array(condition).max(50).optional() });
export const feishuFilter = group.extend({ children: z.array(group.passthrough()).max(50).optional() });
export type FeishuFilter = z.infer<typeof feishuFilter>;
export const feishuSort = z.array(z.object({ field_name: z.string().max(1000).optional(), desc: z.boolean().optional() })).max(100);

type Fields = ReadonlyMap<string, FieldMeta>;

const invalid = (en: string, zh: string) => feishuError(FEISHU.InvalidFilter, 'InvalidFilter', { en, zh });

const OPERATORS = ['is', 'isNot', 'contains', 'doesNotContain', 'isEmpty', 'isNotEmpty', 'isGreater', 'isGreaterEqual', 'isLess', 'isLessEqual'] as const;
type Operator = (typeof OPERATORS)[number];
/** Relative date values that name a period; Feishu allows them with `is` only. */
const PERIODS = new Set(['CurrentWeek', 'LastWeek', 'CurrentMonth', 'LastMonth', 'TheLastWeek', 'TheNextWeek', 'TheLastMonth', 'TheNextMonth']);

const cond = (fieldId: string, operator: Operator, values: string[] = [], date?: DateOperand): FilterCondition => ({
  kind: 'condition',
  fieldId,
  operator,
  values,
  ...(date ? { date } : {}),
});
/** Trees that match nothing / everything, built from conditions Concord already knows. */
const never = (fieldId: string): FilterNode => ({ kind: 'group', conjunction: 'and', children: [cond(fieldId, 'isEmpty'), cond(fieldId, 'isNotEmpty')] });
const always = (fieldId: string): FilterNode => ({ kind: 'group', conjunction: 'or', children: [cond(fieldId, 'isEmpty'), cond(fieldId, 'isNotEmpty')] });

function dateOperand(field: FieldMeta, op: Operator, values: string[]): DateOperand {
  const [kind, at] = values;
  if (kind === 'ExactDate') {
    const ms = Number(at);
    if (!at || !Number.isFinite(ms)) throw invalid(`${field.name}: ExactDate needs a millisecond timestamp`, `${field.name}：ExactDate 需要毫秒时间戳`);
    return { kind: 'exact', at: ms };
  }
  const name = relativeDates.find((r) => r === kind);
  if (!name) throw invalid(`${field.name}: unknown date value ${JSON.stringify(kind)}`, `${field.name}：无法识别的日期值 ${JSON.stringify(kind)}`);
  if (PERIODS.has(name) && op !== 'is') throw invalid(`${field.name}: ${name} works with "is" only`, `${field.name}：${name} 只能与 is 一起使用`);
  return { kind: 'relative', name };
}

/** Select conditions on option names the field does not have match nothing (or everything, when negated). */
function selectCondition(field: FieldMeta, op: Operator, values: string[]): FilterNode {
  const known = new Set(choicesOf(field).map((c) => toHalfWidth(c.name).trim().toLowerCase()));
  const kept = values.filter((v) => known.has(toHalfWidth(v).trim().toLowerCase()));
  const negated = op === 'isNot' || op === 'doesNotContain';
  if (kept.length === values.length) return cond(field.id, op, values);
  if (op === 'is' || op === 'isNot' || kept.length === 0) return negated ? always(field.id) : never(field.id);
  return cond(field.id, op, kept);
}

function toCondition(c: z.infer<typeof condition>, fields: Fields): FilterNode {
  const field = fields.get(c.field_name);
  if (!field) throw invalid(`no field named ${JSON.stringify(c.field_name)}`, `不存在名为 ${JSON.stringify(c.field_name)} 的字段`);
  const op = OPERATORS.find((o) => o === c.operator);
  if (!op) throw invalid(`operator ${JSON.stringify(c.operator)} is not supported`, `不支持运算符 ${JSON.stringify(c.operator)}`);
  if (field.type === 'createdBy' || field.type === 'modifiedBy')
    // Concord's filter SQL treats people as arrays; these two are single system columns (not supported there yet).
    throw invalid(`${field.name}: filtering by creator or last editor is not supported yet`, `${field.name}：暂不支持按创建人或修改人筛选`);
  const values = c.value ?? [];
  if (op === 'isEmpty' || op === 'isNotEmpty') return cond(field.id, op);
  if (values.length === 0) throw invalid(`${field.name}: value is required for ${op}`, `${field.name}：${op} 需要 value`);
  const kind = fieldTypeDefs[field.type].valueKind;
  switch (kind) {
    case 'computed':
      throw invalid(`${field.name}: formula, lookup and rollup fields cannot be filtered`, `${field.name}：公式、查找引用和汇总字段不能作为筛选条件`);
    case 'attachment':
      throw invalid(`${field.name}: attachments take isEmpty / isNotEmpty only`, `${field.name}：附件字段只能使用 isEmpty / isNotEmpty`);
    case 'boolean':
      if (op !== 'is' || !['true', 'false'].includes(values[0]!))
        throw invalid(`${field.name}: checkbox takes is ["true"|"false"]`, `${field.name}：复选框只能使用 is ["true"|"false"]`);
      return cond(field.id, op, [values[0]!]);
    case 'date':
      return cond(field.id, op, [], dateOperand(field, op, values));
    case 'select':
    case 'multiSelect':
      if ((op === 'is' || op === 'isNot') && values.length !== 1 && kind === 'select')
        throw invalid(`${field.name}: ${op} takes exactly one option`, `${field.name}：${op} 只能填写一个选项`);
      return selectCondition(field, op, values);
    case 'text':
    case 'number':
      if (values.length > 1) throw invalid(`${field.name}: takes one value`, `${field.name}：只能填写一个值`);
      return cond(field.id, op, values);
    default:
      return cond(field.id, op, values);
  }
}

function toGroup(g: z.infer<typeof group>, children: FilterNode[], fields: Fields): FilterNode {
  const conjunction = g.conjunction ?? 'and';
  if (conjunction !== 'and' && conjunction !== 'or') throw invalid(`conjunction must be "and" or "or"`, `conjunction 只能是 "and" 或 "or"`);
  return { kind: 'group', conjunction, children: [...(g.conditions ?? []).map((c) => toCondition(c, fields)), ...children] };
}

/**
 * Feishu's search `filter` as a Concord filter tree, fields looked up by name in `byName`. Problems are 1254018.
 * @example toFilterTree({ conjunction: 'and', conditions: [{ field_name: '阶段', operator: 'is', value: ['赢单'] }] }, table.byName)
 */
export function toFilterTree(filter: FeishuFilter | null | undefined, byName: Fields): FilterNode | null {
  if (!filter) return null;
  const children = (filter.children ?? []).map((child) => {
    if ('children' in child) throw invalid('children may be nested one level only', 'children 只支持一层嵌套');
    return toGroup(group.parse(child), [], byName);
  });
  const tree = toGroup(filter, children, byName);
  return tree.kind === 'group' && tree.children.length === 0 ? null : tree;
}

/** Feishu's `sort` as Concord sort specs; unknown field names are Feishu's InvalidSort (1254016). */
export function toSortSpecs(sort: z.infer<typeof feishuSort> | null | undefined, byName: Fields): SortSpec[] {
  return (sort ?? []).map((s) => {
    const field = s.field_name !== undefined ? byName.get(s.field_name) : undefined;
    if (!field)
      throw feishuError(FEISHU.InvalidSort, 'InvalidSort', {
        en: `no field named ${JSON.stringify(s.field_name ?? '')} to sort by`,
        zh: `排序字段 ${JSON.stringify(s.field_name ?? '')} 不存在`,
      });
    return { fieldId: field.id, desc: s.desc ?? false };
  });
}

/** Legacy list's `sort` query: a JSON array of strings like `["Amount DESC", "Name"]`. */
export function parseLegacySort(sort: string | undefined, byName: Fields): SortSpec[] {
  if (!sort) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(sort);
  } catch {
    throw feishuError(FEISHU.InvalidSort, 'InvalidSort', { en: 'sort must be a JSON array of strings', zh: 'sort 须为字符串数组的 JSON' });
  }
  if (!Array.isArray(parsed) || !parsed.every((s): s is string => typeof s === 'string'))
    throw feishuError(FEISHU.InvalidSort, 'InvalidSort', { en: 'sort must be a JSON array of strings', zh: 'sort 须为字符串数组的 JSON' });
  return toSortSpecs(
    parsed.map((s) => {
      const m = /^(.*?)(?:\s+(ASC|DESC))?$/i.exec(s.trim())!;
      return { field_name: m[1]!, desc: m[2]?.toUpperCase() === 'DESC' };
    }),
    byName,
  );
}

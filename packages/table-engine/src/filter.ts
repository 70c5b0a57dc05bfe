import { z } from 'zod';
import { fieldTypeDefs, type FieldMeta, type FieldType } from './field-types.ts';

/** Feishu's operator names, so the Open API search body maps one to one. */
export const filterOperators = [
  'is',
  'isNot',
  'contains',
  'doesNotContain',
  'isEmpty',
  'isNotEmpty',
  'isGreater',
  'isGreaterEqual',
  'isLess',
  'isLessEqual',
] as const;
export const filterOperator = z.enum(filterOperators);
export type FilterOperator = z.infer<typeof filterOperator>;

/** Relative dates a date condition may name instead of a timestamp (Feishu's vocabulary plus "last/next N days"). */
export const relativeDates = [
  'Today',
  'Tomorrow',
  'Yesterday',
  'CurrentWeek',
  'LastWeek',
  'CurrentMonth',
  'LastMonth',
  'TheLastWeek',
  'TheNextWeek',
  'TheLastMonth',
  'TheNextMonth',
] as const;
export const dateOperand = z.union([
  z.object({ kind: z.literal('exact'), at: z.number() }),
  z.object({ kind: z.literal('relative'), name: z.enum(relativeDates) }),
  /** Within the last (negative) or next (positive) N days, counted from today in the field's time zone. */
  z.object({ kind: z.literal('days'), days: z.number().int().min(-36500).max(36500) }),
]);
export type DateOperand = z.infer<typeof dateOperand>;

export interface FilterCondition {
  readonly kind: 'condition';
  readonly fieldId: string;
  readonly operator: FilterOperator;
  /** Operand values as text (select option names, numbers, user ids …); dates use `date`. Empty for isEmpty/isNotEmpty. */
  readonly values: readonly string[];
  readonly date?: DateOperand;
}
export interface FilterGroup {
  readonly kind: 'group';
  readonly conjunction: 'and' | 'or';
  readonly children: readonly FilterNode[];
}
export type FilterNode = FilterCondition | FilterGroup;

export const filterNode: z.ZodType<FilterNode> = z.lazy(() =>
  z.union([
    z.object({
      kind: z.literal('condition'),
      fieldId: z.string().min(1),
      operator: filterOperator,
      values: z.array(z.string().max(1000)).max(200).default([]),
      date: dateOperand.optional(),
    }),
    z.object({ kind: z.literal('group'), conjunction: z.enum(['and', 'or']), children: z.array(filterNode).max(50) }),
  ]),
);

export const sortSpec = z.object({ fieldId: z.string().min(1), desc: z.boolean().default(false) });
export type SortSpec = z.infer<typeof sortSpec>;

/** Factories keep call sites short and the trees immutable. */
export const f = {
  and: (...children: FilterNode[]): FilterGroup => ({ kind: 'group', conjunction: 'and', children }),
  or: (...children: FilterNode[]): FilterGroup => ({ kind: 'group', conjunction: 'or', children }),
  cond: (fieldId: string, operator: FilterOperator, values: string[] = [], date?: DateOperand): FilterCondition => ({
    kind: 'condition',
    fieldId,
    operator,
    values,
    ...(date ? { date } : {}),
  }),
};

const ORDERED: FilterOperator[] = ['isGreater', 'isGreaterEqual', 'isLess', 'isLessEqual'];
const ALL_BASIC: FilterOperator[] = ['is', 'isNot', 'contains', 'doesNotContain', 'isEmpty', 'isNotEmpty'];

/** Which operators make sense for a field type. */
export function operatorsFor(type: FieldType): readonly FilterOperator[] {
  switch (fieldTypeDefs[type].valueKind) {
    case 'number':
    case 'date':
      return ['is', 'isNot', 'isEmpty', 'isNotEmpty', ...ORDERED];
    case 'boolean':
      return ['is'];
    case 'computed':
      return filterOperators;
    default:
      return ALL_BASIC;
  }
}

export type FilterProblem = { fieldId: string; message: string };

/** Checks a filter against the table's fields: unknown fields and operators a type cannot take. */
export function validateFilter(node: FilterNode, fields: ReadonlyMap<string, FieldMeta>): FilterProblem[] {
  if (node.kind === 'group') return node.children.flatMap((c) => validateFilter(c, fields));
  const field = fields.get(node.fieldId);
  if (!field) return [{ fieldId: node.fieldId, message: `unknown field ${node.fieldId}` }];
  if (!operatorsFor(field.type).includes(node.operator))
    return [{ fieldId: node.fieldId, message: `operator ${node.operator} does not apply to a ${field.type} field` }];
  return [];
}

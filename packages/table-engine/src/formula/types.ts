import type { BinaryOperator } from './ast.ts';
import type { FieldMeta, FieldType } from '../field-types.ts';

export const scalarTypes = ['number', 'text', 'boolean', 'date'] as const;
export type ScalarType = (typeof scalarTypes)[number];
export type ArrayType = `${ScalarType}[]`;
/**
 * What a formula value is. Any value may also be blank (see `nullable` on typed nodes).
 * `unknown` comes from lookup/rollup/formula fields whose type the caller did not resolve.
 */
export type FormulaType = ScalarType | ArrayType | 'unknown';

export const isArrayType = (t: FormulaType): t is ArrayType => t.endsWith('[]');
export const elementType = (t: ArrayType): ScalarType => t.slice(0, -2) as ScalarType;

/** The formula type of each stored field type; computed types (lookup, rollup, formula) depend on their options. */
const FIELD_FORMULA_TYPES = {
  text: 'text',
  longText: 'text',
  phone: 'text',
  email: 'text',
  url: 'text',
  singleSelect: 'text',
  createdBy: 'text',
  modifiedBy: 'text',
  number: 'number',
  currency: 'number',
  percent: 'number',
  progress: 'number',
  rating: 'number',
  autoNumber: 'number',
  date: 'date',
  createdTime: 'date',
  modifiedTime: 'date',
  checkbox: 'boolean',
  multiSelect: 'text[]',
  person: 'text[]',
  department: 'text[]',
  link: 'text[]',
  attachment: 'text[]',
  lookup: 'unknown',
  rollup: 'unknown',
  formula: 'unknown',
} as const satisfies Record<FieldType, FormulaType>;

/** Resolves the type of a computed field (lookup, rollup, formula); return undefined to leave it `unknown`. */
export type ComputedTypeResolver = (field: FieldMeta) => FormulaType | undefined;

/**
 * The formula type a field's values have.
 * @example formulaTypeOfField({ id: 'f1', name: '标签', type: 'multiSelect', options: { choices: [] } }) // 'text[]'
 */
export function formulaTypeOfField(field: FieldMeta, resolve?: ComputedTypeResolver): FormulaType {
  const fixed: FormulaType = FIELD_FORMULA_TYPES[field.type];
  return fixed === 'unknown' ? (resolve?.(field) ?? 'unknown') : fixed;
}

/** Implicit conversions the checker inserts; each has a JS and a SQL half in conversions.ts. */
export const conversions = [
  'numberToText',
  'booleanToText',
  'dateToText',
  'arrayToText',
  'unknownToText',
  'booleanToNumber',
  'unknownToNumber',
  'numberToBoolean',
  'textToBoolean',
  'dateToBoolean',
  'arrayToBoolean',
  'unknownToBoolean',
] as const;
export type Conversion = (typeof conversions)[number];

interface Typed {
  readonly type: FormulaType;
  /** May be blank at run time. Errors (like #DIV/0!) are possible regardless, and become NULL in SQL. */
  readonly nullable: boolean;
  readonly start: number;
  readonly end: number;
}
export interface TypedLiteral extends Typed {
  readonly kind: 'literal';
  readonly value: number | string | boolean;
}
export interface TypedField extends Typed {
  readonly kind: 'field';
  readonly fieldId: string;
  readonly name: string;
}
export interface TypedConvert extends Typed {
  readonly kind: 'convert';
  readonly conversion: Conversion;
  readonly arg: TypedNode;
}
/** Blank (or error) becomes the type's zero: 0, "" or FALSE. Mirrors SQL `coalesce(x, 0)`. */
export interface TypedBlankDefault extends Typed {
  readonly kind: 'blankDefault';
  readonly arg: TypedNode;
}
export interface TypedNegate extends Typed {
  readonly kind: 'negate';
  readonly arg: TypedNode;
}
export interface TypedBinary extends Typed {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  /** The type both operands were brought to. */
  readonly operandType: ScalarType;
  readonly left: TypedNode;
  readonly right: TypedNode;
}
export interface TypedCall extends Typed {
  readonly kind: 'call';
  readonly name: FunctionName;
  readonly args: readonly TypedNode[];
}
export type TypedNode = TypedLiteral | TypedField | TypedConvert | TypedBlankDefault | TypedNegate | TypedBinary | TypedCall;

export const functionNames = [
  // math
  'SUM',
  'AVERAGE',
  'MIN',
  'MAX',
  'ROUND',
  'ROUNDUP',
  'ROUNDDOWN',
  'ABS',
  'INT',
  'MOD',
  'POWER',
  'SQRT',
  'VALUE',
  // text
  'CONCATENATE',
  'LEFT',
  'RIGHT',
  'MID',
  'LEN',
  'LOWER',
  'UPPER',
  'TRIM',
  'SUBSTITUTE',
  'FIND',
  'CONTAINS',
  'TEXT',
  // logic
  'IF',
  'AND',
  'OR',
  'NOT',
  'ISBLANK',
  'IFERROR',
  'SWITCH',
  // date
  'TODAY',
  'NOW',
  'YEAR',
  'MONTH',
  'DAY',
  'WEEKDAY',
  'DATEADD',
  'DATEDIF',
  'DATETIME_FORMAT',
  'DATE',
  // lists
  'COUNTA',
  'COUNTALL',
] as const;
export type FunctionName = (typeof functionNames)[number];
export const isFunctionName = (name: string): name is FunctionName => (functionNames as readonly string[]).includes(name);

/** How types are named in messages. */
export const TYPE_NAMES: Record<FormulaType, { en: string; zh: string }> = {
  number: { en: 'a number', zh: '数字' },
  text: { en: 'text', zh: '文本' },
  boolean: { en: 'a true/false value', zh: '布尔值' },
  date: { en: 'a date', zh: '日期' },
  'number[]': { en: 'a list of numbers', zh: '数字列表' },
  'text[]': { en: 'a list of text', zh: '文本列表' },
  'boolean[]': { en: 'a list of true/false values', zh: '布尔值列表' },
  'date[]': { en: 'a list of dates', zh: '日期列表' },
  unknown: { en: 'a value of unknown type', zh: '未知类型的值' },
};

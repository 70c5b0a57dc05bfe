import { z } from 'zod';

/** Every field type Base knows. Adding one is a compile error wherever a `Record<FieldType, …>` must handle it. */
export const fieldTypes = [
  'text',
  'longText',
  'number',
  'currency',
  'percent',
  'progress',
  'rating',
  'singleSelect',
  'multiSelect',
  'date',
  'checkbox',
  'person',
  'department',
  'phone',
  'email',
  'url',
  'attachment',
  'link',
  'lookup',
  'rollup',
  'formula',
  'autoNumber',
  'createdTime',
  'modifiedTime',
  'createdBy',
  'modifiedBy',
] as const;
export const fieldType = z.enum(fieldTypes);
export type FieldType = z.infer<typeof fieldType>;

export const selectColors = ['blue', 'cyan', 'green', 'yellow', 'orange', 'red', 'pink', 'purple', 'gray'] as const;
export const selectOption = z.object({
  /** Assigned by the server when a new option arrives without one. */
  id: z.string().min(1).max(64).optional(),
  name: z.string().trim().min(1).max(200),
  color: z.enum(selectColors).default('blue'),
  /** Other spellings that match this option on import and paste (e.g. "Lead" for 线索). */
  aliases: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
});
export type SelectOption = z.infer<typeof selectOption>;

const numberFormat = {
  precision: z.number().int().min(0).max(8).default(0),
  thousandsSeparator: z.boolean().default(false),
};
export const rollupFunctions = ['sum', 'count', 'avg', 'min', 'max', 'concat'] as const;

/** Options per type; `z.discriminatedUnion` keeps options from belonging to the wrong type. */
export const fieldOptions = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), options: z.object({}).default({}) }),
  z.object({ type: z.literal('longText'), options: z.object({}).default({}) }),
  z.object({ type: z.literal('number'), options: z.object(numberFormat).default({ precision: 0, thousandsSeparator: false }) }),
  z.object({
    type: z.literal('currency'),
    options: z
      .object({ ...numberFormat, precision: z.number().int().min(0).max(8).default(2), currency: z.string().length(3).default('CNY') })
      .default({ precision: 2, thousandsSeparator: true, currency: 'CNY' }),
  }),
  z.object({ type: z.literal('percent'), options: z.object(numberFormat).default({ precision: 0, thousandsSeparator: false }) }),
  z.object({ type: z.literal('progress'), options: z.object({}).default({}) }),
  z.object({
    type: z.literal('rating'),
    options: z
      .object({ max: z.number().int().min(1).max(10).default(5), symbol: z.enum(['star', 'heart', 'thumb', 'fire']).default('star') })
      .default({ max: 5, symbol: 'star' }),
  }),
  z.object({ type: z.literal('singleSelect'), options: z.object({ choices: z.array(selectOption).max(1000).default([]) }).default({ choices: [] }) }),
  z.object({ type: z.literal('multiSelect'), options: z.object({ choices: z.array(selectOption).max(1000).default([]) }).default({ choices: [] }) }),
  z.object({
    type: z.literal('date'),
    options: z
      .object({ includeTime: z.boolean().default(false), timeZone: z.string().default('Asia/Shanghai'), format: z.string().max(40).default('yyyy/MM/dd') })
      .default({ includeTime: false, timeZone: 'Asia/Shanghai', format: 'yyyy/MM/dd' }),
  }),
  z.object({ type: z.literal('checkbox'), options: z.object({}).default({}) }),
  z.object({ type: z.literal('person'), options: z.object({ multiple: z.boolean().default(true) }).default({ multiple: true }) }),
  z.object({ type: z.literal('department'), options: z.object({ multiple: z.boolean().default(true) }).default({ multiple: true }) }),
  z.object({ type: z.literal('phone'), options: z.object({ defaultCountry: z.string().length(2).default('CN') }).default({ defaultCountry: 'CN' }) }),
  z.object({ type: z.literal('email'), options: z.object({}).default({}) }),
  z.object({ type: z.literal('url'), options: z.object({}).default({}) }),
  z.object({ type: z.literal('attachment'), options: z.object({}).default({}) }),
  z.object({
    type: z.literal('link'),
    options: z.object({
      tableId: z.string(),
      multiple: z.boolean().default(true),
      /** The field on the other table that shows this link backwards; created with the link. */
      reverseFieldId: z.string().nullable().default(null),
    }),
  }),
  z.object({ type: z.literal('lookup'), options: z.object({ linkFieldId: z.string(), targetFieldId: z.string() }) }),
  z.object({ type: z.literal('rollup'), options: z.object({ linkFieldId: z.string(), targetFieldId: z.string(), function: z.enum(rollupFunctions) }) }),
  z.object({ type: z.literal('formula'), options: z.object({ expression: z.string().min(1).max(10_000) }) }),
  z.object({ type: z.literal('autoNumber'), options: z.object({}).default({}) }),
  z.object({ type: z.literal('createdTime'), options: z.object({ includeTime: z.boolean().default(true) }).default({ includeTime: true }) }),
  z.object({ type: z.literal('modifiedTime'), options: z.object({ includeTime: z.boolean().default(true) }).default({ includeTime: true }) }),
  z.object({ type: z.literal('createdBy'), options: z.object({}).default({}) }),
  z.object({ type: z.literal('modifiedBy'), options: z.object({}).default({}) }),
]);
export type FieldOptions = z.infer<typeof fieldOptions>;
export type OptionsOf<T extends FieldType> = Extract<FieldOptions, { type: T }>['options'];

/** How a type behaves as data: whether people can write it, and what kind of value it holds. */
export interface FieldTypeDef {
  /** Users and the API may set it (false for computed and system fields). */
  readonly writable: boolean;
  /** The value family, which decides filter operators, sorting and formula typing. */
  readonly valueKind: 'text' | 'number' | 'boolean' | 'date' | 'select' | 'multiSelect' | 'user' | 'department' | 'link' | 'attachment' | 'computed';
}

export const fieldTypeDefs = {
  text: { writable: true, valueKind: 'text' },
  longText: { writable: true, valueKind: 'text' },
  number: { writable: true, valueKind: 'number' },
  currency: { writable: true, valueKind: 'number' },
  percent: { writable: true, valueKind: 'number' },
  progress: { writable: true, valueKind: 'number' },
  rating: { writable: true, valueKind: 'number' },
  singleSelect: { writable: true, valueKind: 'select' },
  multiSelect: { writable: true, valueKind: 'multiSelect' },
  date: { writable: true, valueKind: 'date' },
  checkbox: { writable: true, valueKind: 'boolean' },
  person: { writable: true, valueKind: 'user' },
  department: { writable: true, valueKind: 'department' },
  phone: { writable: true, valueKind: 'text' },
  email: { writable: true, valueKind: 'text' },
  url: { writable: true, valueKind: 'text' },
  attachment: { writable: true, valueKind: 'attachment' },
  link: { writable: true, valueKind: 'link' },
  lookup: { writable: false, valueKind: 'computed' },
  rollup: { writable: false, valueKind: 'computed' },
  formula: { writable: false, valueKind: 'computed' },
  autoNumber: { writable: false, valueKind: 'number' },
  createdTime: { writable: false, valueKind: 'date' },
  modifiedTime: { writable: false, valueKind: 'date' },
  createdBy: { writable: false, valueKind: 'user' },
  modifiedBy: { writable: false, valueKind: 'user' },
} as const satisfies Record<FieldType, FieldTypeDef>;

/** A field as the engine sees it. */
export interface FieldMeta<T extends FieldType = FieldType> {
  readonly id: string;
  readonly name: string;
  readonly type: T;
  readonly options: OptionsOf<T>;
}

/** A select option as stored: the server has assigned its id. */
export type StoredOption = SelectOption & { id: string };

/** The options of a single or multi select field (empty for other types). */
export function choicesOf(field: FieldMeta): StoredOption[] {
  if (field.type !== 'singleSelect' && field.type !== 'multiSelect') return [];
  return ((field.options as OptionsOf<'singleSelect'>).choices ?? []).filter((c): c is StoredOption => typeof c.id === 'string');
}

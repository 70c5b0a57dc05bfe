import { z } from 'zod';
import type { FieldInput } from '@concord/contracts';
import { choicesOf, fieldOptions, selectColors, type FieldMeta, type FieldType, type OptionsOf } from '@concord/table-engine';
import { FEISHU, feishuError } from './feishu-errors.ts';

/**
 * Feishu field definitions (type number + ui_type + property) ⇄ Concord field types and options.
 * Concord-only types use numbers from 3900 up (Feishu's own 3001 is its button field).
 */
export const CONCORD_ONLY_TYPES = { department: 3901, rollup: 3902 } as const;

/** `property` as Feishu sends it, plus Concord's extensions for lookups and rollups (`link_field_id`, …). */
export const feishuProperty = z
  .object({
    options: z.array(z.object({ id: z.string().max(64).optional(), name: z.string(), color: z.number().int().optional() })).optional(),
    formatter: z.string().max(40).optional(),
    date_formatter: z.string().max(40).optional(),
    auto_fill: z.boolean().optional(),
    multiple: z.boolean().optional(),
    table_id: z.string().max(64).optional(),
    table_name: z.string().optional(),
    back_field_name: z.string().optional(),
    formula_expression: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    range_customize: z.boolean().optional(),
    currency_code: z.string().optional(),
    rating: z.object({ symbol: z.string().optional() }).optional(),
    link_field_id: z.string().optional(),
    target_field_id: z.string().optional(),
    function: z.string().optional(),
  })
  .passthrough();
export type FeishuProperty = z.infer<typeof feishuProperty>;

/** A field as Feishu clients send it on create and (full-replacement) update. */
export const feishuFieldDef = z.object({
  field_name: z.string().max(200),
  type: z.number().int(),
  ui_type: z.string().max(40).optional(),
  property: feishuProperty.nullable().optional(),
  description: z
    .union([z.string(), z.object({ text: z.string().optional(), disable_sync: z.boolean().optional() })])
    .nullable()
    .optional(),
});
export type FeishuFieldDef = z.infer<typeof feishuFieldDef>;

/** A field as Feishu returns it. */
export interface FeishuField {
  field_id: string;
  field_name: string;
  type: number;
  ui_type: string;
  property: Record<string, unknown> | null;
  description?: { text: string };
  is_primary: boolean;
  is_hidden: boolean;
}

/** Feishu's "property is wrong for this type" codes (HTTP 400): 1254080 text … 1254096 modified-by. */
const PROPERTY_ERROR: Record<number, number> = {
  1: 1254080,
  2: 1254081,
  3: 1254082,
  4: 1254083,
  5: 1254084,
  7: 1254085,
  11: 1254086,
  15: 1254087,
  17: 1254088,
  18: 1254089,
  19: 1254090,
  20: 1254091,
  21: 1254092,
  1001: 1254093,
  1002: 1254094,
  1003: 1254095,
  1004: 1254096,
};

const propertyError = (type: number, why: string) =>
  feishuError(PROPERTY_ERROR[type] ?? FEISHU.WrongRequestBody, 'FieldPropertyError', { en: `type ${type}: ${why}`, zh: `字段类型 ${type}：${why}` });

/** "0.00" → 2 decimals; "1,000" → thousands separator; "0%" → percent. */
export function parseFormatter(formatter: string | undefined): { precision: number; thousandsSeparator: boolean; percent: boolean } {
  const f = formatter ?? '0';
  const decimals = /\.(0+)/.exec(f)?.[1]?.length ?? 0;
  return { precision: Math.min(decimals, 8), thousandsSeparator: f.includes(','), percent: f.includes('%') };
}

export function formatterOf(precision: number, thousandsSeparator: boolean, percent = false): string {
  return `${thousandsSeparator ? '1,000' : '0'}${precision > 0 ? `.${'0'.repeat(precision)}` : ''}${percent ? '%' : ''}`;
}

const RATING_SYMBOLS: Record<OptionsOf<'rating'>['symbol'], string> = { star: 'star', heart: 'heart', thumb: 'thumbsup', fire: 'fire' };
const ratingSymbolFromFeishu = (s: string | undefined): OptionsOf<'rating'>['symbol'] =>
  (Object.entries(RATING_SYMBOLS).find(([, v]) => v === s)?.[0] as OptionsOf<'rating'>['symbol'] | undefined) ?? 'star';

const colorOf = (n: number | undefined) => selectColors[Math.abs(n ?? 0) % selectColors.length]!;
const hasTime = (formatter: string | undefined) => /[Hh]/.test(formatter ?? '');

/** The Concord type and raw options a Feishu definition asks for, before validation. */
function concordShape(def: FeishuFieldDef): { type: FieldType; options: Record<string, unknown> } {
  const p = def.property ?? {};
  const need = (v: string | undefined, what: string): string => {
    if (!v) throw propertyError(def.type, `property.${what} is required`);
    return v;
  };
  const choices = () => ({ choices: (p.options ?? []).map((o) => ({ ...(o.id ? { id: o.id } : {}), name: o.name, color: colorOf(o.color) })) });
  switch (def.type) {
    case 1:
      return { type: def.ui_type === 'Email' ? 'email' : 'text', options: {} };
    case 2: {
      const fmt = parseFormatter(p.formatter);
      if (def.ui_type === 'Currency' || (!def.ui_type && p.currency_code))
        return { type: 'currency', options: { precision: fmt.precision, thousandsSeparator: true, ...(p.currency_code ? { currency: p.currency_code } : {}) } };
      if (def.ui_type === 'Progress') return { type: 'progress', options: {} };
      if (def.ui_type === 'Rating') return { type: 'rating', options: { max: p.max ?? 5, symbol: ratingSymbolFromFeishu(p.rating?.symbol) } };
      return { type: fmt.percent ? 'percent' : 'number', options: { precision: fmt.precision, thousandsSeparator: fmt.thousandsSeparator } };
    }
    case 3:
      return { type: 'singleSelect', options: choices() };
    case 4:
      return { type: 'multiSelect', options: choices() };
    case 5:
      return { type: 'date', options: { includeTime: hasTime(p.date_formatter), ...(p.date_formatter ? { format: p.date_formatter } : {}) } };
    case 7:
      return { type: 'checkbox', options: {} };
    case 11:
      return { type: 'person', options: { multiple: p.multiple ?? true } };
    case 13:
      return { type: 'phone', options: {} };
    case 15:
      return { type: 'url', options: {} };
    case 17:
      return { type: 'attachment', options: {} };
    case 18:
    case 21:
      // Concord links are always two-way; a one-way (18) request gets a reverse field too.
      return { type: 'link', options: { tableId: need(p.table_id, 'table_id'), multiple: p.multiple ?? true } };
    case 19:
      return { type: 'lookup', options: { linkFieldId: need(p.link_field_id, 'link_field_id'), targetFieldId: need(p.target_field_id, 'target_field_id') } };
    case 20:
      return { type: 'formula', options: { expression: need(p.formula_expression, 'formula_expression') } };
    case 1001:
      return { type: 'createdTime', options: { includeTime: p.date_formatter ? hasTime(p.date_formatter) : true } };
    case 1002:
      return { type: 'modifiedTime', options: { includeTime: p.date_formatter ? hasTime(p.date_formatter) : true } };
    case 1003:
      return { type: 'createdBy', options: {} };
    case 1004:
      return { type: 'modifiedBy', options: {} };
    case 1005:
      return { type: 'autoNumber', options: {} };
    case CONCORD_ONLY_TYPES.department:
      return { type: 'department', options: { multiple: p.multiple ?? true } };
    case CONCORD_ONLY_TYPES.rollup:
      return {
        type: 'rollup',
        options: {
          linkFieldId: need(p.link_field_id, 'link_field_id'),
          targetFieldId: need(p.target_field_id, 'target_field_id'),
          function: p.function ?? 'sum',
        },
      };
    default:
      throw feishuError(FEISHU.NotSupportFieldOrView, 'NotSupportFieldOrView', {
        en: `field type ${def.type} is not supported by Concord`,
        zh: `Concord 不支持字段类型 ${def.type}`,
      });
  }
}

/**
 * A Feishu field definition as Concord's field input; property problems are Feishu's 12540xx property errors.
 * @example toConcordField({ field_name: '阶段', type: 3, property: { options: [{ name: '线索' }] } })
 */
export function toConcordField(def: FeishuFieldDef): FieldInput {
  const name = def.field_name.trim();
  if (!name) throw feishuError(1254028, 'EmptyFieldName', { en: 'field_name is empty', zh: '字段名为空' });
  if (name.length > 100) throw feishuError(1254029, 'InvalidFieldName', { en: 'field_name is longer than 100 characters', zh: '字段名超过 100 个字符' });
  const shape = concordShape(def);
  const parsed = fieldOptions.safeParse(shape);
  if (!parsed.success) throw propertyError(def.type, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const description = typeof def.description === 'string' ? def.description : (def.description?.text ?? null);
  return { name, description: description || null, ...parsed.data };
}

/** Names of other tables and fields, for link properties (`table_name`, `back_field_name`). */
export type NameLookup = (tableId: string, fieldId: string | null) => { tableName?: string; fieldName?: string };

type Described = { type: number; ui_type: string; property: Record<string, unknown> | null };
type Describe = (f: FieldMeta, names: NameLookup) => Described;

const plain =
  (type: number, ui_type: string): Describe =>
  () => ({ type, ui_type, property: null });
const choicesOut = (f: FieldMeta) => ({
  options: choicesOf(f).map((c) => ({
    id: c.id,
    name: c.name,
    color: Math.max(0, selectColors.indexOf(c.color)),
  })),
});

/** Concord type → Feishu type, ui_type and property. Exhaustive: a new FieldType fails to compile until mapped. */
const TO_FEISHU = {
  text: plain(1, 'Text'),
  longText: plain(1, 'Text'),
  email: plain(1, 'Email'),
  number: (f) => {
    const o = f.options as OptionsOf<'number'>;
    return { type: 2, ui_type: 'Number', property: { formatter: formatterOf(o.precision, o.thousandsSeparator) } };
  },
  currency: (f) => {
    const o = f.options as OptionsOf<'currency'>;
    return { type: 2, ui_type: 'Currency', property: { formatter: formatterOf(o.precision, o.thousandsSeparator), currency_code: o.currency } };
  },
  percent: (f) => {
    const o = f.options as OptionsOf<'percent'>;
    return { type: 2, ui_type: 'Number', property: { formatter: formatterOf(o.precision, o.thousandsSeparator, true) } };
  },
  progress: () => ({ type: 2, ui_type: 'Progress', property: { formatter: '0%', min: 0, max: 1, range_customize: false } }),
  rating: (f) => {
    const o = f.options as OptionsOf<'rating'>;
    return { type: 2, ui_type: 'Rating', property: { formatter: '0', min: 0, max: o.max, rating: { symbol: RATING_SYMBOLS[o.symbol] } } };
  },
  singleSelect: (f) => ({ type: 3, ui_type: 'SingleSelect', property: choicesOut(f) }),
  multiSelect: (f) => ({ type: 4, ui_type: 'MultiSelect', property: choicesOut(f) }),
  date: (f) => {
    const o = f.options as OptionsOf<'date'>;
    return { type: 5, ui_type: 'DateTime', property: { date_formatter: o.format, auto_fill: false } };
  },
  checkbox: plain(7, 'Checkbox'),
  person: (f) => ({ type: 11, ui_type: 'User', property: { multiple: (f.options as OptionsOf<'person'>).multiple } }),
  department: (f) => ({ type: CONCORD_ONLY_TYPES.department, ui_type: 'Department', property: { multiple: (f.options as OptionsOf<'department'>).multiple } }),
  phone: plain(13, 'Phone'),
  url: plain(15, 'Url'),
  attachment: plain(17, 'Attachment'),
  link: (f, names) => {
    const o = f.options as OptionsOf<'link'>;
    const n = names(o.tableId, o.reverseFieldId);
    return {
      type: 21,
      ui_type: 'DuplexLink',
      property: {
        table_id: o.tableId,
        multiple: o.multiple,
        ...(n.tableName ? { table_name: n.tableName } : {}),
        ...(n.fieldName ? { back_field_name: n.fieldName } : {}),
      },
    };
  },
  lookup: (f) => {
    const o = f.options as OptionsOf<'lookup'>;
    return { type: 19, ui_type: 'Lookup', property: { link_field_id: o.linkFieldId, target_field_id: o.targetFieldId } };
  },
  rollup: (f) => {
    const o = f.options as OptionsOf<'rollup'>;
    return {
      type: CONCORD_ONLY_TYPES.rollup,
      ui_type: 'Rollup',
      property: { link_field_id: o.linkFieldId, target_field_id: o.targetFieldId, function: o.function },
    };
  },
  formula: (f) => ({ type: 20, ui_type: 'Formula', property: { formula_expression: (f.options as OptionsOf<'formula'>).expression } }),
  autoNumber: () => ({ type: 1005, ui_type: 'AutoNumber', property: { auto_serial: { type: 'auto_increment_number' } } }),
  createdTime: (f) => ({
    type: 1001,
    ui_type: 'CreatedTime',
    property: { date_formatter: (f.options as OptionsOf<'createdTime'>).includeTime ? 'yyyy/MM/dd HH:mm' : 'yyyy/MM/dd' },
  }),
  modifiedTime: (f) => ({
    type: 1002,
    ui_type: 'ModifiedTime',
    property: { date_formatter: (f.options as OptionsOf<'modifiedTime'>).includeTime ? 'yyyy/MM/dd HH:mm' : 'yyyy/MM/dd' },
  }),
  createdBy: plain(1003, 'CreatedUser'),
  modifiedBy: plain(1004, 'ModifiedUser'),
} satisfies Record<FieldType, Describe>;

/** The Feishu type number of a Concord field (for lookups' `{type, value}` reads). */
export function feishuTypeOf(f: FieldMeta): number {
  return TO_FEISHU[f.type](f, () => ({})).type;
}

/** A Concord field as Feishu's field object. */
export function toFeishuField(f: FieldMeta, extra: { isPrimary: boolean; description: string | null; names?: NameLookup }): FeishuField {
  const d = TO_FEISHU[f.type](f, extra.names ?? (() => ({})));
  return {
    field_id: f.id,
    field_name: f.name,
    ...d,
    ...(extra.description ? { description: { text: extra.description } } : {}),
    is_primary: extra.isPrimary,
    is_hidden: false,
  };
}

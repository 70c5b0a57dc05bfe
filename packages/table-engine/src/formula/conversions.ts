import type { EvalContext, SqlContext } from './context.ts';
import { elementType, isArrayType, type Conversion, type FormulaType, type ScalarType } from './types.ts';
import { arrayToText, dateToText, errorValue, isNullish, numberToText, NUMERIC_TEXT, scalarToText, textToNumber, type Scalar, type Value } from './values.ts';

/** One implicit conversion, with its JS and SQL halves side by side so they stay in step. Both are strict: blank in, blank out. */
interface ConversionDef {
  readonly to: ScalarType;
  /** `v` is never blank or an error here. */
  readonly evaluate: (v: Scalar | readonly (Scalar | null)[], from: FormulaType, ctx: EvalContext) => Value;
  readonly sql: (x: string, from: FormulaType, ctx: SqlContext) => string;
}

/** Date as text in SQL, matching `dateToText`. */
export function dateToTextSql(x: string, ctx: SqlContext): string {
  const local = `(${x} at time zone ${ctx.tz()})`;
  return `to_char(${local}, CASE WHEN ${local}::time = '00:00' THEN 'YYYY-MM-DD' ELSE 'YYYY-MM-DD HH24:MI' END)`;
}

function scalarToTextSql(x: string, type: ScalarType, ctx: SqlContext): string {
  switch (type) {
    case 'text':
      return x;
    case 'number':
    case 'boolean':
      return `(${x})::text`;
    case 'date':
      return dateToTextSql(x, ctx);
  }
}

/** Anything the JS side may hold for an `unknown` field, as text (SQL casts with `::text`, which differs for lists and dates). */
function unknownText(v: Scalar | readonly (Scalar | null)[], ctx: EvalContext): string | null {
  return Array.isArray(v) ? arrayToText(v, ctx.timeZone) : scalarToText(v as Scalar, ctx.timeZone);
}

export const CONVERSIONS = {
  numberToText: { to: 'text', evaluate: (v) => numberToText(v as number), sql: (x) => `(${x})::text` },
  booleanToText: { to: 'text', evaluate: (v) => (v ? 'true' : 'false'), sql: (x) => `(${x})::text` },
  dateToText: { to: 'text', evaluate: (v, _from, ctx) => dateToText(v as Date, ctx.timeZone), sql: (x, _from, ctx) => dateToTextSql(x, ctx) },
  arrayToText: {
    to: 'text',
    evaluate: (v, _from, ctx) => arrayToText(v as readonly (Scalar | null)[], ctx.timeZone),
    sql: (x, from, ctx) => {
      const item = isArrayType(from) ? elementType(from) : 'text';
      return `(SELECT string_agg(${scalarToTextSql('_u._e', item, ctx)}, ', ' ORDER BY _u._o) FROM unnest(${x}) WITH ORDINALITY AS _u(_e, _o))`;
    },
  },
  unknownToText: { to: 'text', evaluate: (v, _from, ctx) => unknownText(v, ctx), sql: (x) => `(${x})::text` },
  booleanToNumber: { to: 'number', evaluate: (v) => (v ? 1 : 0), sql: (x) => `(${x})::int::float8` },
  unknownToNumber: {
    to: 'number',
    evaluate: (v, _from, ctx) => {
      if (typeof v === 'number') return v;
      const text = unknownText(v, ctx);
      return text === null ? null : (textToNumber(text) ?? errorValue('#VALUE!'));
    },
    sql: (x) => `(CASE WHEN (${x})::text ~ '${NUMERIC_TEXT}' THEN (${x})::text::float8 END)`,
  },
  numberToBoolean: { to: 'boolean', evaluate: (v) => v !== 0, sql: (x) => `(${x} <> 0)` },
  textToBoolean: { to: 'boolean', evaluate: (v) => v !== '', sql: (x) => `(${x} <> '')` },
  dateToBoolean: { to: 'boolean', evaluate: () => true, sql: (x) => `(CASE WHEN ${x} IS NOT NULL THEN true END)` },
  arrayToBoolean: { to: 'boolean', evaluate: (v) => (v as readonly unknown[]).length > 0, sql: (x) => `(cardinality(${x}) > 0)` },
  unknownToBoolean: {
    to: 'boolean',
    evaluate: (v, _from, ctx) => {
      if (typeof v === 'boolean') return v;
      const text = unknownText(v, ctx);
      return text === null ? null : !['', '0', 'false', 'f'].includes(text);
    },
    sql: (x) => `((${x})::text NOT IN ('', '0', 'false', 'f'))`,
  },
} as const satisfies Record<Conversion, ConversionDef>;

export function evaluateConversion(conversion: Conversion, v: Value, from: FormulaType, ctx: EvalContext): Value {
  if (isNullish(v)) return v;
  const def: ConversionDef = CONVERSIONS[conversion];
  return def.evaluate(v, from, ctx);
}

/** Which conversion brings `from` to `to`, if one is allowed implicitly. Text never silently becomes a number (use VALUE). */
export function conversionFor(from: FormulaType, to: ScalarType): Conversion | undefined {
  const kind = isArrayType(from) ? 'array' : from;
  const name = `${kind}To${to.charAt(0).toUpperCase()}${to.slice(1)}`;
  return (name in CONVERSIONS ? name : undefined) as Conversion | undefined;
}

import { DATE_ONLY_FORMAT, DATE_TIME_FORMAT, formatLocal, toLocal } from './dates.ts';
import type { ScalarType } from './types.ts';

export const errorCodes = ['#DIV/0!', '#NUM!', '#VALUE!'] as const;
export type ErrorCode = (typeof errorCodes)[number];
/** A spreadsheet-style error result. In SQL every error is NULL. */
export interface ErrorValue {
  readonly kind: 'error';
  readonly code: ErrorCode;
}
export type Scalar = number | string | boolean | Date;
/** A run-time formula value; `null` is blank. */
export type Value = Scalar | readonly (Scalar | null)[] | null | ErrorValue;

export const errorValue = (code: ErrorCode): ErrorValue => ({ kind: 'error', code });
export const isError = (v: Value): v is ErrorValue => typeof v === 'object' && v !== null && !(v instanceof Date) && !Array.isArray(v);
/** Blank or error: what SQL sees as NULL. */
export const isNullish = (v: Value): v is null | ErrorValue => v === null || isError(v);

/**
 * Number → text exactly as PostgreSQL prints float8 (shortest round-trip digits; exponent form below 1e-4 and from 1e15).
 * @example numberToText(1e15) // '1e+15'
 */
export function numberToText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa = '', exp = '0'] = n.toExponential().split('e');
  const e = Number(exp);
  if (e < -4 || e >= 15) return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return String(n);
}

/** Text that reads as a plain decimal number; bounded so PostgreSQL's float8 input cannot overflow. Same pattern in SQL. */
export const NUMERIC_TEXT = '^[ \\t]*[-+]?([0-9]{1,20}(\\.[0-9]{0,20})?|\\.[0-9]{1,20})([eE][-+]?[0-9]{1,2})?[ \\t]*$';
const NUMERIC_RE = new RegExp(NUMERIC_TEXT);

export function textToNumber(s: string): number | null {
  return NUMERIC_RE.test(s) ? Number(s.trim()) : null;
}

/** A date shown as text: `YYYY-MM-DD` at local midnight, else `YYYY-MM-DD HH:mm`. */
export function dateToText(d: Date, timeZone: string): string {
  const p = toLocal(d, timeZone);
  const midnight = p.hour === 0 && p.minute === 0 && p.second === 0 && p.millisecond === 0;
  return formatLocal(p, midnight ? DATE_ONLY_FORMAT : DATE_TIME_FORMAT);
}

export function scalarToText(v: Scalar, timeZone: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToText(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return dateToText(v, timeZone);
}

/** Joins the non-blank items with ", "; an empty list is blank (like `string_agg`). */
export function arrayToText(items: readonly (Scalar | null)[], timeZone: string): string | null {
  const shown = items.filter((x): x is Scalar => x !== null).map((x) => scalarToText(x, timeZone));
  return shown.length === 0 ? null : shown.join(', ');
}

/** Orders two non-blank values of the same type like PostgreSQL does (text by code point, as `COLLATE "C"`). */
export function compareScalars(a: Scalar, b: Scalar, type: ScalarType): number {
  switch (type) {
    case 'number':
      return (a as number) - (b as number);
    case 'boolean':
      return Number(a) - Number(b);
    case 'date':
      return (a as Date).getTime() - (b as Date).getTime();
    case 'text':
      return compareCodePoints(a as string, b as string);
  }
}

function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Counts characters the way PostgreSQL does (code points, so 😀 is one). */
export const chars = (s: string): string[] => Array.from(s);

/** A value as the grid shows it: errors by code, blanks as "", lists joined with ", ". */
export function displayValue(v: Value, timeZone: string): string {
  if (v === null) return '';
  if (isError(v)) return v.code;
  if (Array.isArray(v)) return arrayToText(v, timeZone) ?? '';
  return scalarToText(v as Scalar, timeZone);
}

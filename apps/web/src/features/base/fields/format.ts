import type { FieldDto } from '@concord/contracts';
import type { FieldType } from '@concord/table-engine';
import { formatWallTime, viewerTimeZone, zonedParts } from '../utils/zoned-time.ts';
import { optionsOf } from './field-options.ts';

type ToText = (field: FieldDto, value: unknown) => string;

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = numberFormats.get(key);
  if (!f) {
    f = make();
    numberFormats.set(key, f);
  }
  return f;
}

const asNumber = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;

export function formatNumber(n: number, precision: number, grouping: boolean): string {
  return numberFormat(
    `n${precision}${grouping}`,
    () => new Intl.NumberFormat('en-US', { minimumFractionDigits: precision, maximumFractionDigits: precision, useGrouping: grouping }),
  ).format(n);
}

export function formatCurrency(n: number, currency: string, precision: number, grouping: boolean): string {
  return numberFormat(`c${currency}${precision}${grouping}`, () => {
    try {
      return new Intl.NumberFormat('zh-CN', {
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: precision,
        maximumFractionDigits: precision,
        useGrouping: grouping,
      });
    } catch {
      return new Intl.NumberFormat('en-US', { minimumFractionDigits: precision, maximumFractionDigits: precision, useGrouping: grouping });
    }
  }).format(n);
}

const names = (v: unknown): string =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'object' && x && 'name' in x ? String((x as { name: unknown }).name) : String(x))).join(', ') : '';

function dateText(ms: unknown, timeZone: string, pattern: string, withTime: boolean): string {
  const n = asNumber(ms);
  return n === null ? '' : formatWallTime(zonedParts(n, timeZone), pattern, withTime);
}

const plain: ToText = (_f, v) => (v === null || v === undefined ? '' : String(v));

const numeric: ToText = (f, v) => {
  const n = asNumber(v);
  if (n === null) return '';
  const o = optionsOf(f, 'number');
  return formatNumber(n, o.precision ?? 0, o.thousandsSeparator ?? false);
};

const systemTime: ToText = (f, v) => dateText(v, viewerTimeZone(), 'yyyy/MM/dd', optionsOf(f, 'createdTime').includeTime ?? true);

/**
 * A value as the text a person reads in the grid and gets on copy (numbers formatted per the field's options, dates
 * in the field's time zone, people and options by name). Exhaustive over field types.
 */
export const toText: Record<FieldType, ToText> = {
  text: plain,
  longText: plain,
  number: numeric,
  currency: (f, v) => {
    const n = asNumber(v);
    if (n === null) return '';
    const o = optionsOf(f, 'currency');
    return formatCurrency(n, o.currency ?? 'CNY', o.precision ?? 2, o.thousandsSeparator ?? true);
  },
  percent: (f, v) => {
    const n = asNumber(v);
    if (n === null) return '';
    const o = optionsOf(f, 'percent');
    return `${formatNumber(n * 100, o.precision ?? 0, o.thousandsSeparator ?? false)}%`;
  },
  progress: (_f, v) => {
    const n = asNumber(v);
    return n === null ? '' : `${Math.round(n * 100)}%`;
  },
  rating: (_f, v) => (asNumber(v) === null ? '' : String(asNumber(v))),
  singleSelect: plain,
  multiSelect: (_f, v) => (Array.isArray(v) ? v.join(', ') : ''),
  date: (f, v) => {
    const o = optionsOf(f, 'date');
    return dateText(v, o.timeZone ?? 'Asia/Shanghai', o.format ?? 'yyyy/MM/dd', o.includeTime ?? false);
  },
  checkbox: (_f, v) => (v === true ? 'true' : 'false'),
  person: (_f, v) => names(v),
  department: (_f, v) => names(v),
  phone: plain,
  email: plain,
  url: (_f, v) => (typeof v === 'object' && v && 'link' in v ? String((v as { link: unknown }).link) : plain(_f, v)),
  attachment: (_f, v) => names(v),
  link: (_f, v) => (Array.isArray(v) ? v.join(', ') : ''),
  lookup: (_f, v) => (Array.isArray(v) ? names(v) : plain(_f, v)),
  rollup: (_f, v) => (typeof v === 'number' ? String(Math.round(v * 1e8) / 1e8) : plain(_f, v)),
  formula: (_f, v) => (Array.isArray(v) ? names(v) : typeof v === 'object' && v ? JSON.stringify(v) : plain(_f, v)),
  autoNumber: plain,
  createdTime: systemTime,
  modifiedTime: systemTime,
  createdBy: (_f, v) => names(v),
  modifiedBy: (_f, v) => names(v),
};

export function cellText(field: FieldDto, value: unknown): string {
  if (value === null || value === undefined) return '';
  return toText[field.type](field, value);
}

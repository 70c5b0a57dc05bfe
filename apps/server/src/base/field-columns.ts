import type { LocalizedText } from '@concord/contracts';
import {
  choicesOf,
  normalizePhone,
  parseNumberText,
  toHalfWidth,
  zonedTime,
  type FieldMeta,
  type FieldType,
  type OptionsOf,
  type StoredOption,
} from '@concord/table-engine';

export type Converted = { ok: true; value: unknown } | { ok: false; error: LocalizedText };

/** The server half of the field registry: how each type is stored and converted at the API edge. */
export interface ColumnSpec {
  /** SQL type of the field's physical column; null when the value lives elsewhere (links) or is computed. */
  readonly sqlType: string | null;
  /** API value → database parameter. `null`/`undefined`/'' clear the cell. */
  toDb(field: FieldMeta, input: unknown): Converted;
  /** Database value → API value. */
  fromDb(field: FieldMeta, raw: unknown): unknown;
}

const ok = (value: unknown): Converted => ({ ok: true, value });
const bad = (en: string, zh: string): Converted => ({ ok: false, error: { en, zh } });
const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Currency marks people type around amounts in Chinese spreadsheets: ¥1,200, ￥1,200, RMB 1200, 1200元. */
const CURRENCY_PREFIX = /^(?:[¥￥$]|RMB|CNY|USD)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:元|块|人民币|RMB|CNY)$/i;
/** Chinese magnitude words: 5万 = 50,000, 1.2亿 = 120,000,000. */
const MAGNITUDE: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8 };

/**
 * Accepts 1234.5, "1,234.5", "１２３４", "12.5%" (→ 0.125), "¥1,200", "1,200元", "5万" (→ 50000), "1.2亿", and the
 * accounting negative "(1,200)".
 */
export function parseNumber(input: unknown): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  if (typeof input !== 'string') return null;
  let s = toHalfWidth(input).trim();
  const negative = /^\((.+)\)$/.exec(s);
  if (negative) s = negative[1]!.trim();
  s = s.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
  let scale = 1;
  if (s.endsWith('%')) scale = 0.01;
  else scale = MAGNITUDE[s.slice(-1)] ?? 1;
  const n = parseNumberText(scale === 1 ? s : s.slice(0, -1));
  if (n === null) return null;
  // toPrecision: 0.07 × 10,000 is 700, not 700.0000000000001.
  const value = scale === 1 ? n : Number((n * scale).toPrecision(15));
  return negative ? -value : value;
}

const text: ColumnSpec = {
  sqlType: 'text',
  toDb: (f, v) => {
    if (isBlank(v)) return ok(null);
    if (typeof v === 'string') return v.length > 100_000 ? bad(`Text too long in ${f.name}`, `${f.name} 文本过长`) : ok(v);
    if (typeof v === 'number' || typeof v === 'boolean') return ok(String(v));
    // Feishu sends rich text as [{type:'text', text}] segments.
    if (Array.isArray(v) && v.every((s) => typeof s === 'object' && s && 'text' in s)) return ok(v.map((s: { text: unknown }) => String(s.text)).join(''));
    return bad(`${f.name} expects text`, `${f.name} 需要文本`);
  },
  fromDb: (_f, raw) => raw ?? null,
};

function numeric(sqlType: string, check?: (f: FieldMeta, n: number) => Converted | null): ColumnSpec {
  return {
    sqlType,
    toDb: (f, v) => {
      if (isBlank(v)) return ok(null);
      const n = parseNumber(v);
      if (n === null)
        return bad(`${f.name} expects a number, got ${JSON.stringify(v).slice(0, 40)}`, `${f.name} 需要数字，收到 ${JSON.stringify(v).slice(0, 40)}`);
      return check?.(f, n) ?? ok(n);
    },
    fromDb: (_f, raw) => (raw === null || raw === undefined ? null : Number(raw)),
  };
}

export function findOption(field: FieldMeta, v: unknown): StoredOption | undefined {
  const choices = choicesOf(field);
  if (typeof v !== 'string') return undefined;
  const key = toHalfWidth(v).trim().toLowerCase();
  return choices.find((c) => c.id === v) ?? choices.find((c) => c.name.toLowerCase() === key || c.aliases.some((a) => a.toLowerCase() === key));
}
const optionName = (field: FieldMeta, id: unknown) => choicesOf(field).find((c) => c.id === id)?.name ?? null;
const noOption = (f: FieldMeta, v: unknown) => bad(`${f.name} has no option ${JSON.stringify(v)}`, `${f.name} 没有选项 ${JSON.stringify(v)}`);

/** Splits "a, b；c、d" and arrays into trimmed parts. */
function parts(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string')
    return v
      .split(/[,，;；、\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  return [v];
}

/** Person/department values: "ou_x", {id}, or arrays of either. Existence is checked by the caller in one query. */
function refList(kind: 'person' | 'department'): ColumnSpec {
  return {
    sqlType: 'text[]',
    toDb: (f, v) => {
      if (isBlank(v)) return ok(null);
      const ids: string[] = [];
      for (const p of Array.isArray(v) ? v : [v]) {
        const id = typeof p === 'string' ? p : typeof p === 'object' && p && 'id' in p ? String((p as { id: unknown }).id) : null;
        if (!id) return bad(`${f.name} expects ${kind} ids`, `${f.name} 需要${kind === 'person' ? '人员' : '部门'} ID`);
        if (!ids.includes(id)) ids.push(id);
      }
      const multiple = (f.options as { multiple?: boolean }).multiple !== false;
      if (!multiple && ids.length > 1) return bad(`${f.name} takes one value`, `${f.name} 只能选一个`);
      return ok(ids);
    },
    fromDb: (_f, raw) => (Array.isArray(raw) && raw.length ? raw.map((id: string) => ({ id })) : null),
  };
}

/** China time, where a date field names no zone of its own. */
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

function toDate(v: unknown, timeZone: string): Date | null {
  if (v instanceof Date) return v;
  if (typeof v === 'number') return new Date(v);
  if (typeof v === 'string') {
    const s = toHalfWidth(v).trim();
    if (/^\d{10,13}$/.test(s)) return new Date(Number(s.length === 10 ? `${s}000` : s));
    // Dates typed without a zone ("2024-03-05", "2024年3月5日 14:30") are wall-clock times in the field's zone.
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/.exec(s);
    if (m) {
      const [y, mo, d, h, mi, sec] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
      return zonedTime(y, mo, d, h, mi, sec, timeZone);
    }
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

const system: ColumnSpec = { sqlType: null, toDb: (f) => bad(`${f.name} is read-only`, `${f.name} 为只读字段`), fromDb: (_f, raw) => raw ?? null };

/** Computed values: dates become epoch ms like date fields, inside arrays too. */
const plain = (v: unknown): unknown => (v instanceof Date ? v.getTime() : Array.isArray(v) ? v.map(plain) : v);
const computed: ColumnSpec = { ...system, fromDb: (_f, raw) => (raw === null || raw === undefined ? null : plain(raw)) };

export const columnSpecs = {
  text,
  longText: text,
  number: numeric('double precision'),
  currency: numeric('numeric'),
  percent: numeric('double precision'),
  progress: numeric('double precision', (f, n) => (n < 0 || n > 1 ? bad(`${f.name} must be between 0 and 1`, `${f.name} 须在 0 到 1 之间`) : null)),
  rating: numeric('double precision', (f, n) => {
    const max = (f.options as OptionsOf<'rating'>).max ?? 5;
    return Number.isInteger(n) && n >= 0 && n <= max ? null : bad(`${f.name} must be a whole number 0–${max}`, `${f.name} 须为 0–${max} 的整数`);
  }),
  singleSelect: {
    sqlType: 'text',
    toDb: (f, v) => {
      if (isBlank(v)) return ok(null);
      const o = findOption(f, typeof v === 'object' && v && 'name' in v ? (v as { name: unknown }).name : v);
      return o ? ok(o.id) : noOption(f, v);
    },
    fromDb: (f, raw) => (raw ? optionName(f, raw) : null),
  },
  multiSelect: {
    sqlType: 'text[]',
    toDb: (f, v) => {
      if (isBlank(v)) return ok(null);
      const ids: string[] = [];
      for (const p of parts(v)) {
        const o = findOption(f, p);
        if (!o) return noOption(f, p);
        if (!ids.includes(o.id)) ids.push(o.id);
      }
      return ok(ids);
    },
    fromDb: (f, raw) => (Array.isArray(raw) && raw.length ? raw.map((id) => optionName(f, id)).filter((n) => n !== null) : null),
  },
  date: {
    sqlType: 'timestamptz',
    toDb: (f, v) => {
      if (isBlank(v)) return ok(null);
      const d = toDate(v, (f.options as OptionsOf<'date'>).timeZone ?? DEFAULT_TIME_ZONE);
      return d ? ok(d) : bad(`${f.name} expects a date, got ${JSON.stringify(v).slice(0, 40)}`, `${f.name} 需要日期，收到 ${JSON.stringify(v).slice(0, 40)}`);
    },
    fromDb: (_f, raw) => (raw instanceof Date ? raw.getTime() : raw ? new Date(String(raw)).getTime() : null),
  },
  checkbox: {
    sqlType: 'boolean',
    toDb: (f, v) => {
      if (v === null || v === undefined || v === '') return ok(false);
      if (typeof v === 'boolean') return ok(v);
      const s = String(v).trim().toLowerCase();
      if (['true', '1', 'yes', 'y', '是', '√', '✓', 'checked'].includes(s)) return ok(true);
      if (['false', '0', 'no', 'n', '否', '×', ''].includes(s)) return ok(false);
      return bad(`${f.name} expects true or false`, `${f.name} 需要是/否`);
    },
    fromDb: (_f, raw) => raw === true,
  },
  person: refList('person'),
  department: refList('department'),
  phone: {
    sqlType: 'text',
    toDb: (f, v) => {
      if (isBlank(v)) return ok(null);
      const p = normalizePhone(String(v));
      return p ? ok(p) : bad(`${f.name}: not a phone number: ${String(v).slice(0, 40)}`, `${f.name}：不是有效的电话号码：${String(v).slice(0, 40)}`);
    },
    fromDb: (_f, raw) => raw ?? null,
  },
  email: {
    sqlType: 'text',
    toDb: (f, v) => {
      if (isBlank(v)) return ok(null);
      const s = toHalfWidth(String(v)).trim();
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)
        ? ok(s)
        : bad(`${f.name}: not an email address: ${s.slice(0, 60)}`, `${f.name}：不是有效的邮箱：${s.slice(0, 60)}`);
    },
    fromDb: (_f, raw) => raw ?? null,
  },
  url: {
    sqlType: 'text',
    toDb: (f, v) => {
      if (isBlank(v)) return ok(null);
      const s = typeof v === 'object' && v && 'link' in v ? String((v as { link: unknown }).link) : String(v);
      return s.length <= 2000 ? ok(s.trim()) : bad(`${f.name}: URL too long`, `${f.name}：链接过长`);
    },
    fromDb: (_f, raw) => (raw ? { link: raw, text: raw } : null),
  },
  attachment: {
    sqlType: 'jsonb',
    toDb: (f, v) => {
      if (isBlank(v)) return ok(null);
      if (!Array.isArray(v) || !v.every((a) => typeof a === 'object' && a && 'file_token' in a))
        return bad(`${f.name} expects a list of uploaded files`, `${f.name} 需要已上传文件列表`);
      return ok(JSON.stringify(v));
    },
    fromDb: (_f, raw) => raw ?? null,
  },
  link: {
    sqlType: null,
    toDb: (f, v) => {
      if (isBlank(v)) return ok([]);
      const list = typeof v === 'object' && v && !Array.isArray(v) && 'link_record_ids' in v ? (v as { link_record_ids: unknown }).link_record_ids : v;
      const ids = parts(list).map((x) => (typeof x === 'object' && x && 'id' in x ? String((x as { id: unknown }).id) : String(x)));
      if (!ids.every((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id))) return bad(`${f.name} expects record ids`, `${f.name} 需要记录 ID`);
      const multiple = (f.options as OptionsOf<'link'>).multiple !== false;
      if (!multiple && ids.length > 1) return bad(`${f.name} links to one record only`, `${f.name} 只能关联一条记录`);
      return ok([...new Set(ids)]);
    },
    fromDb: (_f, raw) => (Array.isArray(raw) && raw.length ? raw : null),
  },
  lookup: computed,
  rollup: computed,
  formula: computed,
  autoNumber: system,
  createdTime: { ...system, fromDb: (_f, raw) => (raw instanceof Date ? raw.getTime() : null) },
  modifiedTime: { ...system, fromDb: (_f, raw) => (raw instanceof Date ? raw.getTime() : null) },
  createdBy: { ...system, fromDb: (_f, raw) => (raw ? [{ id: raw }] : null) },
  modifiedBy: { ...system, fromDb: (_f, raw) => (raw ? [{ id: raw }] : null) },
} satisfies Record<FieldType, ColumnSpec>;

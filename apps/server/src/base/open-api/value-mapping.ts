import type { LocalizedText } from '@concord/contracts';
import type { FieldMeta, FieldType } from '@concord/table-engine';
import { FEISHU } from './feishu-errors.ts';

/**
 * Cell values at the Feishu edge. Writes take Feishu's documented write shapes and give Concord API values;
 * reads turn Concord API values into Feishu's read (or write-echo) shapes.
 */
export type WriteResult = { ok: true; value: unknown } | { ok: false; code: number; error: LocalizedText };

/** Feishu's per-type "could not convert" codes, used when Concord rejects a value of the right JSON shape. */
export const CONVERSION_CODE = {
  text: 1254060,
  longText: 1254060,
  email: 1254060,
  number: 1254061,
  currency: 1254061,
  percent: 1254061,
  progress: 1254061,
  rating: 1254061,
  singleSelect: 1254062,
  multiSelect: 1254063,
  date: 1254064,
  checkbox: 1254065,
  person: 1254066,
  department: 1254066,
  link: 1254067,
  url: 1254068,
  attachment: 1254069,
  phone: 1254072,
  lookup: FEISHU.FieldTypeValueNotMatch,
  rollup: FEISHU.FieldTypeValueNotMatch,
  formula: FEISHU.FieldTypeValueNotMatch,
  autoNumber: FEISHU.FieldTypeValueNotMatch,
  createdTime: FEISHU.FieldTypeValueNotMatch,
  modifiedTime: FEISHU.FieldTypeValueNotMatch,
  createdBy: FEISHU.FieldTypeValueNotMatch,
  modifiedBy: FEISHU.FieldTypeValueNotMatch,
} as const satisfies Record<FieldType, number>;

const ok = (value: unknown): WriteResult => ({ ok: true, value });
const fail = (code: number, f: FieldMeta, en: string, zh: string): WriteResult => ({
  ok: false,
  code,
  error: { en: `${f.name}: ${en}`, zh: `${f.name}：${zh}` },
});
const mismatch = (f: FieldMeta, expected: string, expectedZh: string) => fail(FEISHU.FieldTypeValueNotMatch, f, `expects ${expected}`, `需要${expectedZh}`);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

type Write = (f: FieldMeta, v: unknown) => WriteResult;

const text: Write = (f, v) => {
  if (isStr(v)) return ok(v);
  // Rich text segments [{type:'text', text}] as Feishu reads them back.
  if (Array.isArray(v) && v.every((s) => isObj(s) && isStr(s.text))) return ok(v.map((s) => (s as { text: string }).text).join(''));
  return mismatch(f, 'a string', '文本');
};
const numeric: Write = (f, v) => (typeof v === 'number' && Number.isFinite(v) ? ok(v) : mismatch(f, 'a number', '数字'));
const people =
  (code: number): Write =>
  (f, v) => {
    if (!Array.isArray(v)) return fail(code, f, 'expects a list like [{"id":"ou_…"}]', '需要 [{"id":"ou_…"}] 形式的列表');
    const ids: string[] = [];
    for (const p of v) {
      const id = isStr(p) ? p : isObj(p) && isStr(p.id) ? p.id : null;
      if (!id) return fail(code, f, 'each entry needs an "id"', '每一项都需要 "id"');
      ids.push(id);
    }
    return ok(ids.map((id) => ({ id })));
  };
const readOnly: Write = (f) => fail(FEISHU.FieldTypeValueNotMatch, f, 'is read-only', '为只读字段');

/** Feishu write shape → Concord API value, per type. `null` clears a cell of any writable type. */
const FROM_FEISHU = {
  text,
  longText: text,
  email: text,
  phone: (f, v) => (isStr(v) ? ok(v) : mismatch(f, 'a phone number string', '电话号码字符串')),
  number: numeric,
  currency: numeric,
  percent: numeric,
  progress: numeric,
  rating: numeric,
  singleSelect: (f, v) => (isStr(v) ? ok(v) : mismatch(f, 'an option name', '选项名称')),
  multiSelect: (f, v) => (Array.isArray(v) && v.every(isStr) ? ok(v) : mismatch(f, 'a list of option names', '选项名称列表')),
  date: (f, v) =>
    typeof v === 'number' && Number.isFinite(v) ? ok(v) : fail(CONVERSION_CODE.date, f, 'expects a timestamp in milliseconds', '需要毫秒时间戳'),
  checkbox: (f, v) => (typeof v === 'boolean' ? ok(v) : mismatch(f, 'true or false', '布尔值')),
  person: people(CONVERSION_CODE.person),
  department: people(CONVERSION_CODE.department),
  url: (f, v) => {
    if (isStr(v)) return ok({ link: v });
    if (isObj(v) && isStr(v.link)) return ok({ link: v.link });
    return fail(CONVERSION_CODE.url, f, 'expects {"link": "…", "text": "…"}', '需要 {"link": "…", "text": "…"}');
  },
  attachment: (f, v) =>
    Array.isArray(v) && v.every((a) => isObj(a) && isStr(a.file_token))
      ? ok(v)
      : fail(CONVERSION_CODE.attachment, f, 'expects [{"file_token": "…"}]', '需要 [{"file_token": "…"}]'),
  link: (f, v) => {
    const list = isObj(v) && Array.isArray(v.link_record_ids) ? v.link_record_ids : v;
    return Array.isArray(list) && list.every(isStr) ? ok(list) : fail(CONVERSION_CODE.link, f, 'expects a list of record ids', '需要记录 ID 列表');
  },
  lookup: readOnly,
  rollup: readOnly,
  formula: readOnly,
  autoNumber: readOnly,
  createdTime: readOnly,
  modifiedTime: readOnly,
  createdBy: readOnly,
  modifiedBy: readOnly,
} satisfies Record<FieldType, Write>;

/**
 * Checks a Feishu cell value against its field's documented write shape and converts it for Concord.
 * @example fromFeishuValue(amountField, 12000) // { ok: true, value: 12000 }
 */
export function fromFeishuValue(field: FieldMeta, value: unknown): WriteResult {
  if (value === null) return ok(null);
  return FROM_FEISHU[field.type](field, value);
}

export interface ReadStyle {
  /** Text as a plain string (legacy list/get) or as rich-text segments (search, batch_get, `text_field_as_array`). */
  text: 'plain' | 'segments';
  /** Links as `{link_record_ids}` (reads) or as the written id list (write responses echo the write shape). */
  links: 'read' | 'write';
  /** Feishu type number of a lookup's target, for `{type, value}`. */
  lookupType?: (field: FieldMeta) => number;
}

type Person = { id: string; name?: string; email?: string };
const person = (p: Person) => ({ id: p.id, name: p.name ?? p.id, en_name: p.name ?? p.id, email: p.email ?? '' });
const people2 = (v: unknown) => (Array.isArray(v) ? (v as Person[]).map(person) : v);
const same = (v: unknown) => v;

type Read = (v: unknown, style: ReadStyle, f: FieldMeta) => unknown;
const textRead: Read = (v, s) => (s.text === 'segments' ? [{ type: 'text', text: v }] : v);

/** Concord API value → Feishu read shape, per type. */
const TO_FEISHU = {
  text: textRead,
  longText: textRead,
  email: (v, s) => (s.text === 'segments' ? [{ type: 'url', text: v, link: `mailto:${String(v)}` }] : v),
  phone: same,
  number: same,
  currency: same,
  percent: same,
  progress: same,
  rating: same,
  singleSelect: same,
  multiSelect: same,
  date: same,
  checkbox: same,
  person: people2,
  department: (v) => (Array.isArray(v) ? (v as Person[]).map((d) => ({ id: d.id, name: d.name ?? d.id })) : v),
  url: same,
  attachment: same,
  link: (v, s) => (s.links === 'write' ? v : { link_record_ids: v }),
  lookup: (v, s, f) => ({ type: s.lookupType?.(f) ?? 1, value: Array.isArray(v) ? v : [v] }),
  rollup: same,
  formula: (v) => ({ type: typeof v === 'number' ? 2 : 1, value: [v] }),
  autoNumber: (v) => String(v),
  createdTime: same,
  modifiedTime: same,
  createdBy: people2,
  modifiedBy: people2,
} satisfies Record<FieldType, Read>;

/** A Concord API value in Feishu's shape; undefined/null stay absent, as Feishu leaves empty cells out. */
export function toFeishuValue(field: FieldMeta, value: unknown, style: ReadStyle): unknown {
  if (value === null || value === undefined) return undefined;
  return TO_FEISHU[field.type](value, style, field);
}

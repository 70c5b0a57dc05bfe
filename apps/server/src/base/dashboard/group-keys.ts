import { sql, type RawBuilder } from 'kysely';
import { choicesOf, fieldTypeDefs, type FieldMeta, type OptionsOf } from '@concord/table-engine';
import type { ChartGroupBy } from '@concord/contracts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { valueExpr, type RelatedTables } from '../field-sql.ts';

/** How rows are grouped: a text key expression, plus a lateral join when one record falls in several groups. */
export interface GroupKey {
  key: RawBuilder<unknown>;
  /** Turns the grouped value into the text key sent to the client, applied once per group rather than per row. */
  out: (grouped: RawBuilder<unknown>) => RawBuilder<unknown>;
  join: RawBuilder<unknown> | null;
  field: FieldMeta;
  bucket: ChartGroupBy['bucket'];
}

const DEFAULT_TZ = 'Asia/Shanghai';

export const badWidget = (en: string, zh: string) => new AppError('validation', 'base.dashboard.widget_invalid', { en, zh });

export function timeZoneOf(field: FieldMeta): string {
  return field.type === 'date' ? ((field.options as OptionsOf<'date'>).timeZone ?? DEFAULT_TZ) : DEFAULT_TZ;
}

/** The SQL grouping for a field; `alias` names the lateral unnest of multi-value fields. Dates bucket in their own time zone. */
const same = (k: RawBuilder<unknown>) => k;
const asText = (k: RawBuilder<unknown>) => sql`(${k})::text`;

export function groupKey(field: FieldMeta, bucket: ChartGroupBy['bucket'], related: RelatedTables, alias: string): GroupKey {
  const v = valueExpr(field, related);
  const plain = (key: RawBuilder<unknown>, out = same): GroupKey => ({ key, out, join: null, field, bucket: null });
  switch (fieldTypeDefs[field.type].valueKind) {
    case 'select':
      return plain(v);
    case 'multiSelect':
    case 'department':
      return multi(v, field, alias);
    case 'user':
      if (field.type !== 'person') return plain(v);
      // One person per record: the first element groups without a lateral unnest.
      return (field.options as OptionsOf<'person'>).multiple === false ? plain(sql`(${v})[1]`) : multi(v, field, alias);
    case 'date': {
      const unit = bucket ?? 'day';
      return {
        key: sql`date_trunc(${unit}, ${v} at time zone ${timeZoneOf(field)})`,
        out: (k) => sql`to_char(${k}, 'YYYY-MM-DD')`,
        join: null,
        field,
        bucket: unit,
      };
    }
    case 'number':
      return plain(sql`(${v})::double precision`, asText);
    case 'boolean':
      return plain(sql`coalesce(${v}, false)`, asText);
    case 'text':
      return plain(sql`nullif((${v})::text, '')`);
    default:
      throw badWidget(`Cannot group by ${field.name}`, `不能按字段 ${field.name} 分组`);
  }
}

function multi(v: RawBuilder<unknown>, field: FieldMeta, alias: string): GroupKey {
  // Records with no value form one empty group instead of vanishing from the chart.
  const join = sql`cross join lateral unnest(case when cardinality(${v}) > 0 then ${v} else array[null]::text[] end) as ${sql.id(alias)}(k)`;
  return { key: sql.ref(`${alias}.k`), out: same, join, field, bucket: null };
}

/** Display labels for group keys: option names, people's and departments' names; other keys are their own label. */
export async function labelsFor(db: Db, field: FieldMeta, keys: (string | null)[], locale: 'en' | 'zh-CN'): Promise<Map<string | null, string>> {
  const labels = new Map<string | null, string>([[null, locale === 'en' ? '(empty)' : '（空）']]);
  const present = keys.filter((k): k is string => k !== null);
  const kind = fieldTypeDefs[field.type].valueKind;
  if (kind === 'select' || kind === 'multiSelect') for (const c of choicesOf(field)) labels.set(c.id, c.name);
  else if (kind === 'user' && present.length) {
    const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', present).execute();
    for (const r of rows) labels.set(r.id, r.name);
  } else if (kind === 'department' && present.length) {
    const rows = await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', present).execute();
    for (const r of rows) labels.set(r.id, r.name);
  } else if (kind === 'boolean') {
    labels.set('true', locale === 'en' ? 'Yes' : '是');
    labels.set('false', locale === 'en' ? 'No' : '否');
  }
  for (const k of present) if (!labels.has(k)) labels.set(k, k);
  return labels;
}

/** Orders keys as people expect: options in option order, numbers numerically, dates and text alphabetically; empty last. */
export function keyComparator(field: FieldMeta): (a: string | null, b: string | null) => number {
  const kind = fieldTypeDefs[field.type].valueKind;
  const order = new Map(choicesOf(field).map((c, i) => [c.id, i]));
  return (a, b) => {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    if (kind === 'select' || kind === 'multiSelect') return (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9);
    if (kind === 'number') return Number(a) - Number(b);
    return a < b ? -1 : 1;
  };
}

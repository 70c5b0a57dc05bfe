import type { FieldDto, TableDto, ViewDto } from '@concord/contracts';
import { f, type FilterNode } from '@concord/table-engine';
import { effectiveFilter } from '../../utils/filter-tree.ts';
import { orderedFields } from '../../utils/grid-layout.ts';

/** Types that read badly on a small card (ids of linked records, file lists, long paragraphs). */
const NOT_ON_CARDS = new Set<FieldDto['type']>(['link', 'attachment', 'longText']);

export interface CardFields {
  primary: FieldDto;
  /** A few more visible fields, in view order. */
  others: FieldDto[];
}

/** The primary field and up to `max` visible fields for a card, skipping the fields the view already shows by layout. */
export function cardFields(table: TableDto, view: ViewDto, max: number, skip: readonly (string | null)[] = []): CardFields {
  const hidden = new Set([...view.config.hiddenFieldIds, ...skip.filter((s): s is string => !!s)]);
  const ordered = orderedFields(table.fields, view.config.fieldOrder);
  const primary = ordered.find((x) => x.id === table.primaryFieldId) ?? ordered[0]!;
  const others = ordered.filter((x) => x.id !== primary.id && !hidden.has(x.id) && !NOT_ON_CARDS.has(x.type)).slice(0, max);
  return { primary, others };
}

/** The view's own (complete) filter combined with a view-specific condition. */
export function withViewFilter(view: ViewDto, extra: FilterNode | null): FilterNode | null {
  const own = effectiveFilter(view.config.filter);
  if (!own) return extra;
  if (!extra) return own;
  return f.and(own, extra);
}

/** Stable text for query keys: what the view filters and sorts by. */
export function queryShape(filter: FilterNode | null, view: ViewDto): string {
  return JSON.stringify([filter, view.config.sort]);
}

/** The record's title: its primary value as text, or null when blank. */
export function primaryText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === 'object' && v && 'name' in v ? String(v.name) : String(v))).join(', ') : null;
  if (typeof value === 'object') return 'link' in value ? String(value.link) : JSON.stringify(value);
  return String(value);
}

import { choicesOf, type FieldMeta, type FilterNode } from '@concord/table-engine';
import type { AutomationTrigger } from '@concord/contracts';

/** Per-record changes of one write, as kept in the history: field id → old and new stored values. */
export type FieldChanges = Readonly<Record<string, { old: unknown; new: unknown }>>;

/** What a write did to one record; `changes` is null when the writer does not know (merge, import). */
export interface RecordWrite {
  change: 'created' | 'updated';
  changes: FieldChanges | null;
}

export type TriggerVerdict = { fires: false } | { fires: true; summary: string; filter: FilterNode | null };

const NO: TriggerVerdict = { fires: false };

/** The field ids a filter reads. */
export function filterFieldIds(node: FilterNode): Set<string> {
  if (node.kind === 'condition') return new Set([node.fieldId]);
  return new Set(node.children.flatMap((c) => [...filterFieldIds(c)]));
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);

/** Field ids whose value really changed (a write may send a field's current value again). */
export function changedFieldIds(changes: FieldChanges): string[] {
  return Object.entries(changes)
    .filter(([, c]) => !same(c.old, c.new))
    .map(([k]) => k);
}

/** Stored values as the strings a `to` list names: option ids for selects, person ids, else the value's text. */
function storedKeys(value: unknown): string[] {
  if (isEmpty(value)) return [];
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (value instanceof Date) return [value.toISOString()];
  return [String(value)];
}

/** Does a field's new stored value equal (or, for lists, contain) one of `to`? */
export function valueMatchesTo(value: unknown, to: readonly string[]): boolean {
  const keys = storedKeys(value);
  return keys.some((k) => to.includes(k));
}

/** A short, language-neutral text of a stored value for the run log ("方案报价", "3 people"). */
export function storedValueText(field: FieldMeta | undefined, value: unknown): string {
  if (isEmpty(value)) return '∅';
  const choices = field ? choicesOf(field) : [];
  const keys = storedKeys(value).map((k) => choices.find((c) => c.id === k)?.name ?? k);
  const text = keys.join(', ');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * Whether a write to one record can fire a trigger, before the trigger's filter (if any) is checked against the
 * record. Pure: the caller checks the returned `filter` in SQL.
 */
export function triggerVerdict(trigger: AutomationTrigger, write: RecordWrite, fields: ReadonlyMap<string, FieldMeta>): TriggerVerdict {
  switch (trigger.kind) {
    case 'record_created':
      return write.change === 'created' ? { fires: true, summary: 'created', filter: trigger.filter } : NO;
    case 'record_matches': {
      // A new record "changed" every field; an update must touch a field the condition reads.
      if (write.change === 'updated') {
        if (!write.changes) return NO;
        const read = filterFieldIds(trigger.filter);
        if (!changedFieldIds(write.changes).some((f) => read.has(f))) return NO;
      }
      return { fires: true, summary: 'matches', filter: trigger.filter };
    }
    case 'field_changed': {
      const c = write.changes?.[trigger.fieldId];
      if (!c || same(c.old, c.new)) return NO;
      if (trigger.to && trigger.to.length && !valueMatchesTo(c.new, trigger.to)) return NO;
      const field = fields.get(trigger.fieldId);
      return { fires: true, summary: `${field?.name ?? trigger.fieldId} → ${storedValueText(field, c.new)}`, filter: null };
    }
    case 'date_reached':
      return NO;
  }
}

/** Round robin: the pool member after `cursor` assignments (pool in a stable order). */
export function roundRobinPick(pool: readonly string[], cursor: number): string | null {
  if (pool.length === 0) return null;
  return pool[((cursor % pool.length) + pool.length) % pool.length]!;
}

/** Least loaded: the pool member holding the fewest records; ties go to the earlier member of the pool. */
export function leastLoadedPick(pool: readonly string[], load: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let min = Infinity;
  for (const p of pool) {
    const n = load.get(p) ?? 0;
    if (n < min) {
      min = n;
      best = p;
    }
  }
  return best;
}

/** Replaces `{{Field name}}` with the record's text for that field; unknown names are left as written. */
export function renderTemplate(template: string, textOf: (fieldName: string) => string | undefined): string {
  return template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, name: string) => textOf(name) ?? whole);
}

import type { FieldDto } from '@concord/contracts';
import { f, fieldTypeDefs, operatorsFor, type FilterCondition, type FilterGroup, type FilterNode, type FilterOperator } from '@concord/table-engine';

/** A node's place in the tree: child indexes from the root group. */
export type FilterPath = readonly number[];

export function rootGroup(filter: FilterNode | null): FilterGroup {
  if (!filter) return f.and();
  return filter.kind === 'group' ? filter : f.and(filter);
}

/** Operators offered for a field (attachments can only be tested for emptiness on the server). */
export function operatorsOf(field: FieldDto): readonly FilterOperator[] {
  return field.type === 'attachment' ? ['isEmpty', 'isNotEmpty'] : operatorsFor(field.type);
}

export function defaultCondition(field: FieldDto): FilterCondition {
  const op = operatorsOf(field)[0] ?? 'is';
  const kind = fieldTypeDefs[field.type].valueKind;
  if (kind === 'date') return f.cond(field.id, op, [], { kind: 'relative', name: 'Today' });
  if (kind === 'boolean') return f.cond(field.id, 'is', ['true']);
  return f.cond(field.id, op, []);
}

/** Replaces the node at `path` with what `fn` returns (null removes it). Returns a new tree. */
export function updateAt(group: FilterGroup, path: FilterPath, fn: (node: FilterNode) => FilterNode | null): FilterGroup {
  const [head, ...rest] = path;
  if (head === undefined) return group;
  const children: FilterNode[] = [];
  group.children.forEach((child, i) => {
    if (i !== head) return children.push(child);
    const next = rest.length === 0 ? fn(child) : child.kind === 'group' ? updateAt(child, rest, fn) : child;
    if (next) children.push(next);
  });
  return { ...group, children };
}

export function conditionCount(node: FilterNode | null): number {
  if (!node) return 0;
  return node.kind === 'condition' ? 1 : node.children.reduce((n, c) => n + conditionCount(c), 0);
}

function complete(c: FilterCondition): boolean {
  if (c.operator === 'isEmpty' || c.operator === 'isNotEmpty') return true;
  if (c.date) return true;
  return c.values.some((v) => v.trim() !== '');
}

/**
 * The filter to send: conditions still missing a value are left out (as Feishu does), and empty groups dropped,
 * so a half-built condition never hides every record.
 */
export function effectiveFilter(node: FilterNode | null): FilterNode | null {
  if (!node) return null;
  if (node.kind === 'condition') return complete(node) ? node : null;
  const children = node.children.map(effectiveFilter).filter((c): c is FilterNode => c !== null);
  return children.length ? { ...node, children } : null;
}

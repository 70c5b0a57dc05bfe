import { MAX_RECORD_GROUPS, type RecordGroupDto } from '@concord/contracts';
import type { FieldMeta, FilterNode, SortSpec } from '@concord/table-engine';
import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { countGroups, type GroupLeafRow } from './group-sql.ts';
import type * as repo from './record.repo.ts';
import { toApiValues } from './record-values.ts';
import { physicalTable, type TableMeta } from './table-meta.ts';
import { assertFieldsKnown, readScope } from './read-scope.ts';

export interface GroupQuery {
  viewId?: string;
  filter?: FilterNode | null;
  groupBy?: SortSpec[];
}

/**
 * The grouping a query uses: the one given (checked), else the view's, leaving out fields this person cannot see or
 * that were deleted since the view was saved.
 */
export function resolveGroupBy(table: TableMeta, given: SortSpec[] | undefined, saved: readonly SortSpec[] | undefined): SortSpec[] {
  if (given) {
    checkGroupBy(table, given);
    return given;
  }
  return (saved ?? []).filter((g) => table.byId.has(g.fieldId));
}

/** Grouping fields must be visible fields of the table, each once. */
export function checkGroupBy(table: TableMeta, groupBy: readonly SortSpec[]): void {
  assertFieldsKnown(table, groupBy, 'group');
  if (new Set(groupBy.map((g) => g.fieldId)).size !== groupBy.length)
    throw new AppError('validation', 'base.group.repeated', { en: 'A field can group only once', zh: '同一字段只能分组一次' });
}

/**
 * The group structure of a grouped view: every group header (up to three levels) with its record count and where its
 * records start in the view's record order, counted in SQL under the same filter and row rules as the records.
 */
export async function queryGroups(
  deps: Deps,
  ctx: RequestContext,
  tableId: string,
  q: GroupQuery,
): Promise<{ groups: RecordGroupDto[]; total: number; truncated: boolean }> {
  const { table, visible: visibleTable, related, view, where } = await readScope(deps, ctx, tableId, q);
  const groupBy = resolveGroupBy(visibleTable, q.groupBy, view?.config.groupBy);
  if (groupBy.length === 0) return { groups: [], total: 0, truncated: false };
  const leaves = await countGroups(deps.db, physicalTable(table.id), visibleTable, related, groupBy, where, MAX_RECORD_GROUPS + 1);
  const total = leaves.reduce((n, l) => n + l.count, 0);
  if (leaves.length > MAX_RECORD_GROUPS) return { groups: [], total, truncated: true };
  const fields = groupBy.map((g) => visibleTable.byId.get(g.fieldId)!);
  return { groups: await toGroups(deps, fields, leaves), total, truncated: false };
}

/** Leaf counts in group order → headers in display order: a parent opens where its first leaf starts and sums its leaves. */
async function toGroups(deps: Deps, fields: FieldMeta[], leaves: GroupLeafRow[]): Promise<RecordGroupDto[]> {
  const groups: RecordGroupDto[] = [];
  const open: (RecordGroupDto | undefined)[] = [];
  const raws: { raw: unknown }[] = [];
  let start = 0;
  for (const leaf of leaves) {
    const keys = leaf.values.map((v) => JSON.stringify(v ?? null));
    fields.forEach((field, depth) => {
      const key = JSON.stringify(keys.slice(0, depth + 1));
      let g = open[depth];
      if (!g || g.key !== key) {
        g = { depth, key, fieldId: field.id, value: null, count: 0, start };
        open[depth] = g;
        open.length = depth + 1;
        groups.push(g);
        raws.push({ raw: leaf.values[depth] });
      }
      g.count += leaf.count;
    });
    start += leaf.count;
  }
  // Values in API shape (people with names …), converted like record cells, one grouping field at a time.
  for (const [depth, field] of fields.entries()) {
    const at = groups.flatMap((g, i) => (g.depth === depth ? [i] : []));
    const rows = at.map((i) => ({ values: { [field.id]: raws[i]!.raw } }) as unknown as repo.RecordRow);
    const values = await toApiValues(deps.db, [field], rows);
    at.forEach((gi, j) => (groups[gi]!.value = values[j]![field.id] ?? null));
  }
  return groups;
}

import { sql, type RawBuilder } from 'kysely';
import type { ViewDto } from '@concord/contracts';
import type { FilterNode } from '@concord/table-engine';
import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import type { RelatedTables } from './field-sql.ts';
import { filterToSql, type FilterContext } from './filter-to-sql.ts';
import { tableAccess, type TableAccess } from './table-access.ts';
import { loadRelated, loadTable, withoutFields, type TableMeta } from './table-meta.ts';

/** Where every read of records starts: what the actor may see of a table, and which rows a view or filter selects. */
export interface ReadScope {
  table: TableMeta;
  /** The table without the fields hidden from the actor: filters, sorts and groups may name only these. */
  visible: TableMeta;
  access: TableAccess;
  related: RelatedTables;
  view: ViewDto | undefined;
  /** For further filters in the same scope (a widget's, "me"). */
  filterContext: FilterContext;
  /** Row rules and the filter together; null when every row is selected. */
  where: RawBuilder<boolean> | null;
}

/** Conditions joined by AND; null when there are none. */
export function allOf(...parts: (RawBuilder<boolean> | null | undefined)[]): RawBuilder<boolean> | null {
  const present = parts.filter((p): p is RawBuilder<boolean> => p != null);
  return present.length === 0
    ? null
    : sql<boolean>`(${sql.join(
        present.map((p) => sql`(${p})`),
        sql` and `,
      )})`;
}

/** Sort and group specs may name only fields the actor can see in the table. */
export function assertFieldsKnown(table: TableMeta, specs: readonly { fieldId: string }[], use: 'sort' | 'group'): void {
  for (const { fieldId } of specs)
    if (!table.byId.has(fieldId))
      throw new AppError(
        'validation',
        `base.${use}.invalid`,
        use === 'sort'
          ? { en: `Unknown sort field ${fieldId}`, zh: `排序字段 ${fieldId} 不存在` }
          : { en: `Unknown group field ${fieldId}`, zh: `分组字段 ${fieldId} 不存在` },
        { feishuCode: 1254016 },
      );
}

export const viewNotFound = (viewId: string) =>
  new AppError('not_found', 'base.view.not_found', { en: `View ${viewId} not found`, zh: `视图 ${viewId} 不存在` }, { feishuCode: 1254000 });

/**
 * Resolves a read: the actor's access (row rules, hidden fields), the view, and the filter — the one given, else the
 * view's — compiled against the fields the actor may see, so a filter can never select by a hidden field.
 */
export async function readScope(
  deps: Deps,
  ctx: RequestContext,
  tableId: string,
  q: { viewId?: string | null; filter?: FilterNode | null; firstViewByDefault?: boolean },
): Promise<ReadScope> {
  const table = await loadTable(deps.db, tableId);
  const access = await tableAccess(deps.db, ctx.actor, table, 'read');
  const view = q.viewId ? table.views.find((v) => v.id === q.viewId) : q.firstViewByDefault ? table.views[0] : undefined;
  if (q.viewId && !view) throw viewNotFound(q.viewId);
  const related = await loadRelated(deps.db, table);
  const visible = access.hidden.size ? withoutFields(table, access.hidden) : table;
  const filterContext: FilterContext = { table: visible, related, now: deps.clock.now(), userId: ctx.actor?.kind === 'user' ? ctx.actor.userId : null };
  const filter = q.filter !== undefined ? q.filter : (view?.config.filter ?? null);
  return { table, visible, access, related, view, filterContext, where: allOf(access.rows, filter ? filterToSql(filter, filterContext) : null) };
}

import { sql, type RawBuilder } from 'kysely';
import type { BaseRole, TableRule } from '@concord/contracts';
import type { Db } from '../platform/db/database.ts';
import type { Actor } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { requireRole, type Membership } from './access.ts';
import { fieldColumn, tableNotFound, type TableMeta } from './table-meta.ts';

/** What the actor may do in one table, after the base role and the table's rules. */
export interface TableAccess {
  role: BaseRole;
  canEdit: boolean;
  /** Limits records to those the actor may see; null = all. */
  rows: RawBuilder<boolean> | null;
  hidden: Set<string>;
  readOnly: Set<string>;
  /** True when some records or fields are withheld, so live events must not carry record ids. */
  restricted: boolean;
}

const forbidden = (en: string, zh: string) => new AppError('forbidden', 'base.forbidden', { en, zh }, { feishuCode: 1254302, httpStatus: 403 });

/** People whose records a row rule lets `userId` see. */
function visiblePeople(userId: string, include: NonNullable<TableRule['rows']>['include']): RawBuilder<string[]> {
  const parts: RawBuilder<unknown>[] = [];
  if (include.includes('self')) parts.push(sql`select ${userId}::text as id`);
  if (include.includes('reports')) {
    parts.push(
      sql`select id from (with recursive r(id) as (select id from users where manager_id = ${userId} union select u.id from users u join r on u.manager_id = r.id) select id from r) reports`,
    );
  }
  if (include.includes('departmentsHeaded')) {
    parts.push(sql`select ud.user_id as id from user_departments ud where ud.department_id in (
      with recursive d(id) as (select id from departments where head_id = ${userId} union select c.id from departments c join d on c.parent_id = d.id) select id from d)`);
  }
  return sql<string[]>`array(${sql.join(parts, sql` union `)})`;
}

/**
 * Resolves the actor's access to a table and throws when it is below `need`: a member who may not see the table is
 * told it does not exist; one who may see but not edit gets a 403.
 */
export async function tableAccess(
  db: Db,
  actor: Actor | null,
  table: TableMeta,
  need: 'read' | 'edit' | 'comment',
  /** The actor's membership, when read with the table (loadTableForWrite). */
  membership?: Membership,
): Promise<TableAccess> {
  const role = await requireRole(db, actor, table.baseId, 'viewer', membership);
  const full: TableAccess = { role, canEdit: role === 'owner' || role === 'editor', rows: null, hidden: new Set(), readOnly: new Set(), restricted: false };
  const userId = actor?.kind === 'user' ? actor.userId : null;
  const rule = role === 'owner' || !userId ? undefined : table.rules.find((r) => r.role === role);
  let access = full;
  if (rule && userId) {
    if (rule.access === 'none') throw tableNotFound(table.id);
    const personField = rule.rows ? table.byId.get(rule.rows.personFieldId) : undefined;
    const rows = rule.rows && personField ? sql<boolean>`coalesce(${fieldColumn(personField.id)}, '{}') && ${visiblePeople(userId, rule.rows.include)}` : null;
    const hidden = new Set(
      Object.entries(rule.fields)
        .filter(([, a]) => a === 'none')
        .map(([id]) => id),
    );
    const readOnly = new Set(
      Object.entries(rule.fields)
        .filter(([, a]) => a === 'read')
        .map(([id]) => id),
    );
    access = { role, canEdit: role === 'editor' && rule.access === 'edit', rows, hidden, readOnly, restricted: rows !== null || hidden.size > 0 };
  }
  if (need === 'edit' && !access.canEdit) throw forbidden('You can view this table but not edit it', '你可以查看此数据表，但无权编辑');
  if (need === 'comment' && access.role === 'viewer') throw forbidden('Viewers cannot comment', '查看者不能评论');
  return access;
}

/** Refuses writes to fields the actor may not edit. */
export function assertWritable(access: TableAccess, table: TableMeta, fieldIds: Iterable<string>): void {
  for (const id of fieldIds) {
    if (access.hidden.has(id) || access.readOnly.has(id)) {
      const name = table.byId.get(id)?.name ?? id;
      throw forbidden(`You cannot edit ${name}`, `你无权编辑字段 ${name}`);
    }
  }
}

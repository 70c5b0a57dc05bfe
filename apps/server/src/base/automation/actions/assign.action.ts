import { sql } from 'kysely';
import type { ActionRunner } from './action-env.ts';
import { updateRecords } from '../../record.service.ts';
import { fieldColumn, physicalTable } from '../../table-meta.ts';
import { leastLoadedPick, roundRobinPick } from '../trigger-match.ts';
import { RUN_TEXT, runFailure } from '../run-text.ts';

/** The pool in a stable order: listed people first, then the department's active members by name. */
async function poolOf(env: Parameters<ActionRunner<'assign'>>[0], pool: { userIds: string[]; departmentId: string | null }): Promise<string[]> {
  const listed = pool.userIds.length
    ? await env.deps.db.selectFrom('users').select('id').where('id', 'in', pool.userIds).where('active', '=', true).execute()
    : [];
  const out = pool.userIds.filter((id) => listed.some((l) => l.id === id));
  if (pool.departmentId) {
    const members = await env.deps.db
      .selectFrom('user_departments as ud')
      .innerJoin('users as u', 'u.id', 'ud.user_id')
      .select('u.id')
      .where('ud.department_id', '=', pool.departmentId)
      .where('u.active', '=', true)
      .orderBy('u.name')
      .orderBy('u.id')
      .execute();
    for (const m of members) if (!out.includes(m.id)) out.push(m.id);
  }
  return out;
}

export const runAssign: ActionRunner<'assign'> = async (env, action) => {
  const pool = await poolOf(env, action.pool);
  if (pool.length === 0) throw runFailure(RUN_TEXT.emptyPool);
  let pick: string | null;
  if (action.strategy === 'round_robin') {
    // The counter moves atomically, so concurrent runs on several instances still take turns.
    const r = await env.deps.db
      .updateTable('base_automations')
      .set((eb) => ({ assign_cursor: eb('assign_cursor', '+', 1) }))
      .where('id', '=', env.automation.id)
      .returning('assign_cursor')
      .executeTakeFirstOrThrow();
    pick = roundRobinPick(pool, r.assign_cursor - 1);
  } else {
    const col = fieldColumn(action.fieldId);
    const counts = await sql<{ u: string; n: number }>`
      select u, count(*)::int as n from ${physicalTable(env.table.id)} t, unnest(${col}) as u
      where u = any(${sql.val(pool)}::text[]) and t.id <> ${env.recordId} group by u`.execute(env.deps.db);
    pick = leastLoadedPick(pool, new Map(counts.rows.map((c) => [c.u, Number(c.n)])));
  }
  if (!pick) throw runFailure(RUN_TEXT.nobodyToAssign);
  await updateRecords(env.deps, env.ctx, env.table.id, [{ id: env.recordId, fields: { [action.fieldId]: [pick] } }]);
  env.assignedFields.add(action.fieldId);
  const person = await env.deps.db.selectFrom('users').select('name').where('id', '=', pick).executeTakeFirst();
  return { status: 'succeeded', detail: `${env.table.byId.get(action.fieldId)?.name ?? action.fieldId} → ${person?.name ?? pick}` };
};

import type { Db } from './db/database.ts';
import { actorIdOf, type RequestContext } from './http/actor.ts';

/**
 * Appends to the audit log in the caller's transaction: who, what, when, from where.
 * `details` must never contain secrets or passwords.
 * @example await audit(trx, ctx, 'org.person.update', { type: 'person', id }, { fields: ['title'] })
 */
export async function audit(
  trx: Db,
  ctx: Pick<RequestContext, 'actor' | 'ip'> | null,
  action: string,
  target: { type: string; id: string } | null,
  details?: Record<string, unknown>,
): Promise<void> {
  const actor = ctx?.actor ?? null;
  await trx
    .insertInto('audit_log')
    .values({
      actor_type: actor ? actor.kind : ctx ? 'anonymous' : 'system',
      actor_id: actorIdOf(actor),
      action,
      target_type: target?.type ?? null,
      target_id: target?.id ?? null,
      ip: ctx?.ip ?? null,
      details: details ? JSON.stringify(details) : null,
    })
    .execute();
}

import { sql, type RawBuilder } from 'kysely';
import type { DomainEvent, Room } from '@concord/contracts';
import type { Db } from './db/database.ts';

export const OUTBOX_CHANNEL = 'concord_outbox';

/**
 * Records a domain event in the outbox inside the caller's transaction. NOTIFY is delivered only on commit,
 * so every instance hears about the change exactly when it becomes visible, and a rollback publishes nothing.
 * @example await publish(trx, ['org'], { type: 'org.department.changed', departmentId, change: 'updated' })
 */
export async function publish(trx: Db, rooms: Room[], event: DomainEvent): Promise<void> {
  // One statement for both: writes pay a round trip per statement.
  await sql`with o as (${outboxInsert(rooms, event)}) select ${outboxNotify()}`.execute(trx);
}

/**
 * The two halves of {@link publish}, for a write that carries them in its own statement (one round trip): the outbox
 * row, written only when `when` holds in that statement, and the NOTIFY, to evaluate exactly when the row is written.
 */
export function outboxInsert(rooms: Room[], event: DomainEvent, when: RawBuilder<boolean> = sql<boolean>`true`): RawBuilder<unknown> {
  return sql`insert into outbox (rooms, event) select ${rooms}::text[], ${JSON.stringify(event)}::jsonb where ${when}`;
}

export const outboxNotify = (): RawBuilder<unknown> => sql`pg_notify(${OUTBOX_CHANNEL}, '')`;

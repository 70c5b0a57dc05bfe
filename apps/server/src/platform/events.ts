import { sql } from 'kysely';
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
  await sql`with o as (insert into outbox (rooms, event) values (${rooms}::text[], ${JSON.stringify(event)}::jsonb)) select pg_notify(${OUTBOX_CHANNEL}, '')`.execute(
    trx,
  );
}

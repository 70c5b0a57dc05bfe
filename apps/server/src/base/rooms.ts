import type { DomainEvent, Room } from '@concord/contracts';
import type { Db } from '../platform/db/database.ts';
import type { Actor } from '../platform/http/actor.ts';
import { roleIn } from './access.ts';
import { tableAccess } from './table-access.ts';
import { loadTable } from './table-meta.ts';

/** Under row or field rules a member learns that records changed, not which: the refetch applies the rules. */
const withoutRecordIds = (e: DomainEvent): DomainEvent => (e.type === 'base.records.changed' ? { ...e, recordIds: [] } : e);

/** `base:<id>` and `table:<id>` rooms: anyone who can view the base (and, for a table, is not shut out by its rules). */
export async function canJoinBaseRoom(db: Db, actor: Actor, room: Room): Promise<{ allowed: boolean; redact?: (e: DomainEvent) => DomainEvent }> {
  if (room.startsWith('base:')) return { allowed: (await roleIn(db, actor, room.slice(5))) !== null };
  if (!room.startsWith('table:')) return { allowed: false };
  const access = await tableAccess(db, actor, await loadTable(db, room.slice(6)), 'read');
  return access.restricted ? { allowed: true, redact: withoutRecordIds } : { allowed: true };
}

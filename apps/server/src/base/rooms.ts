import type { Room } from '@concord/contracts';
import type { Db } from '../platform/db/database.ts';
import type { Actor } from '../platform/http/actor.ts';
import { roleIn } from './access.ts';

/** `base:<id>` and `table:<id>` rooms: anyone who can view the base may listen. */
export async function canJoinBaseRoom(db: Db, actor: Actor, room: Room): Promise<boolean> {
  let baseId: string | undefined;
  if (room.startsWith('base:')) baseId = room.slice(5);
  else if (room.startsWith('table:'))
    baseId = (await db.selectFrom('base_tables').select('base_id').where('id', '=', room.slice(6)).executeTakeFirst())?.base_id;
  if (!baseId) return false;
  return (await roleIn(db, actor, baseId)) !== null;
}

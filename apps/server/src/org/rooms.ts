import type { Room } from '@concord/contracts';
import type { Actor } from '../platform/http/actor.ts';

/** Directory rooms: everyone signed in sees `org`; `user:<id>` is private to that person. Other prefixes are decided by their slices. */
export async function canJoinRoom(actor: Actor, room: Room): Promise<{ allowed: boolean }> {
  if (actor.kind !== 'user') return { allowed: false };
  if (room === 'org') return { allowed: true };
  return { allowed: room.startsWith('user:') && room === `user:${actor.userId}` };
}

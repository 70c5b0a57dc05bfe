import { z } from 'zod';
import { domainEvent, room } from './events.ts';
import { transientEvent } from './transient.ts';

/** Messages a browser sends on /api/v1/ws. `resume` asks for every event after `since` (catch-up after a disconnect). */
export const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), rooms: z.array(room).max(100) }),
  z.object({ type: z.literal('unsubscribe'), rooms: z.array(room).max(100) }),
  z.object({ type: z.literal('resume'), since: z.number().int().min(0) }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof clientMessage>;

/** Messages the server pushes. `seq` is the outbox position; a client keeps the highest it has seen. */
export const serverMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), seq: z.number().int(), instanceId: z.string() }),
  z.object({ type: z.literal('subscribed'), rooms: z.array(room), denied: z.array(z.string()) }),
  z.object({ type: z.literal('event'), seq: z.number().int(), rooms: z.array(room), event: domainEvent }),
  /** A transient event (progress): no seq, since it is neither stored nor replayed. */
  z.object({ type: z.literal('transient'), rooms: z.array(room), event: transientEvent }),
  /** The gap since `resume` is too large or expired from the outbox: reload everything. */
  z.object({ type: z.literal('resync'), seq: z.number().int() }),
  z.object({ type: z.literal('pong') }),
  /** Who is looking at a table right now (across all instances); sent whenever it changes. */
  z.object({ type: z.literal('presence'), room, users: z.array(z.object({ id: z.string(), name: z.string() })) }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type ServerMessage = z.infer<typeof serverMessage>;
